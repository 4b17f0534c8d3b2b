// What every command gets and gives back.
import type { ClusterState, Step } from '../engine/index.ts';

/** The files a command can read (`-f pv.yaml`), relative to the script's folder or the session. */
export interface FileSource {
  read(path: string): string | undefined;
  /** The entries of a directory (`kubectl create configmap --from-file=DIR`), or undefined when it is not one. */
  list?(path: string): readonly string[] | undefined;
}

export interface CommandInput {
  state: ClusterState;
  argv: readonly string[];
  files: FileSource;
  /** What `-f -` reads (a heredoc or a pipe). */
  stdin?: string;
}

/** A piece of a command's output on one stream; a list of them keeps the order the real tool writes in. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface CommandOutput {
  state: ClusterState;
  /** All of stdout, and all of stderr: what a caller reading one stream sees. */
  stdout: string;
  stderr: string;
  /**
   * Both streams in the order the real tool writes them, when that is not "stdout, then stderr"
   * (a server's `Warning:` before `pod/x created`, `Found 3 pods, using pod/…` before the logs);
   * the terminal and `kubesim run` print these instead. Joined per stream they equal stdout/stderr.
   */
  chunks?: OutputChunk[];
  exitCode: number;
  /** The steps the command caused, in order (its own write, then the controllers'). */
  steps: Step[];
}

/** A command's output; given `chunks`, stdout and stderr are made from them. */
export function output(state: ClusterState, partial: Partial<Omit<CommandOutput, 'state'>>): CommandOutput {
  const chunks = partial.chunks?.filter((c) => c.text !== '');
  if (chunks) {
    const join = (stream: OutputChunk['stream']) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
    return { state, stdout: join('stdout'), stderr: join('stderr'), chunks, exitCode: partial.exitCode ?? 0, steps: partial.steps ?? [] };
  }
  return { state, stdout: partial.stdout ?? '', stderr: partial.stderr ?? '', exitCode: partial.exitCode ?? 0, steps: partial.steps ?? [] };
}
