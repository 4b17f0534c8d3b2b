// The interactive processes the browser terminal has open (`kubectl exec -it POD -- sh`, `docker
// exec -it C bash`, `docker run -it busybox sh`), kept where commands run: the engine's worker
// (or in-process in tests), next to the terminal's shell (command-action.ts) and named by the
// same number. The command layer opens one (src/commands/interactive/launch.ts); each line typed
// at its prompt is then a timeline action of its own that runs here, against the cluster as it
// is then, so undo, time travel and a share link's replay run it again exactly.
import { captureStates, type ClusterState, type Step } from '../engine/index.ts';
import { interactiveEnd, interactiveInterrupt, interactiveLine, interactivePrompt, type InteractiveStep } from '../engine/containers/interactive.ts';
import { finishInteractive, settleMainEnded, type InteractiveLaunch } from '../commands/interactive/launch.ts';
import type { ScriptChunk } from '../commands/script/run-script.ts';
import { FRAMES_PER_ACTION, type ActionOutcome } from './timeline.ts';

/** What the terminal shows while a process is open: its prompt, and whether a command is unfinished (PS2). */
export interface InteractiveView {
  prompt: string;
  pending: boolean;
}

/** Input for the open process: a line typed (without its newline), end of input (Ctrl-D), or Ctrl-C. */
export type NestedKey = 'eof' | 'interrupt';

export interface InteractiveRun extends ActionOutcome {
  chunks: ScriptChunk[];
  exitCode: number;
  /** Still open after this input: what to show next. Absent once it ended (the terminal's `$` again). */
  interactive?: InteractiveView;
  /** The process ended with this status (the terminal shell's `$?`). */
  ended?: number;
  /** No process was open (the worker was restarted): nothing ran, and nothing is to be recorded. */
  lost?: true;
}

/** Open processes by terminal shell, most recent last; a page has one terminal, tests a few. */
const open = new Map<number, InteractiveLaunch>();
const MAX_OPEN = 4;

function viewOf(launch: InteractiveLaunch): InteractiveView {
  return { prompt: interactivePrompt(launch.session), pending: launch.session.pending.length > 0 };
}

/** A process a line of `shell` opened: the lines typed next go to it. */
export function keepInteractive(shell: number, launch: InteractiveLaunch): InteractiveView {
  open.delete(shell);
  open.set(shell, launch);
  for (const old of open.keys()) if (open.size > MAX_OPEN) open.delete(old);
  return viewOf(launch);
}

/** Forgets the process of a shell that is gone (`exit` closed the terminal's shell). */
export function dropInteractive(shell: number): void {
  open.delete(shell);
}

/** Runs input for the process open in `shell`; `onEnded(code)` hears its exit status. */
export function runInteractiveAction(state: ClusterState, shell: number, line: string, key?: NestedKey, onEnded?: (code: number) => void): InteractiveRun {
  const launch = open.get(shell);
  const quiet = { state, steps: [] as Step[], states: new Map<Step, ClusterState>() };
  // The worker was restarted (Escape cancelled a line) and took the process with it.
  if (!launch) return { ...quiet, chunks: [{ stream: 'stderr', text: 'kubesim: the interactive process is no longer running\n' }], exitCode: 1, lost: true };
  const { result, states } = captureStates(() => step(state, launch, line, key), FRAMES_PER_ACTION);
  const { out, next, steps, stderr } = result;
  // With a terminal the process's stderr is the same terminal as its stdout (kubectl and docker
  // merge them under -t): one stream, so the terminal does not colour the shell's own messages.
  const printed = out.output.chunks?.map((c) => c.text) ?? [out.output.stdout, out.output.stderr];
  const chunks: ScriptChunk[] = printed.map((text) => ({ stream: 'stdout', text }));
  if (stderr) chunks.push({ stream: 'stderr', text: stderr });
  const base = { state: next, steps, states, chunks: chunks.filter((c) => c.text !== '') };
  if (out.ended !== undefined) {
    open.delete(shell);
    onEnded?.(out.ended);
    return { ...base, exitCode: out.ended, ended: out.ended };
  }
  launch.session = out.session;
  return { ...base, exitCode: out.output.code, interactive: viewOf(launch) };
}

/** One line (or end of input) through the engine, then what the tool does after: the kubelet's restart, the exit report. */
function step(state: ClusterState, launch: InteractiveLaunch, line: string, key: NestedKey | undefined): { out: InteractiveStep; next: ClusterState; steps: Step[]; stderr: string } {
  // Ctrl-C: a shell throws the unfinished command away and prompts again; `cat` dies of SIGINT (130).
  const out = key === 'eof' ? interactiveEnd(state, launch.session) : key === 'interrupt' ? interactiveInterrupt(state, launch.session) : interactiveLine(state, launch.session, line);
  let next = out.state;
  const steps: Step[] = [];
  if (out.mainEnded) {
    const settled = settleMainEnded(next, launch);
    next = settled.state;
    steps.push(...settled.steps);
  }
  if (out.ended === undefined) return { out, next, steps, stderr: '' };
  const fin = finishInteractive(next, launch, out.ended);
  steps.push(...fin.steps);
  return { out, next: fin.state, steps, stderr: fin.stderr };
}
