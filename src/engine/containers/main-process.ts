// A container's main process living in simulated time: `while true; do date; sleep 1; done` prints
// a line a second, `for i in 1 2 3; do …; sleep 5; done` lives 15 s.
//
// State must stay plain JSON, so a process cannot be paused in the middle of its program. It is
// run again from its start instead, each time the clock passes the end of the sleep it waits in:
// - each `sleep N` it reaches ends at the process's own time + N (its time is its start plus the
//   sleeps so far, which is also what `date` says);
// - the sleeps it had completed before, and the stretch up to the sleep it was waiting in, are
//   **replayed**: nothing is printed and nothing is written (writes succeed and go nowhere), while
//   reads see the files as they are; `date` gives what it gave then; network tools run against a
//   scratch copy of the cluster, so a server does not log a request twice;
// - then it runs **live**: through every sleep that ends by now, printing to its log and writing
//   its files, up to the first sleep that ends later (its next wake) or its end (`exit 3`, or
//   falling off the end: the container ends at that instant with that status).
// A process is followed for its first FOLLOWED_SLEEPS sleeps, after which it waits without further
// output or writes (`sleep infinity` and `tail -f` wait so at once; `tail -f FILE` goes on printing
// what is appended to FILE, which tail-follow.ts does), so a long `sleep` over it
// costs nothing more: it has no wake left. A replay that ends before it gets back to where it
// was (a file it reads changed under it, or the step budget ran out) parks it the same way.
import type { CommandFn, MainProcess, ShellFs } from '../shell/interpreter.ts';

/**
 * Sleeps followed per process. Each wake replays the sleeps before it, so a process woken at every
 * sleep (`sleep 3600` in a loop, one resync each) costs the square of this: 500 keep `sleep
 * 9999999` over such a pod near 1 s of CPU here (1,000 took 2.4 s).
 */
export const FOLLOWED_SLEEPS = 500;

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

/** Runs the main process from its start to where it waits now, or to its end (see the top of this file). */
export function followMainProcess(input: FollowInput): FollowResult {
  const resumed = input.completed !== undefined;
  const completed = input.completed ?? 0;
  let live = !resumed;
  let time = input.startedAt;
  let done = 0;
  let waiting = false;
  let tails: string | undefined;
  let wakeAt: number | undefined;
  let liveWorld: ProcessWorld = { fs: undefined as unknown as ShellFs };
  let replayExtra: Record<string, CommandFn> | undefined;
  const fs = new ProcessFs(() => ({ fs: liveWorld.fs, time, live }));
  const attach = (given: ProcessWorld): Attached => {
    liveWorld = given;
    if (!given.extra || !input.replayExtra) return { fs, ...(given.extra ? { extra: given.extra } : {}), waits };
    // The network tools too: a replayed `wget` must not log a second request at the server.
    const extra: Record<string, CommandFn> = Object.create(null) as Record<string, CommandFn>;
    const tools = given.extra;
    const replayTools = () => (replayExtra ??= input.replayExtra!() ?? tools);
    for (const name of Object.keys(tools)) extra[name] = (args, io) => (live ? tools[name]! : (replayTools()[name] ?? tools[name]!))(args, io);
    return { fs, extra, waits };
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
    if (done >= FOLLOWED_SLEEPS || end > input.now) {
      waiting = true;
      wakeAt = done >= FOLLOWED_SLEEPS ? undefined : end;
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
  if (waiting)
    return {
      ...printed,
      running: true,
      sleeps: done,
      ...(wakeAt !== undefined ? { wakeAt } : {}),
      ...(tails !== undefined ? { tails } : {}),
    };
  // Ended before getting back to where it was: the replay went another way. It is left waiting.
  if (!live) return { ...printed, running: true, sleeps: done };
  return { ...printed, running: false, at: time, code: r.code };
}
