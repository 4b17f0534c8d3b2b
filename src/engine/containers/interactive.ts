// An interactive program inside a container: what `kubectl exec -it POD -- sh`, `docker exec -it
// C bash` and `docker run -it IMAGE sh` start. The caller (the browser terminal, or `kubesim serve`
// behind a TTY) owns the line editing; this module is the process: it takes one typed line at a
// time, runs it in the container with the shell's state kept between lines (variables, cwd,
// functions), and says what prompt comes next, until `exit` or end of input ends it.
//
// CONTRACT (used by src/server/** and src/ui/terminal/**; keep these names and shapes):
//   openInteractive(state, target, argv, options?) → { ok: true; session; output; ended?; state?; mainEnded? } | { ok: false; reason; detail }
//   interactivePrompt(session) → string                     PS1 (or PS2 while a command is unfinished)
//   interactiveLine(state, session, line) → InteractiveStep  one line, without its newline
//   interactiveEnd(state, session) → InteractiveStep         end of input (Ctrl-D on an empty line)
//   interactiveInterrupt(state, session) → InteractiveStep   Ctrl-C (SIGINT to the foreground program)
// A session is plain data (structured-clone and JSON safe); the engine state it runs against is
// passed in each time, so a line typed after other commands sees the cluster as it is then.
//
// What each kind of program does:
// - A shell with no command to run (`sh`, `/bin/bash`, `bash -l`, `sh -i`): reads line by line.
//   The prompt is the image's for root: busybox/alpine ash `/ # ` (PS1 `\w \$ `), Debian's dash
//   `# `, Debian's bash `root@HOSTNAME:/# ` (HOSTNAME: the pod's name, the Docker container's
//   12-character id, the kind node's name); PS2 `> ` while a command is unfinished (an open `if`,
//   quote, here-document, trailing `\` or `|`); `PS1=…` changes it. Errors are worded as the
//   shell words them at a terminal (bash without `line N:`, dash with the number of lines read).
//   `exit N` ends it with N (bash prints `exit`); end of input ends it with the last status (bash
//   prints `exit`, ash and dash a newline); end of input inside an unfinished command is a syntax
//   error and the shell goes on. Programs the shell runs get no input from the terminal: the
//   simulation gives them end of input at once (`read x` fails, `cat` prints nothing).
// - A program that reads its input (`cat`, `wc -l`, `grep x`, `python3`, `sh -s` without a
//   terminal…): every line is collected, with no prompt; at end of input it runs once on them.
//   One that answers line by line (`cat`, `tee`, `grep x`: reads-input.ts printsLineByLine)
//   prints each line's output as the line arrives, as a terminal shows it, and writes as it goes.
// - Ctrl-C: a shell drops the unfinished command (its PS2 lines) and prompts again, nothing else;
//   any other program dies of SIGINT: it ends with 130 and prints no more (what it wrote stays).
// - A program that does not (`ls /data`, `echo hi`, `df -h`, `sh -c '…'`): it runs when opened;
//   `openInteractive` then returns its output, `ended` (its status), `state` (the cluster with
//   what it wrote) and `mainEnded`, and there is no session to feed.
// - The container gone or restarted meanwhile (pod deleted, `docker rm -f`, the kubelet's
//   restart): processes exec'd into it were killed with it (SIGKILL), so the next line or end of
//   input ends the session with 137, as kubectl reports (`command terminated with exit code 137`).
//   `kill 1` that ends the main process ends the session the same way, with `mainEnded` set.
// Without a terminal (`options.tty: false`, `kubectl exec -i POD -- sh` fed by a pipe) a shell
// still runs command by command, but prints no prompt and words errors as for a script.
import type { Stored } from '../api/objects.ts';
import type { ClusterState } from '../cluster/state.ts';
import { execInPod } from './runtime.ts';
import { containerKey } from './mounts.ts';
import { execInContainer, findContainer } from '../docker/host.ts';
import { execInKindNode, findKindNode } from '../docker/kind-nodes.ts';
import { hasShell, type ShellContext, type ShellResult } from '../shell/interpreter.ts';
import { needsMoreLines } from '../shell/continuation.ts';
import { printsLineByLine, readsInput } from '../shell/reads-input.ts';
import { endOfInput, lineRead, runShellCommand, shellPrompt, startShell, type LineRun, type SavedShell } from '../shell/interactive-shell.ts';
import { getOwn } from '../../lib/own.ts';

/** Where the program runs. */
export type InteractiveTarget =
  | { kind: 'pod'; namespace: string; pod: string; container: string }
  /** A container of the simulated Docker host (`docker exec -it`, `docker run -it`). */
  | { kind: 'docker'; id: string }
  /** A kind node's container (`docker exec -it kind-control-plane bash`). */
  | { kind: 'kind-node'; node: string };

