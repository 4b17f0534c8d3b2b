// A container's main process living in simulated time: `while true; do date; sleep 1; done` prints
// a line a second, `for i in 1 2 3; do …; sleep 5; done` lives 15 s.
//
// State must stay plain JSON, so a process is not paused as a JavaScript stack. Where it stops in
// a sleep, the shell says what is left of its program, as program text (an AST: the rest of the
// loop's turn, then the loop again…) with the shell's variables, cwd, functions and `$?`
// (shell/continuation-capture.ts); that **continuation** is kept in the container's record, and at
// the wake it runs live from there, as the process would have: `until [ -f /tmp/go ]; do sleep 1;
// done` sees the file someone made meanwhile, a counter goes on counting. A wake costs one turn.
//
// Where the shell cannot say so (it sleeps inside a pipeline, `( )`, `$( )`, a function, `eval`,
// or with output redirected to a file its command writes when it ends), the process is run again
// from its start instead, each time the clock passes the end of the sleep it waits in:
// - each `sleep N` it reaches ends at the process's own time + N (its time is its start plus the
//   sleeps so far, which is also what `date` says);
// - the sleeps it had completed before, and the stretch up to the sleep it was waiting in, are
//   **replayed**: nothing is printed and nothing is written (writes succeed and go nowhere), while
//   reads see the files as they are; `date` gives what it gave then; network tools run against a
//   scratch copy of the cluster, so a server does not log a request twice;
// - then it runs **live**: through every sleep that ends by now, printing to its log and writing
//   its files, up to the first sleep that ends later (its next wake) or its end (`exit 3`, or
//   falling off the end: the container ends at that instant with that status).
// Either way its time is its start plus its sleeps: `date` and `ls -l` say it, and a resumed
// process starts at the end of the sleep it waited in.
// A replayed process is followed for its first FOLLOWED_SLEEPS sleeps, a resumed one for its first
// RESUMED_SLEEPS, after which it waits without further
// output or writes (`sleep infinity` and `tail -f` wait so at once; `tail -f FILE` goes on printing
// what is appended to FILE, which tail-follow.ts does), so a long `sleep` over it
// costs nothing more: it has no wake left. A replay that ends before it gets back to where it
// was (a file it reads changed under it, or the step budget ran out) parks it the same way.
import type { List } from '../shell/ast.ts';
import { dialectFor } from '../shell/dialect.ts';
import { restoreShell, saveShell, type SavedShell } from '../shell/interactive-shell.ts';
import { runProgram, type CommandFn, type MainProcess, type ShellContext, type ShellFs } from '../shell/interpreter.ts';

/**
 * Sleeps followed per process. Each wake replays the sleeps before it, so a process woken at every
 * sleep (`sleep 3600` in a loop, one resync each) costs the square of this: 500 keep `sleep
 * 9999999` over such a pod near 1 s of CPU here (1,000 took 2.4 s).
 */
export const FOLLOWED_SLEEPS = 500;

/**
 * Sleeps followed per process resumed from its continuation. A wake costs one loop turn and one
 * kubelet sync, so the bound is linear: `sleep 9999999` over `while true; do date; sleep 1; done`
 * wakes it this many times (see main-process-resume.test.ts for what that costs).
 */
export const RESUMED_SLEEPS = 10_000;

/** Where a process stopped, to go on from at its wake: the rest of its program, its shell, its time then. Plain JSON. */
export interface Continuation {
  rest: List;
  shell: SavedShell;
  /** The process's own time when it goes on: the end of the sleep it waits in. */
  at: number;
}

/** What a run of the program uses: its files and its extra commands (network tools), live or in replay. */
export interface ProcessWorld {
  fs: ShellFs;
  extra?: Record<string, CommandFn>;
}

export interface FollowInput {
  startedAt: number;
  now: number;
  /** Sleeps completed before this run; absent for the run at the container's start, which is live throughout. */
  completed?: number;
  /** Where the last run stopped, when it could say so: this run goes on from there instead of replaying. */
  resume?: Continuation;
  /** Network tools for the replay, made when it first needs them: their requests go nowhere that matters. */
  replayExtra?: () => Record<string, CommandFn> | undefined;
  /**
   * Runs the program: `attach` takes the live world of the context it runs in and gives what to
   * run it with instead (files and tools that follow the run's mode, and `main.waits`).
   */
  run: (attach: (live: ProcessWorld) => Attached, onOutput: (fd: 1 | 2, text: string) => void) => { code: number };
}

export interface Attached extends ProcessWorld {
  waits: NonNullable<MainProcess['waits']>;
  suspend: NonNullable<MainProcess['suspend']>;
  /** Present when the process goes on from its continuation: run this in the context instead of its command. */
  resume?: (ctx: ShellContext, onOutput: (fd: 1 | 2, text: string) => void) => { code: number };
}

