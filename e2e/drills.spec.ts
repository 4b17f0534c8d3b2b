import { copyFileSync, mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { generateDrill } from "../src/lessons/drills/index.ts";
import { keep, open } from "./helpers.ts";

// CKA practice drills in the browser: New drill from the lesson browser, the pane's countdown
// (kept across a reload, amber in the last minute, red and counting on past the limit), "Do it for
// me" meeting the goals, the timer stopping and "What was wrong"; Give up on a `#lesson=drill:42`
// link, which opens the same drill the CLI's `drill:42` is; the attempts listed in the browser.

const pane = (page: Page) => page.getByRole("complementary", { name: "Lesson" });
const timer = (page: Page) => pane(page).locator("[data-drill-timer]");
const debrief = (page: Page) => pane(page).getByRole("region", { name: "What was wrong" });
const ATTEMPTS = "k8s-storage-playground.lessons.drills";

async function shoot(page: Page, name: string, what = pane(page)) {
  const path = test.info().outputPath(name);
  await what.screenshot({ path });
  keep(path, name);
  mkdirSync("/tmp/h4/shots", { recursive: true });
  copyFileSync(path, `/tmp/h4/shots/${name}`);
}

async function lightAndDark(page: Page, name: string, what?: ReturnType<Page["locator"]>) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(page, `${name}-${scheme}-1280x720.png`, what);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Moves the open attempt's start back (as if that long had passed) and reloads. */
async function startedAgo(page: Page, seconds: number) {
  await page.evaluate(
    ([key, s]) => {
      const list = JSON.parse(localStorage.getItem(key as string)!);
      list[0].startedAt = Date.now() - (s as number) * 1000;
      localStorage.setItem(key as string, JSON.stringify(list));
    },
    [ATTEMPTS, seconds],
  );
  await page.reload();
}

const seconds = (label: string) => {
  const [m, s] = label.replace("+", "").split(":").map(Number);
  return m! * 60 + s!;
};

test("a new drill: the countdown runs, survives a reload, and stops at the fix with what was wrong", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);

  await page.keyboard.press("l");
  const browser = page.getByRole("dialog", { name: "Lessons" });
  await expect(browser.getByRole("region", { name: "CKA practice" })).toContainText("A drill is a freshly broken cluster");
  await browser.getByRole("button", { name: "New drill" }).click();

  await expect(pane(page).getByRole("heading", { level: 2 })).toHaveText(/^Drill \d+: the pod \S+ is stuck$/);
  const title = (await pane(page).getByRole("heading", { level: 2 }).textContent())!;
  const drill = generateDrill(Number(/^Drill (\d+)/.exec(title)![1]));
  const limit = drill.timeLimitSeconds;
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "running");
  await expect(pane(page).getByRole("timer")).toHaveText(/^0\d:\d\d$/);
  // It counts down (by the start time: a second later it shows less).
  await expect.poll(async () => seconds((await pane(page).getByRole("timer").textContent())!), { timeout: 4000 }).toBeLessThan(limit);
  // The cause is the learner's to find: no explanation, no goal ghost, no lecture mode.
  await expect(debrief(page)).toHaveCount(0);
  await expect(pane(page).getByRole("button", { name: "Lecture" })).toHaveCount(0);
  await expect(pane(page)).not.toContainText(drill.explanation.slice(0, 40));
  await lightAndDark(page, "drill-running");

  // A reload keeps the timer: 5½ minutes "ago" it is in its last minute (amber)…
  await startedAgo(page, limit - 30);
  await expect(pane(page).getByRole("heading", { level: 2 })).toHaveText(title);
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "last-minute");
  expect(seconds((await pane(page).getByRole("timer").textContent())!)).toBeLessThanOrEqual(30);
  await lightAndDark(page, "drill-last-minute");
  // …and past the limit it goes on counting, in red.
  await startedAgo(page, limit + 42);
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "over");
  await expect(pane(page).getByRole("timer")).toHaveText(/^\+00:4\d$/);
  await expect(timer(page)).toContainText("over the");
  await lightAndDark(page, "drill-over");

  await pane(page).getByRole("button", { name: "Do it for me" }).click();
  await expect(pane(page).locator('[data-goal="pod-running"]')).toHaveAttribute("data-met", "true", { timeout: 20_000 });
  await expect(pane(page).locator('[data-goal="claim-bound"]')).toHaveAttribute("data-met", "true");
  // The timer stops: the time taken, and it no longer moves.
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "ended");
  await expect(debrief(page)).toContainText(drill.explanation.slice(0, 60));
  await expect(debrief(page).locator("[data-drill-result]")).toHaveText(/^Solved in \d\d:\d\d \(over the \d\d:00 limit\) with help$/);
  const stopped = await pane(page).getByRole("timer").textContent();
  await page.waitForTimeout(1200);
  await expect(pane(page).getByRole("timer")).toHaveText(stopped!);
  await lightAndDark(page, "drill-solved");
  await page.screenshot({ path: "/tmp/h4/shots/drill-page-1280x720.png" });

  // Go again from the pane: another drill, a fresh countdown.
  await pane(page).getByRole("button", { name: "New drill" }).click();
  await expect(pane(page).getByRole("heading", { level: 2 })).not.toHaveText(title);
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "running");
  await expect(debrief(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a drill link opens the same drill; Give up shows what was wrong, and the browser lists the attempts", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const drill = generateDrill(42);
  await page.goto("/#lesson=drill:42");
  await expect(pane(page).getByRole("heading", { level: 2 })).toHaveText(drill.lesson.title);
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "running");
  await expect(pane(page).locator('[data-goal="claim-bound"]')).toHaveAttribute("data-met", "false");

  // Show solution shows the drill's fix (and the attempt counts as helped).
  await pane(page).getByRole("button", { name: "Show solution" }).click();
  await expect(pane(page).locator("pre")).toHaveText(drill.fix.trimEnd());
  await pane(page).getByRole("button", { name: "Hide solution" }).click();

  await pane(page).getByRole("button", { name: "Give up — show what was wrong" }).click();
  await expect(debrief(page)).toContainText(drill.explanation.slice(0, 60));
  await expect(debrief(page).locator("[data-drill-result]")).toHaveAttribute("data-drill-result", "gave-up");
  await expect(debrief(page).locator("[data-drill-result]")).toHaveText(/^Gave up after 00:\d\d · the limit was \d\d:00$/);
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "ended");
  await expect(pane(page).getByRole("button", { name: /Give up/ })).toHaveCount(0);
  await lightAndDark(page, "drill-gave-up");

  // The reload keeps the ended attempt and its explanation.
  await page.reload();
  await expect(debrief(page)).toContainText(drill.explanation.slice(0, 60));

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("l");
  const recent = page.getByRole("dialog", { name: "Lessons" }).getByRole("list", { name: "Recent drills" });
  await expect(recent.locator('[data-drill-attempt="drill:42"]').first()).toContainText("Gave up after");
  await lightAndDark(page, "drill-browser", page.getByRole("dialog", { name: "Lessons" }));
  expect(errors).toEqual([]);
});

test("a drill is not offered in lecture mode: a lecture link opens it in the pane", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/#lesson=drill:7&lecture=1");
  await expect(pane(page).getByRole("heading", { level: 2 })).toHaveText(generateDrill(7).lesson.title);
  await expect(timer(page)).toHaveAttribute("data-drill-timer", "running");
  expect(errors).toEqual([]);
});