export interface InteractiveSession {
  target: InteractiveTarget;
  /** What was started: `['sh']`, `['/bin/bash']`, `['cat']`. */
  argv: string[];
  /** A shell reads and runs line by line; any other program takes its input whole at end of input. */
  shell: boolean;
  /** Lines of a command still unfinished (an open `if`, quote or `\`): PS2 is shown meanwhile. */
  pending: string[];
  /** A program that is not a shell: what it has been given so far. */
  input: string;
  /** The shell's own state between lines (variables, cwd, functions, `$?`): opaque to callers. */
  saved?: unknown;
  /** A program answering line by line: how much of its stdout and stderr has been shown already. */
  shown?: { stdout: number; stderr: number };
  /** Which run of the container the session was opened in: another (a restart, a new pod of the same name) means this one's processes were killed. */
  incarnation?: string;
}

export type InteractiveFailure =
  | 'pod-not-found'
  | 'container-not-found'
  | 'not-running'
  | 'completed'
  | 'executable-not-found'
  | 'no-such-container';

export interface InteractiveStep {
  state: ClusterState;
  session: InteractiveSession;
  /** What the line printed, both streams in the order written (`chunks`). */
  output: ShellResult;
  /** Set when the program ended (`exit 3`, end of input): its exit status. The session is over. */
  ended?: number;
  /** The line ended the container's main process (`kill 1`): the caller lets the kubelet act, as a one-off exec does. */
  mainEnded?: boolean;
}

export interface InteractiveOptions {
  /** A terminal is attached (`-t`): prompts, and a shell's interactive behaviour. Default true. */
  tty?: boolean;
}

export type InteractiveOpened =
  | {
      ok: true;
      session: InteractiveSession;
      /** What it printed before its first prompt (nothing for the shells modelled), or all it printed when it ended at once. */
      output: ShellResult;
      /** Set when the program does not read its input and so ran and ended at once: its status. */
      ended?: number;
      /** With `ended`: the state with what it wrote. */
      state?: ClusterState;
      /** With `ended`: it ended the container's main process (`kill 1`). */
      mainEnded?: boolean;
    }
  | { ok: false; reason: InteractiveFailure; detail: string };

/** The status of a process killed with its container (SIGKILL). */
const KILLED = 137;
/** The status of a program killed by SIGINT (Ctrl-C): 128 + 2, as the shell reports it. */
const INTERRUPTED = 130;
const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);
const NOTHING: ShellResult = { stdout: '', stderr: '', code: 0 };

const baseName = (program: string) => program.slice(program.lastIndexOf('/') + 1);

/** Starts the program. */
export function openInteractive(state: ClusterState, target: InteractiveTarget, argv: readonly string[], options: InteractiveOptions = {}): InteractiveOpened {
  const tty = options.tty ?? true;
  const alive = incarnation(state, target);
  if (typeof alive !== 'string') return alive;
  const session: InteractiveSession = { target, argv: [...argv], shell: false, pending: [], input: '', incarnation: alive };
  const reads = readsInput(argv);
  if (SHELLS.has(baseName(argv[0] ?? '')) && reads) {
    // Opening runs nothing: it reads the shell's starting state from the container's context.
    let saved: SavedShell | undefined;
    const r = runIn(state, target, argv, '', (ctx) => {
      if (!hasShell(ctx, baseName(argv[0]!))) return { ...NOTHING, code: 127, notFound: true };
      saved = startShell(ctx, argv[0]!, tty);
      return NOTHING;
    });
    if (!r.ok) return r;
    if (!saved) return { ok: false, reason: 'executable-not-found', detail: argv[0]! };
    return { ok: true, session: { ...session, shell: true, saved }, output: NOTHING };
  }
  if (reads) {
    // It waits for its input; running it on none checks that it can be started at all.
    const probe = runIn(state, target, argv, '');
    if (!probe.ok) return probe;
    return { ok: true, session, output: NOTHING };
  }
  const r = runIn(state, target, argv, '');
  if (!r.ok) return r;
  return { ok: true, session, output: r.output, ended: r.mainEnded ? KILLED : r.output.code, state: r.state, ...(r.mainEnded ? { mainEnded: true } : {}) };
}

/** The prompt to show before the next line. */
export function interactivePrompt(session: InteractiveSession): string {
  if (!session.shell) return '';
  const saved = session.saved as SavedShell | undefined;
  if (!saved) return session.pending.length > 0 ? '> ' : '# ';
  return shellPrompt(saved, session.pending.length > 0);
}

