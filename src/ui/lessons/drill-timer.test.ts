import { describe, expect, it } from "vitest";
import type { DrillAttempt } from "../../store/lesson-persistence.ts";
import {
  attemptSummary,
  beginAttempt,
  drillClock,
  endOpen,
  formatClock,
  latestAttempt,
  markHelped,
  openAttempt,
} from "./drill-timer.ts";

const T0 = 1_700_000_000_000;
const at = (s: number) => T0 + s * 1000;
const six: DrillAttempt = { id: "drill:42", startedAt: T0, limitSeconds: 360 };

describe("the drill clock", () => {
  it("counts down in mm:ss from the limit, by the start time (so a reload loses nothing)", () => {
    expect(drillClock(six, T0)).toEqual({ state: "running", elapsed: 0, remaining: 360, label: "06:00" });
    expect(drillClock(six, at(1.9))).toMatchObject({ state: "running", label: "05:59" });
    expect(drillClock(six, at(299))).toMatchObject({ state: "running", label: "01:01" });
  });

  it("turns to its last minute at 01:00, then counts on past the limit", () => {
    expect(drillClock(six, at(300))).toMatchObject({ state: "last-minute", remaining: 60, label: "01:00" });
    expect(drillClock(six, at(360))).toMatchObject({ state: "last-minute", remaining: 0, label: "00:00" });
    expect(drillClock(six, at(361))).toMatchObject({ state: "over", remaining: -1, label: "+00:01" });
    expect(drillClock(six, at(360 + 3725))).toMatchObject({ state: "over", label: "+62:05" });
  });

  it("stops at the end and shows the time taken, whatever the clock says later", () => {
    const solved = { ...six, endedAt: at(250), outcome: "solved" as const };
    expect(drillClock(solved, at(9999))).toEqual({ state: "ended", elapsed: 250, remaining: 110, label: "04:10" });
    expect(attemptSummary(solved, at(9999))).toBe("Solved in 04:10");
    expect(attemptSummary({ ...solved, endedAt: at(400), helped: true }, 0)).toBe("Solved in 06:40 (over the 06:00 limit) with help");
    expect(attemptSummary({ ...six, endedAt: at(75), outcome: "gave-up" }, 0)).toBe("Gave up after 01:15");
    expect(attemptSummary({ ...six, endedAt: at(5), outcome: "left" }, 0)).toBe("Left after 00:05");
    expect(attemptSummary(six, at(10))).toBe("In progress");
  });

  it("never shows a negative time for a clock set back", () => {
    expect(drillClock(six, T0 - 5000)).toMatchObject({ elapsed: 0, label: "06:00" });
    expect(formatClock(-3)).toBe("00:00");
  });
});

describe("drill attempts", () => {
  it("begin newest first, leaving whatever was still open, and end only once", () => {
    let list = beginAttempt([], "drill:1", 360, at(0));
    list = beginAttempt(list, "drill:2", 420, at(30));
    expect(list.map((a) => [a.id, a.outcome, a.endedAt])).toEqual([
      ["drill:2", undefined, undefined],
      ["drill:1", "left", at(30)],
    ]);
    list = endOpen(list, (a) => a.id === "drill:2", "gave-up", at(90));
    list = endOpen(list, (a) => a.id === "drill:2", "solved", at(120));
    expect(latestAttempt(list, "drill:2")).toMatchObject({ outcome: "gave-up", endedAt: at(90) });
    expect(openAttempt(list, "drill:2")).toBeUndefined();
  });

  it("start again at the same drill as a new attempt, and mark help on the open one only", () => {
    let list = beginAttempt([], "drill:7", 300, at(0));
    list = endOpen(list, () => true, "solved", at(100));
    list = beginAttempt(list, "drill:7", 300, at(200));
    expect(openAttempt(list, "drill:7")?.startedAt).toBe(at(200));
    list = markHelped(list, "drill:7");
    expect(list.map((a) => a.helped)).toEqual([true, undefined]);
    expect(markHelped([list[1]!], "drill:7")).toEqual([list[1]]);
  });
});
