// Running a script against a simulated cluster: each command, then a settle, as if the
// learner waited a moment (settling happens inside every command). The same runner serves
// `kubesim run`, lesson checks and tests.
import { createCluster, type ClusterState, type PresetName, type Step } from '../../engine/index.ts';
import type { FileSource } from '../types.ts';
import { createHostSession, runHostCommand, type HostSession } from '../shell/host-shell.ts';
import { parseScript } from './parse-script.ts';

export interface ScriptOptions {
  preset?: PresetName;
  seed?: number;
  /** Don't echo `$ command` lines. */
  quiet?: boolean;
  /** Files the script reads, relative to its folder. Files it writes with `>` live in memory. */
  files: FileSource;
  /** Start from this state instead of a fresh preset cluster. */
  state?: ClusterState;
  /**
   * Go on in this shell (a terminal's, kept from line to line) instead of a fresh one: its
   * variables, functions, directory and files carry over; it starts from `state`.
   */
  session?: HostSession;
  /** Called with each chunk as soon as it is produced, so a caller can print it before the script ends. */
  onChunk?: (chunk: ScriptChunk) => void;
}

export interface ScriptChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ScriptResult {
  /** Interleaved output, in order (the CLI writes each chunk to its stream). */
  chunks: ScriptChunk[];
  stdout: string;
  stderr: string;
  /** 0: every command succeeded; 1: some failed; 2: the script could not be read. */
  exitCode: 0 | 1 | 2;
  state: ClusterState;
  steps: Step[];
}

export function runScript(text: string, opts: ScriptOptions): ScriptResult {
  const start = opts.state ?? createCluster({ ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const chunks: ScriptChunk[] = [];
  const emit = (chunk: ScriptChunk) => {
    chunks.push(chunk);
    opts.onChunk?.(chunk);
  };
  const parsed = parseScript(text);
  if (!parsed.ok) {
    emit({ stream: 'stderr', text: `kubesim: line ${parsed.line}: ${parsed.error}\n` });
    return finish(chunks, 2, start, []);
  }
  // One shell for the whole script: variables, functions, the working directory and the files
  // it writes carry from one command to the next.
  const session = opts.session ?? createHostSession(start, opts.files);
  if (opts.session) {
    session.state = start;
    session.steps = [];
  }
  // Whether stdout last ended mid-line (`printf abc`): the next `$ …` echo then starts a line of its own.
  let midLine = false;
  const output = (fd: 1 | 2, text: string) => {
    if (fd === 1 && text !== '') midLine = !text.endsWith('\n');
    emit({ stream: fd === 1 ? 'stdout' : 'stderr', text });
  };
  let failed = false;
  for (const cmd of parsed.commands) {
    if (!opts.quiet) emit({ stream: 'stdout', text: `${midLine ? '\n' : ''}$ ${cmd.echo}\n` });
    midLine = false;
    const before = session.state;
    const stepsBefore = session.steps.length;
    let code: number;
    try {
      code = runHostCommand(session, cmd.program, cmd.line, output);
    } catch (err) {
      // A bug of ours, not the learner's: one line instead of a stack, the state as it was
      // before the command, and the rest of the script still runs.
      session.state = before;
      session.steps.length = stepsBefore;
      emit({ stream: 'stderr', text: internalError(cmd.text, err) });
      failed = true;
      continue;
    }
    if (code !== 0) failed = true;
    // `exit` ends the script, as it ends the shell running it.
    if (session.ctx.exited !== undefined) break;
  }
  return finish(chunks, failed ? 1 : 0, session.state, session.steps);
}

/** `error: internal error running "CMD": MESSAGE`, on one line whatever was thrown. */
export function internalError(commandLine: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `error: internal error running ${JSON.stringify(commandLine)}: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}

function finish(chunks: ScriptChunk[], exitCode: 0 | 1 | 2, state: ClusterState, steps: Step[]): ScriptResult {
  const join = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { chunks, stdout: join('stdout'), stderr: join('stderr'), exitCode, state, steps };
}