/** Runs one typed line (without its newline). */
export function interactiveLine(state: ClusterState, session: InteractiveSession, line: string): InteractiveStep {
  if (!session.shell) {
    const next = { ...session, input: `${session.input}${line}\n` };
    return printsLineByLine(session.argv) ? answerSoFar(state, next, line) : { state, session: next, output: NOTHING };
  }
  if (!stillRunning(state, session)) return killed(state, session);
  const saved = session.saved as SavedShell;
  const text = [...session.pending, line].join('\n');
  if (needsMoreLines(text)) return { state, session: { ...session, pending: [...session.pending, line] }, output: NOTHING };
  if (text.trim() === '') return { state, session: { ...session, pending: [], saved: lineRead(saved) }, output: NOTHING };
  return runCommand(state, session, text, session.pending.length + 1);
}

/**
 * End of input. A shell at its prompt exits with its last status; inside an unfinished command
 * it reports the syntax error and goes on (a terminal's Ctrl-D ends one read, not the input).
 * Any other program runs on what it was given.
 */
export function interactiveEnd(state: ClusterState, session: InteractiveSession): InteractiveStep {
  if (!session.shell) {
    if (!stillRunning(state, session)) return killed(state, session);
    // `tee` has written and shown every line as it came; at the end it exits (1 if a write failed).
    if (session.shown && baseName(session.argv[0] ?? '') === 'tee') return { state, session, output: NOTHING, ended: session.shown.stderr > 0 ? 1 : 0 };
    const r = runIn(state, session.target, session.argv, session.input);
    if (!r.ok) return killed(state, session);
    // What a line-by-line program printed already is not printed again.
    const output = session.shown ? unshown(r.output, session.shown) : r.output;
    return { state: r.state, session, output, ended: r.mainEnded ? KILLED : r.output.code, ...(r.mainEnded ? { mainEnded: true } : {}) };
  }
  if (!stillRunning(state, session)) return killed(state, session);
  const saved = session.saved as SavedShell;
  if (session.pending.length > 0) {
    const step = runCommand(state, session, session.pending.join('\n'), session.pending.length);
    // Without a terminal the input has ended for good: the shell exits after it.
    if (saved.tty || step.ended !== undefined) return step;
    return { ...step, ended: (step.session.saved as SavedShell).lastCode };
  }
  const end = endOfInput(saved);
  return { state, session, output: end.output, ended: end.exited };
}

/**
 * Ctrl-C. The terminal's SIGINT reaches the foreground program: a shell catches it, drops the
 * command it was collecting and goes on (the caller shows a fresh prompt on a new line); any other
 * program dies of it, with 130. Either way nothing runs and nothing more is printed.
 */
export function interactiveInterrupt(state: ClusterState, session: InteractiveSession): InteractiveStep {
  if (!stillRunning(state, session)) return killed(state, session);
  if (session.shell) return { state, session: { ...session, pending: [] }, output: NOTHING };
  return { state, session: { ...session, input: '' }, output: { ...NOTHING, code: INTERRUPTED }, ended: INTERRUPTED };
}

/**
 * A line-by-line program after another line. `cat` and `grep` write nothing: they run again on
 * the whole input (so `cat -n` and `grep -n` number on) and what they had not shown is printed.
 * `tee` writes as it goes: it is given just the new line, appending after the first (so `tee
 * FILE` truncates once and `tee -a FILE` never), and prints the line.
 */
function answerSoFar(state: ClusterState, session: InteractiveSession, line: string): InteractiveStep {
  if (!stillRunning(state, session)) return killed(state, session);
  const shown = session.shown ?? { stdout: 0, stderr: 0 };
  if (baseName(session.argv[0] ?? '') === 'tee') {
    const first = shown.stdout === 0 && shown.stderr === 0;
    const argv = first ? session.argv : [session.argv[0]!, '-a', ...session.argv.slice(1)];
    const r = runIn(state, session.target, argv, `${line}\n`);
    if (!r.ok) return killed(state, session);
    const next = { ...session, shown: { stdout: shown.stdout + r.output.stdout.length, stderr: shown.stderr + r.output.stderr.length } };
    // A file tee cannot open is reported once, as tee reports it when it starts.
    const output = first ? r.output : { stdout: r.output.stdout, stderr: '', code: 0 };
    return { state: r.state, session: next, output: { ...output, code: 0 } };
  }
  const r = runIn(state, session.target, session.argv, session.input);
  if (!r.ok) return killed(state, session);
  const next = { ...session, shown: { stdout: Math.max(shown.stdout, r.output.stdout.length), stderr: Math.max(shown.stderr, r.output.stderr.length) } };
  return { state, session: next, output: { ...unshown(r.output, shown), code: 0 } };
}

