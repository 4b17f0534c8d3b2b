// `kubesim lesson list | drill [--seed N] | solve ID|FILE | check ID|FILE SCRIPT` (architecture.md's contract): the
// lessons headless, as a teacher checks a lesson file or a learner's script.
import { dirname, resolve } from 'node:path';
import { BUILTIN_LESSON_IDS } from '../lessons/builtin/index.ts';
import { builtinLessonText, loadBuiltinLessons } from '../lessons/builtin/load-node.ts';
import { parseLesson } from '../lessons/parse.ts';
import { placeProblems, problemLine } from '../lessons/problem-places.ts';
import { generateDrill, parseDrillId, type Drill } from '../lessons/drills/index.ts';
import { checkLesson, solveLesson, type LessonReport } from '../lessons/run.ts';
import type { Lesson } from '../lessons/types.ts';
import type { CliIO } from './main.ts';
import { cannotReadReason } from './fs-reason.ts';
import { readRegularFile } from './read-file.ts';
import { scriptFiles } from './script-files.ts';

const USAGE = "Run 'kubesim --help' for usage.\n";

export function lessonMain(args: readonly string[], io: CliIO): number {
  const [sub, ...rest] = args;
  if (sub === 'list' && rest.length === 0) return list(io);
  if (sub === 'drill') return drillBrief(rest, io);
  if (sub === 'solve' && rest.length === 1) {
    const lesson = load(rest[0]!, io);
    return lesson ? print(lesson, solveLesson(lesson), io) : 2;
  }
  if (sub === 'check' && rest.length === 2) {
    const lesson = load(rest[0]!, io);
    if (!lesson) return 2;
    const script = readText(rest[1]!, io);
    if (script === undefined) return 2;
    const report = checkLesson(lesson, script, scriptFiles(dirname(resolve(rest[1]!))));
    const code = print(lesson, report, io, true);
    // A drill's cause is told once the attempt is over, right or wrong.
    const seed = parseDrillId(rest[0]!);
    if (seed !== undefined && code !== 2) io.stdout(`What was wrong: ${generateDrill(seed).explanation}\n`);
    return code;
  }
  if (sub === undefined) io.stderr(`kubesim: lesson needs a subcommand: list, drill, solve ID|FILE or check ID|FILE SCRIPT\n${USAGE}`);
  else if (!['list', 'solve', 'check'].includes(sub)) io.stderr(`kubesim: unknown lesson subcommand "${sub}"\n${USAGE}`);
  else io.stderr(`kubesim: usage: kubesim lesson ${sub === 'list' ? 'list' : sub === 'solve' ? 'solve ID|FILE' : 'check ID|FILE SCRIPT'}\n`);
  return 2;
}

/**
 * `lesson drill [--seed N]`: a drill's brief (not its cause). Without --seed each run draws a new
 * one from the clock (the CLI may; the drill itself stays a pure function of its seed), and the
 * brief names the seed so the fix can be checked against the same drill.
 */
function drillBrief(args: readonly string[], io: CliIO): number {
  let seed: number | undefined;
  if (args.length === 0) seed = Date.now() % 1_000_000;
  else if (args.length === 2 && args[0] === '--seed' && /^\d{1,9}$/.test(args[1]!)) seed = Number(args[1]);
  else if (args.length === 1 && /^--seed=\d{1,9}$/.test(args[0]!)) seed = Number(args[0]!.slice('--seed='.length));
  if (seed === undefined) {
    io.stderr('kubesim: usage: kubesim lesson drill [--seed N]  (N: a whole number, 0 to 999999999)\n');
    return 2;
  }
  printBrief(generateDrill(seed), io);
  return 0;
}

function printBrief(d: Drill, io: CliIO): void {
  const step = d.lesson.steps[0]!;
  io.stdout(`${d.lesson.title}\n`);
  io.stdout(`Cluster: ${d.lesson.preset}. Suggested time: ${d.timeLimitSeconds / 60} minutes.\n\n`);
  io.stdout(`${step.prose}\n\nGoals:\n`);
  for (const g of step.goals) io.stdout(`  - ${g.title}\n`);
  io.stdout(`\nWrite your commands in a script (look first: ${step.commands!.map((c) => `\`${c}\``).join(', ')}), then:\n`);
  io.stdout(`  kubesim lesson check ${d.id} SCRIPT\n`);
}

/** One lesson per line: its id, padded to the longest, two spaces, its title. */
function list(io: CliIO): number {
  const width = Math.max(...BUILTIN_LESSON_IDS.map((id) => id.length));
  let code = 0;
  for (const { id, result } of loadBuiltinLessons()) {
    if (result.ok) io.stdout(`${id.padEnd(width)}  ${result.lesson.title}\n`);
    else {
      io.stderr(result.errors.join('\n') + '\n');
      code = 1;
    }
  }
  return code;
}

/** A built-in lesson's id, a drill's (`drill:SEED`), or a lesson file's path. */
function load(ref: string, io: CliIO): Lesson | undefined {
  const seed = parseDrillId(ref);
  if (seed !== undefined) return generateDrill(seed).lesson;
  const builtin = builtinLessonText(ref);
  const text = builtin ?? readText(ref, io, `no built-in lesson "${ref}", and `);
  if (text === undefined) return undefined;
  const source = builtin !== undefined ? `src/lessons/builtin/${ref}.yaml` : ref;
  const r = parseLesson(text, source);
  if (!r.ok) {
    io.stderr(placeProblems(text, source, r.errors).map((p) => problemLine(source, p)).join('\n') + '\n');
    return undefined;
  }
  return r.lesson;
}

function readText(path: string, io: CliIO, lead = ''): string | undefined {
  try {
    return readRegularFile(path);
  } catch (e) {
    io.stderr(`kubesim: ${lead}cannot read ${path}: ${cannotReadReason(e)}\n`);
    return undefined;
  }
}


function print(lesson: Lesson, report: LessonReport, io: CliIO, withHint = false): number {
  if (report.error) io.stderr(report.error.endsWith('\n') ? report.error : `${report.error}\n`);
  io.stdout(`${lesson.id}: ${lesson.title}\n`);
  for (const s of report.steps) {
    io.stdout(`Step ${s.index + 1}: ${s.step.title}\n`);
    for (const r of s.results) {
      io.stdout(`  ${r.met ? '✓' : '✗'} ${r.goal.title}\n`);
      if (!r.met && r.detail) io.stdout(`      ${r.detail}\n`);
    }
  }
  const all = report.steps.flatMap((s) => s.results);
  io.stdout(`${all.filter((r) => r.met).length} of ${all.length} goals met.\n`);
  if (withHint && report.firstUnmet?.hint) io.stdout(`Hint (step ${report.firstUnmet.step + 1}): ${report.firstUnmet.hint}\n`);
  // A script that is not a script, or a lesson whose setup fails, could not be checked at all.
  if (report.error && /^kubesim: line /.test(report.error)) return 2;
  return report.ok ? 0 : 1;
}
