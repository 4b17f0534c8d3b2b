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

export interface CommandOutput {
  state: ClusterState;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The steps the command caused, in order (its own write, then the controllers'). */
  steps: Step[];
}

export function output(state: ClusterState, partial: Partial<Omit<CommandOutput, 'state'>>): CommandOutput {
  return { state, stdout: partial.stdout ?? '', stderr: partial.stderr ?? '', exitCode: partial.exitCode ?? 0, steps: partial.steps ?? [] };
}
