// A terminal line as a timeline action: it runs through the same command layer as `kubesim run`
// and keeps the cluster as it was after every step, for time travel. Loaded lazily (with the
// terminal, or when a share link replays a command) so the command layer stays off the first screen.
//
// A terminal is one shell: variables, functions, the working directory and the files it writes
// carry from one line to the next. The shell lives where commands run (the engine's worker; a
// worker that is stopped takes it along), named by a number the store changes on a cluster reset
// or a loaded session; a line with no number runs in a shell of its own.
import { runScript, type ScriptChunk } from '../commands/script/run-script.ts';
import { createHostSession, type HostSession } from '../commands/shell/host-shell.ts';
import { captureStates, type ClusterState } from '../engine/index.ts';
import type { CommandEffect } from '../commands/types.ts';
import { FRAMES_PER_ACTION, type ActionOutcome } from './timeline.ts';
import { withEditorFile, type EditorFileUse } from './editor-file.ts';
import { dropInteractive, keepInteractive, runInteractiveAction, type InteractiveView, type NestedKey } from './interactive-action.ts';

export interface CommandRun extends ActionOutcome {
  chunks: ScriptChunk[];
  exitCode: number;
  /** What the line asked the page to do (`kubectl edit` opening the editor pane). */
  effects: CommandEffect[];
  /** What the line did with the editor's file, when it was given one. */
  editorFile?: EditorFileUse;
  /** The line opened an interactive process (`kubectl exec -it POD -- sh`): its prompt; the lines typed next go to it (interactive-action.ts). */
  interactive?: InteractiveView;
  /** Input for a process that is no longer open (the worker was restarted): nothing ran. */
  lost?: true;
}

/** The terminal has no folder of its own: it reads only what its lines wrote. */
const NO_FILES = { read: () => undefined };

/** The shells in use, most recent last; a page has one, tests with several stores a few. */
const shells = new Map<number, HostSession>();
const MAX_SHELLS = 4;

/** The shell named `id`, made on first use. */
function shellFor(id: number, state: ClusterState): HostSession {
  // A terminal has the editor pane: `kubectl edit` with no $KUBE_EDITOR opens the object there.
  const session = shells.get(id) ?? createHostSession(state, NO_FILES, { browserTerminal: true });
  shells.delete(id);
  shells.set(id, session);
  for (const old of shells.keys()) if (shells.size > MAX_SHELLS) shells.delete(old);
  return session;
}

let replays = 0;

/** A shell for replaying a session's commands: its own, never a terminal's (those count up from 1). */
export function replayShell(): number {
  return --replays;
}

/** `editorText`: the editor's text, the shell's manifest.yaml for this line (editor-file.ts). */
export function runCommandAction(state: ClusterState, line: string, shell?: number, editorText?: string): CommandRun {
  const session = shell !== undefined ? shellFor(shell, state) : editorText !== undefined ? createHostSession(state, NO_FILES, { browserTerminal: true }) : undefined;
  const run = () => captureStates(() => runScript(`${line}\n`, { state, quiet: true, files: NO_FILES, ...(session ? { session } : {}) }), FRAMES_PER_ACTION);
  const { result: { result, states }, use } = session && editorText !== undefined ? withEditorFile(session, editorText, run) : { result: run(), use: undefined };
  // `exit` ends the shell, as it closes a terminal's: the next line gets a fresh one.
  if (session && session.ctx.exited !== undefined && shells.get(shell!) === session) {
    shells.delete(shell!);
    dropInteractive(shell!);
  }
  const effects = session ? session.effects.splice(0) : [];
  // A process the line left open at the terminal (only a terminal's own shell can keep one).
  const launch = session?.interactive;
  if (session) session.interactive = undefined;
  const interactive = launch && shell !== undefined && session!.ctx.exited === undefined ? keepInteractive(shell, launch) : undefined;
  return { state: result.state, steps: result.steps, states, chunks: result.chunks, exitCode: result.exitCode, effects, ...(use ? { editorFile: use } : {}), ...(interactive ? { interactive } : {}) };
}

/** The terminal shell's `$?` after an interactive process it started ended (the tool's exit status). */
export function setShellStatus(shell: number, code: number): void {
  const session = shells.get(shell);
  if (session) session.ctx.lastCode = code;
}

/**
 * What the terminal typed: a line for its shell, or (`nested`) input for the interactive process
 * open in that shell. A nested line needs the shell's number: the process lives there.
 */
export function runTerminalInput(state: ClusterState, line: string, shell?: number, editorText?: string, nested?: 'line' | NestedKey): CommandRun {
  if (nested === undefined) return runCommandAction(state, line, shell, editorText);
  // No shell, no process: the input finds nothing open (runInteractiveAction says so).
  const id = shell ?? Number.NaN;
  const { ended: _ended, ...run } = runInteractiveAction(state, id, line, nested === 'line' ? undefined : nested, (code) => setShellStatus(id, code));
  return { ...run, effects: [] };
}