/** The part of a run's output past what was shown already, both streams in their order. */
function unshown(output: ShellResult, shown: { stdout: number; stderr: number }): ShellResult {
  const stdout = output.stdout.slice(shown.stdout);
  const stderr = output.stderr.slice(shown.stderr);
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const skip = { stdout: shown.stdout, stderr: shown.stderr };
  for (const c of output.chunks ?? [{ stream: 'stdout' as const, text: output.stdout }, { stream: 'stderr' as const, text: output.stderr }]) {
    const drop = Math.min(skip[c.stream], c.text.length);
    skip[c.stream] -= drop;
    if (c.text.length > drop) chunks.push({ stream: c.stream, text: c.text.slice(drop) });
  }
  return { stdout, stderr, code: output.code, chunks };
}

function runCommand(state: ClusterState, session: InteractiveSession, text: string, lines: number): InteractiveStep {
  const saved = session.saved as SavedShell;
  let run: LineRun | undefined;
  const r = runIn(state, session.target, session.argv, '', (ctx) => {
    run = runShellCommand(ctx, saved, text, lines);
    return run.output;
  });
  if (!r.ok || !run) return killed(state, session);
  const next: InteractiveSession = { ...session, pending: [], saved: run.saved };
  // The main process ended (`kill 1`): the container stops and takes this shell with it.
  if (r.mainEnded) return { state: r.state, session: next, output: r.output, ended: KILLED, mainEnded: true };
  return { state: r.state, session: next, output: r.output, ...(run.exited !== undefined ? { ended: run.exited } : {}) };
}

function killed(state: ClusterState, session: InteractiveSession): InteractiveStep {
  return { state, session: { ...session, pending: [] }, output: { ...NOTHING, code: KILLED }, ended: KILLED };
}

/** Whether the container the session was opened in is still that one, running. */
function stillRunning(state: ClusterState, session: InteractiveSession): boolean {
  const now = incarnation(state, session.target);
  return typeof now === 'string' && (session.incarnation === undefined || now === session.incarnation);
}

/** The running container's identity and start (its restart count for a pod), or why it cannot be exec'd into. */
function incarnation(state: ClusterState, target: InteractiveTarget): string | { ok: false; reason: InteractiveFailure; detail: string } {
  if (target.kind === 'pod') {
    const pod = getOwn(state.objects.Pod, `${target.namespace}/${target.pod}`) as Stored<'Pod'> | undefined;
    if (!pod) return { ok: false, reason: 'pod-not-found', detail: target.pod };
    const record = state.containers[containerKey(pod, target.container)];
    const status = pod.status?.containerStatuses?.find((s) => s.name === target.container);
    // execInPod words the other failures; here only which run of the container this is.
    return `${pod.metadata.uid}/${status?.restartCount ?? 0}/${record?.startedAt ?? ''}`;
  }
  if (target.kind === 'docker') {
    const c = findContainer(state.docker, target.id);
    if (!c) return { ok: false, reason: 'no-such-container', detail: target.id };
    if (c.state !== 'running') return { ok: false, reason: 'not-running', detail: c.id };
    return `${c.id}/${c.startedAt}`;
  }
  const node = findKindNode(state, target.node);
  if (!node) return { ok: false, reason: 'no-such-container', detail: target.node };
  if (node.container.state !== 'running') return { ok: false, reason: 'not-running', detail: node.container.id };
  return `${node.container.id}/${node.container.startedAt}`;
}

type RunOutcome = { ok: true; state: ClusterState; output: ShellResult; mainEnded?: boolean } | { ok: false; reason: InteractiveFailure; detail: string };

/** Runs argv in the target, or `run` in the target's shell context when given. */
function runIn(state: ClusterState, target: InteractiveTarget, argv: readonly string[], stdin: string, run?: (ctx: ShellContext) => ShellResult & { notFound?: boolean }): RunOutcome {
  if (target.kind === 'pod') {
    // execInPod keeps the two streams apart; the runner's own result keeps their order too.
    let ordered: ShellResult | undefined;
    const r = execInPod(state, target.namespace, target.pod, target.container, argv, stdin, run && ((ctx) => (ordered = run(ctx))));
    if (!r.ok) return r;
    return { ok: true, state: r.state, output: ordered ?? { stdout: r.stdout, stderr: r.stderr, code: r.code }, ...(r.mainEnded ? { mainEnded: true } : {}) };
  }
  const alive = incarnation(state, target);
  if (typeof alive !== 'string') return alive;
  if (target.kind === 'docker') {
    const c = findContainer(state.docker, target.id)!;
    return { ok: true, ...execInContainer(state, c.id, argv, stdin, run) };
  }
  return { ok: true, ...execInKindNode(state, findKindNode(state, target.node)!.container.name, argv, stdin, run) };
}