/** What this run printed live: both streams in the order written (a container's log), and each. */
export interface Printed {
  output: string;
  stdout: string;
  stderr: string;
}

export type FollowResult = Printed &
  (
    | /** Still running: `sleeps` completed, waiting until `wakeAt` (absent: for good), or in `tail -f` of the file `tails`. */ {
        running: true;
        sleeps: number;
        wakeAt?: number;
        tails?: string;
        /** Where it goes on at `wakeAt`; absent when only a replay can bring it back there. */
        resume?: Continuation;
      }
    | /** The program ended at `at` with `code`. */ {
        running: false;
        at: number;
        code: number;
      }
  );

const UNIT_MS: Record<string, number> = {
  '': 1000,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** busybox and GNU sleep: the sum of its operands, each with an optional s/m/h/d; `infinity` (or nonsense) is for good. */
export function sleepMs(args: readonly string[]): number | undefined {
  let total = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return undefined;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return Math.round(total);
}

/** `tail -f`, `-F`, `--follow`: it never ends. */
function follows(args: readonly string[]): boolean {
  return args.some((a) => a === '--follow' || a.startsWith('--follow=') || /^-[a-zA-Z]*[fF]/.test(a));
}

/** The one file `tail -f` follows (`tail -n+1 -F /var/log/1.log`); undefined for several, or stdin. */
function followedFile(args: readonly string[]): string | undefined {
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[a-zA-Z]*[ncs]$/.test(a)) i++;
    else if (!a.startsWith('-') || a === '-') files.push(a);
  }
  return files.length === 1 && files[0] !== '-' ? files[0] : undefined;
}

const WRITTEN = { ok: true, value: undefined } as const;

/**
 * A view of the files whose clock is the process's own (`date`, `ls -l`). Reads see the files as
 * they are; writes go to them when the run is live, and nowhere in replay (they were done when
 * the process first ran that far, and copying a growing file at every replayed append would make
 * a long-lived writer quadratic).
 */
class ProcessFs implements ShellFs {
  constructor(private readonly at: () => { fs: ShellFs; time: number; live: boolean }) {}
  get now(): number {
    return this.at().time;
  }
  stat(...a: Parameters<ShellFs['stat']>) {
    return this.at().fs.stat(...a);
  }
  lstat(...a: Parameters<ShellFs['lstat']>) {
    return this.at().fs.lstat(...a);
  }
  read(...a: Parameters<ShellFs['read']>) {
    return this.at().fs.read(...a);
  }
  list(...a: Parameters<ShellFs['list']>) {
    return this.at().fs.list(...a);
  }
  write(...a: Parameters<ShellFs['write']>): ReturnType<ShellFs['write']> {
    const at = this.at();
    return at.live ? at.fs.write(...a) : (WRITTEN as ReturnType<ShellFs['write']>);
  }
  writeSized(...a: Parameters<ShellFs['writeSized']>): ReturnType<ShellFs['writeSized']> {
    const at = this.at();
    return at.live ? at.fs.writeSized(...a) : (WRITTEN as ReturnType<ShellFs['writeSized']>);
  }
  mkdir(...a: Parameters<ShellFs['mkdir']>): ReturnType<ShellFs['mkdir']> {
    const at = this.at();
    return at.live ? at.fs.mkdir(...a) : (WRITTEN as ReturnType<ShellFs['mkdir']>);
  }
  remove(...a: Parameters<ShellFs['remove']>): ReturnType<ShellFs['remove']> {
    const at = this.at();
    return at.live ? at.fs.remove(...a) : (WRITTEN as ReturnType<ShellFs['remove']>);
  }
  symlink(...a: Parameters<ShellFs['symlink']>): ReturnType<ShellFs['symlink']> {
    const at = this.at();
    return at.live ? at.fs.symlink(...a) : (WRITTEN as ReturnType<ShellFs['symlink']>);
  }
  usage(...a: Parameters<ShellFs['usage']>) {
    return this.at().fs.usage(...a);
  }
  diskUsage(...a: Parameters<ShellFs['diskUsage']>) {
    return this.at().fs.diskUsage(...a);
  }
}

/** What saveShell fills in: the parts of a saved shell a main process's shell does not change. */
function shellBase(ctx: ShellContext): SavedShell {
  return {
    argv0: ctx.argv0 ?? 'sh',
    dialect: ctx.dialect?.name ?? 'ash',
    tty: false,
    env: [],
    vars: [],
    functions: [],
    positional: [],
    errexit: false,
    cwd: ctx.cwd,
    hostname: ctx.hostname,
    lastCode: 0,
    lines: ctx.shell?.line ?? 0,
  };
}

