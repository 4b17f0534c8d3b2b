// An interactive program inside a container: what `kubectl exec -it POD -- sh`, `docker exec -it
// C bash` and `docker run -it IMAGE sh` start. The caller (the browser terminal, or `kubesim serve`
// behind a TTY) owns the line editing; this module is the process: it takes one typed line at a
// time, runs it in the container with the shell's state kept between lines (variables, cwd,
// functions), and says what prompt comes next, until `exit` or end of input ends it.
//
// CONTRACT (used by src/server/** and src/ui/terminal/**; keep these names and shapes):
//   openInteractive(state, target, argv) → { ok: true; session; output } | { ok: false; reason; detail }
//   interactivePrompt(session) → string                     PS1 (or PS2 while a command is unfinished)
//   interactiveLine(state, session, line) → InteractiveStep  one line, without its newline
//   interactiveEnd(state, session) → InteractiveStep         end of input (Ctrl-D on an empty line)
// A session is plain data (structured-clone safe); the engine state it runs against is passed in
// each time, so a line typed after other commands sees the cluster as it is then.
import type { ClusterState } from '../cluster/state.ts';
import { execInPod } from './runtime.ts';
import { execInContainer, findContainer } from '../docker/host.ts';
import { execInKindNode, findKindNode } from '../docker/kind-nodes.ts';
import type { ShellResult } from '../shell/interpreter.ts';

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
  /** What the line printed, both streams in the order written. */
  output: ShellResult;
  /** Set when the program ended (`exit 3`, end of input): its exit status. The session is over. */
  ended?: number;
  /** The line ended the container's main process (`kill 1`): the caller lets the kubelet act, as a one-off exec does. */
  mainEnded?: boolean;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);

/** Starts the program; `output` is what it prints before its first prompt (nothing, for the shells modelled). */
export function openInteractive(
  state: ClusterState,
  target: InteractiveTarget,
  argv: readonly string[],
): { ok: true; session: InteractiveSession; output: ShellResult } | { ok: false; reason: InteractiveFailure; detail: string } {
  const base = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  const shell = SHELLS.has(base);
  // Opening runs nothing; `true` checks that the target can be exec'd into at all.
  const probe = runIn(state, target, shell ? [argv[0]!, '-c', 'true'] : ['true'], '');
  if (!probe.ok) return probe;
  return { ok: true, session: { target, argv: [...argv], shell, pending: [], input: '' }, output: { stdout: '', stderr: '', code: 0 } };
}

/** The prompt to show before the next line. */
export function interactivePrompt(session: InteractiveSession): string {
  if (!session.shell) return '';
  return session.pending.length > 0 ? '> ' : '# ';
}

/** Runs one typed line (without its newline). */
export function interactiveLine(state: ClusterState, session: InteractiveSession, line: string): InteractiveStep {
  if (!session.shell) return { state, session: { ...session, input: `${session.input}${line}\n` }, output: { stdout: '', stderr: '', code: 0 } };
  const r = runIn(state, session.target, [session.argv[0]!, '-c', line], '');
  if (!r.ok) return { state, session, output: { stdout: '', stderr: '', code: 137 }, ended: 137 };
  const exited = /^\s*exit\b/.test(line) ? r.output.code : undefined;
  return { state: r.state, session, output: r.output, ...(exited !== undefined ? { ended: exited } : {}) };
}

/** End of input: a shell exits with its last status; any other program runs on what it was given. */
export function interactiveEnd(state: ClusterState, session: InteractiveSession): InteractiveStep {
  if (session.shell) return { state, session, output: { stdout: '', stderr: '', code: 0 }, ended: 0 };
  const r = runIn(state, session.target, session.argv, session.input);
  if (!r.ok) return { state, session, output: { stdout: '', stderr: '', code: 137 }, ended: 137 };
  return { state: r.state, session, output: r.output, ended: r.output.code };
}

function runIn(
  state: ClusterState,
  target: InteractiveTarget,
  argv: readonly string[],
  stdin: string,
): { ok: true; state: ClusterState; output: ShellResult } | { ok: false; reason: InteractiveFailure; detail: string } {
  if (target.kind === 'pod') {
    const r = execInPod(state, target.namespace, target.pod, target.container, argv, stdin);
    if (!r.ok) return r;
    return { ok: true, state: r.state, output: { stdout: r.stdout, stderr: r.stderr, code: r.code } };
  }
  if (target.kind === 'docker') {
    const c = findContainer(state.docker, target.id);
    if (!c) return { ok: false, reason: 'no-such-container', detail: target.id };
    if (c.state !== 'running') return { ok: false, reason: 'not-running', detail: c.id };
    return { ok: true, ...execInContainer(state, c.id, argv, stdin) };
  }
  if (!findKindNode(state, target.node)) return { ok: false, reason: 'no-such-container', detail: target.node };
  return { ok: true, ...execInKindNode(state, target.node, argv, stdin) };
}
