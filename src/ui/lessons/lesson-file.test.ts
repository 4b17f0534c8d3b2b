import { describe, expect, it } from "vitest";
import { builtinLessonText } from "../../lessons/builtin/load-browser.ts";
import { problemText, readLessonText, sizeProblem } from "./lesson-file.ts";

const LESSON = `id: my-binding
title: My first claim
summary: A claim and a volume.
topic: Mine
preset: bare
seed: 3
steps:
  - title: A volume
    prose: Make one.
    goals:
      - id: pv
        title: A volume exists
        check:
          exists: { kind: pv }
    solution: |
      kubectl get pv
`;

function problems(text: string) {
  const r = readLessonText(text, "mine.yaml");
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

describe("reading a teacher's lesson file", () => {
  it("reads a valid lesson", () => {
    const r = readLessonText(LESSON, "mine.yaml");
    expect(r.ok && r.lesson.title).toBe("My first claim");
    expect(r.ok && r.text).toBe(LESSON);
  });

  it("lists every problem with its line, column and field, in the parser's words", () => {
    const broken = LESSON.replace("preset: bare", "preset: minikube")
      .replace("exists: { kind: pv }", "phaze: { kind: pv }")
      .replace("    solution:", "    hint: typo\n    solution:");
    const ps = problems(broken);
    expect(ps.map(problemText)).toEqual([
      'line 5, column 1: preset: must be one of: kind, kind-multinode, bare, multi-az, empty (got "minikube")',
      'line 8, column 5: steps[0]: unknown field "hint"',
      'line 13, column 9: steps[0].goals[0].check: unknown check "phaze"',
    ]);
    // Each names its field and a line of the file; none is a stack trace.
    expect(ps.length).toBeGreaterThanOrEqual(3);
    for (const p of ps) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.message).not.toMatch(/\n\s+at /);
    }
    const byPath = Object.fromEntries(ps.map((p) => [p.path, p]));
    expect(byPath.preset).toMatchObject({ line: 5, message: expect.stringContaining('(got "minikube")') });
    expect(byPath["steps[0].goals[0].check"]).toMatchObject({ line: 13, column: 9, message: 'unknown check "phaze"' });
    expect(byPath["steps[0]"]).toMatchObject({ message: 'unknown field "hint"' });
  });

  it("places a YAML syntax error at its line and column", () => {
    const ps = problems(LESSON.replace("    prose: Make one.", "    prose: Make one.\n   bad: [1"));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.line).toBe(10);
    expect(ps[0]!.column).toBeGreaterThan(0);
    expect(ps[0]!.path).toBeUndefined();
  });

  it("puts a missing top-level field on the file's first line", () => {
    const ps = problems(LESSON.replace("title: My first claim\n", ""));
    expect(ps).toEqual([{ line: 1, column: 1, message: 'missing required field "title"' }]);
  });

  it("refuses a YAML bomb at once, as kubectl does", () => {
    let text = LESSON.replace("    goals:\n", "    goals:\n");
    const anchors = ["      - id: g0\n        title: G\n        check: &a0 { exists: { kind: pv } }\n"];
    for (let i = 1; i <= 9; i++)
      anchors.push(`      - id: g${i}\n        title: G\n        check: &a${i} { all: [${Array(9).fill(`*a${i - 1}`).join(", ")}] }\n`);
    text = text.replace("    goals:\n", `    goals:\n${anchors.join("")}`);
    // A hang here would hit the test's timeout; the parser answers in milliseconds.
    const ps = problems(text);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.message).toBe("document contains excessive aliasing");
    expect(ps[0]!.line).toBeGreaterThan(10);
  });

  it("refuses a 5 MB text by its size, without parsing it", () => {
    const huge = `${LESSON}# ${"x".repeat(5 * 1024 * 1024)}\n`;
    expect(problems(huge)).toEqual([
      { message: "The file is 5.0 MB; a lesson file can be at most 256 KB." },
    ]);
    expect(sizeProblem(200 * 1024)).toBeNull();
  });

  it("says an empty text is empty, and a Kubernetes manifest is not a lesson", () => {
    expect(problems("  \n")[0]!.message).toMatch(/^There is nothing in it/);
    const ps = problems(builtinLessonText("static-binding")!.split("content: |")[0]!.replace(/^id:.*\n/, "apiVersion: v1\n"));
    expect(ps.map((p) => p.message)).toContain('unknown field "apiVersion"');
  });
});