/** Runs the main process from its start to where it waits now, or to its end (see the top of this file). */
export function followMainProcess(input: FollowInput): FollowResult {
  const from = input.resume;
  const resumed = input.completed !== undefined && !from;
  const completed = input.completed ?? 0;
  let live = !resumed;
  // Going on from a continuation: the sleep it waited in is over, at the time it ended.
  let time = from ? from.at : input.startedAt;
  let done = from ? completed + 1 : 0;
  let stopped: { shell: ShellContext; rest: List } | undefined;
  const suspend = (shell: ShellContext, rest: List) => {
    stopped = { shell, rest };
  };
  const resume = (ctx: ShellContext, onOutput: (fd: 1 | 2, text: string) => void) => {
    restoreShell(ctx, from!.shell);
    // Its dialect as it ran, whatever `$0` says (`bash -c '…' name` is still bash).
    ctx.dialect = dialectFor(ctx.family, from!.shell.dialect === 'bash' ? 'bash' : 'sh');
    const code = runProgram({ list: from!.rest }, ctx, { onOutput });
    return { code: ctx.exited ?? code };
  };
  const extras = { suspend, ...(from ? { resume } : {}) };
  let waiting = false;
  let tails: string | undefined;
  let wakeAt: number | undefined;
  let liveWorld: ProcessWorld = { fs: undefined as unknown as ShellFs };
  let replayExtra: Record<string, CommandFn> | undefined;
  const fs = new ProcessFs(() => ({ fs: liveWorld.fs, time, live }));
  const attach = (given: ProcessWorld): Attached => {
    liveWorld = given;
    if (!given.extra || !input.replayExtra) return { fs, ...(given.extra ? { extra: given.extra } : {}), waits, ...extras };
    // The network tools too: a replayed `wget` must not log a second request at the server.
    const extra: Record<string, CommandFn> = Object.create(null) as Record<string, CommandFn>;
    const tools = given.extra;
    const replayTools = () => (replayExtra ??= input.replayExtra!() ?? tools);
    for (const name of Object.keys(tools)) extra[name] = (args, io) => (live ? tools[name]! : (replayTools()[name] ?? tools[name]!))(args, io);
    return { fs, extra, waits, ...extras };
  };
  const waits = (command: string, args: readonly string[]): boolean => {
    if (command === 'tail') {
      if (!follows(args)) return true;
      waiting = true;
      tails = followedFile(args);
      return false;
    }
    const ms = sleepMs(args);
    if (ms === undefined) {
      waiting = true;
      return false;
    }
    const end = time + ms;
    if (!live && done < completed) {
      time = end;
      done++;
      return true;
    }
    // The sleep it waits in now (or, live, the next one): over by now, or where this run stops.
    // A run from the start stops at its FOLLOWED_SLEEPS-th sleep: replayed, it would cost too much
    // from here on and waits for good; with a continuation it goes on from here at once.
    const checkpoint = !from && done === FOLLOWED_SLEEPS;
    if (done >= RESUMED_SLEEPS || end > input.now || checkpoint) {
      waiting = true;
      wakeAt = done >= RESUMED_SLEEPS ? undefined : end;
      return false;
    }
    time = end;
    done++;
    live = true;
    return true;
  };
  const printed: Printed = { output: '', stdout: '', stderr: '' };
  const onOutput = (fd: 1 | 2, text: string) => {
    if (!live) return;
    printed.output += text;
    if (fd === 1) printed.stdout += text;
    else printed.stderr += text;
  };
  const r = input.run(attach, onOutput);
  if (waiting) {
    // Only a replay can bring it back: past FOLLOWED_SLEEPS that costs too much, so it waits for good.
    if (wakeAt !== undefined && !stopped && done >= FOLLOWED_SLEEPS) wakeAt = undefined;
    const shell = stopped && wakeAt !== undefined ? saveShell(stopped.shell, shellBase(stopped.shell)) : undefined;
    return {
      ...printed,
      running: true,
      sleeps: done,
      ...(wakeAt !== undefined ? { wakeAt } : {}),
      ...(tails !== undefined ? { tails } : {}),
      // The sleep it stopped in ends with status 0: that is `$?` when it goes on.
      ...(shell && wakeAt !== undefined ? { resume: { rest: stopped!.rest, shell: { ...shell, lastCode: 0 }, at: wakeAt } } : {}),
    };
  }
  // Ended before getting back to where it was: the replay went another way. It is left waiting.
  if (!live) return { ...printed, running: true, sleeps: done };
  return { ...printed, running: false, at: time, code: r.code };
}
