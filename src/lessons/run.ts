// Running a lesson headless: start its cluster (preset, seed), run its setup, run a script (the
// reference solution, or a learner's) with the script runner, command by command so each one is
// a record of the history, and evaluate goals. The browser does the same from its store: start
// with startLesson, feed each terminal line or editor Apply to runLines (or build CommandRecords
// itself), and call evaluateStep whenever the state changes.
import { createCluster, type ClusterState, type Step } from '../engine/index.ts';
import { runScript } from '../commands/script/run-script.ts';
import { parseScript } from '../commands/script/parse-script.ts';
import { createHostSession, type HostSession } from '../commands/shell/host-shell.ts';
import type { FileSource } from '../commands/types.ts';
import { evaluateCheck } from './checks/index.ts';
import type { CheckContext } from './checks/context.ts';
import type { CommandRecord, Goal, GoalResult, Lesson, LessonStep } from './types.ts';

export interface LessonRun {
  lesson: Lesson;
  /** One shell from the setup on: files and variables carry from line to line, as in the terminal. */
  session: HostSession;
  /** Steps since the learner started (the setup's are not counted). */
  steps: Step[];
  history: CommandRecord[];
  /** What the setup printed on stderr and whether it succeeded (a lesson whose setup fails is broken). */
  setup: { exitCode: number; stderr: string };
}

/**
 * The files a lesson's scripts read: the steps' manifests by name (so `kubectl apply -f pv.yaml`
 * reads the editor's pv.yaml), then whatever `fallback` has (a learner's script folder).
 */
export function lessonFiles(lesson: Lesson, fallback?: FileSource): FileSource {
  const own = new Map<string, string>();
  for (const step of lesson.steps) for (const m of step.manifests ?? []) own.set(m.name, m.content);
  return {
    read: (p) => own.get(p.replace(/^\.\//, '')) ?? fallback?.read(p),
    // The script's own folder holds the lesson's files too (`docker build .` reads its Dockerfile).
    list: (p) => {
      const dir = p.replace(/^\.\//, '').replace(/\/+$/, '');
      const mine = dir === '' || dir === '.' ? [...own.keys()] : [];
      const theirs = fallback?.list?.(p);
      return mine.length === 0 ? theirs : [...new Set([...mine, ...(theirs ?? [])])].sort();
    },
  };
}

export function startLesson(lesson: Lesson, fallback?: FileSource): LessonRun {
  const start: ClusterState = createCluster({ preset: lesson.preset, seed: lesson.seed });
  const session = createHostSession(start, lessonFiles(lesson, fallback));
  const run: LessonRun = { lesson, session, steps: [], history: [], setup: { exitCode: 0, stderr: '' } };
  if (lesson.setup) {
    const r = runLines(run, lesson.setup);
    run.setup = { exitCode: r.exitCode, stderr: r.records.map((c) => c.stderr).join('') + (r.error ?? '') };
    run.steps = [];
    run.history = [];
  }
  return run;
}

export interface LinesResult {
  /** 0: every command succeeded; 1: one failed; 2: the text is not a script (nothing ran). */
  exitCode: 0 | 1 | 2;
  records: CommandRecord[];
  /** Why the text could not be read (`kubesim: line 3: …`). */
  error?: string;
}

/** Runs command lines in the lesson's shell, recording each (its line, output and status). */
export function runLines(run: LessonRun, text: string): LinesResult {
  const parsed = parseScript(text);
  if (!parsed.ok) return { exitCode: 2, records: [], error: `kubesim: line ${parsed.line}: ${parsed.error}\n` };
  const records: CommandRecord[] = [];
  let failed = false;
  for (const cmd of parsed.commands) {
    // One command at a time through the script runner; the blank lines keep the shell's line
    // numbers those of the script (`bash: line 7: …`).
    const r = runScript('\n'.repeat(cmd.line - 1) + cmd.source, { session: run.session, state: run.session.state, quiet: true, files: { read: () => undefined } });
    for (const s of r.steps) run.steps.push(s);
    const record: CommandRecord = { text: cmd.text, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    records.push(record);
    run.history.push(record);
    if (r.exitCode !== 0) failed = true;
    if (run.session.ctx.exited !== undefined) break;
  }
  return { exitCode: failed ? 1 : 0, records };
}

export function contextOf(run: LessonRun): CheckContext {
  return { state: run.session.state, steps: run.steps, history: run.history };
}

export function evaluateGoals(goals: readonly Goal[], ctx: CheckContext): GoalResult[] {
  return goals.map((goal) => {
    const r = evaluateCheck(ctx, goal.check);
    return { goal, met: r.ok, detail: r.ok ? '' : r.why };
  });
}

export function evaluateStep(lesson: Lesson, stepIndex: number, ctx: CheckContext): GoalResult[] {
  const step = lesson.steps[stepIndex];
  return step ? evaluateGoals(step.goals, ctx) : [];
}

/** The hints a learner sees after `failedAttempts` failed attempts at a step: one more each time. */
export function hintsFor(step: LessonStep, failedAttempts: number): string[] {
  return (step.hints ?? []).slice(0, Math.max(0, failedAttempts));
}

export interface StepReport {
  index: number;
  step: LessonStep;
  results: GoalResult[];
}

export interface LessonReport {
  steps: StepReport[];
  /** Every goal met (and the setup and script could run). */
  ok: boolean;
  /** The setup failed, or the learner's script is not a script: the lesson could not be checked. */
  error?: string;
  /** For `check`: the first unmet goal's step and that step's first hint. */
  firstUnmet?: { step: number; goal: Goal; hint?: string };
}

function report(lesson: Lesson, steps: StepReport[], error?: string): LessonReport {
  const ok = !error && steps.every((s) => s.results.every((r) => r.met));
  const first = steps.flatMap((s) => s.results.filter((r) => !r.met).map((r) => ({ s, r })))[0];
  const hint = first ? lesson.steps[first.s.index]?.hints?.[0] : undefined;
  return {
    steps,
    ok,
    ...(error ? { error } : {}),
    ...(first ? { firstUnmet: { step: first.s.index, goal: first.r.goal, ...(hint ? { hint } : {}) } } : {}),
  };
}

function setupError(run: LessonRun): string | undefined {
  return run.setup.exitCode === 0 ? undefined : `the lesson's setup failed:\n${run.setup.stderr}`;
}

/** The reference: each step's solution in order, that step's goals checked right after it. */
export function solveLesson(lesson: Lesson, fallback?: FileSource): LessonReport {
  const run = startLesson(lesson, fallback);
  const steps: StepReport[] = [];
  lesson.steps.forEach((step, index) => {
    runLines(run, step.solution);
    steps.push({ index, step, results: evaluateGoals(step.goals, contextOf(run)) });
  });
  return report(lesson, steps, setupError(run));
}

/** A learner's whole script from the lesson's start, then every step's goals. */
export function checkLesson(lesson: Lesson, script: string, fallback?: FileSource): LessonReport {
  const run = startLesson(lesson, fallback);
  const r = runLines(run, script);
  const ctx = contextOf(run);
  const steps = lesson.steps.map((step, index) => ({ index, step, results: evaluateGoals(step.goals, ctx) }));
  return report(lesson, steps, setupError(run) ?? r.error);
}
