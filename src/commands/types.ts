// What every command gets and gives back.
import type { ClusterState, ShellFs, Step } from '../engine/index.ts';
import type { InteractiveLaunch } from './interactive/launch.ts';

/** The files a command can read (`-f pv.yaml`), relative to the script's folder or the session. */
export interface FileSource {
  read(path: string): string | undefined;
  /** The entries of a directory (`kubectl create configmap --from-file=DIR`), or undefined when it is not one. */
  list?(path: string): readonly string[] | undefined;
  /** The directory relative paths are read from (kustomize names absolute paths in its errors). */
  cwd?(): string;
}

export interface CommandInput {
  state: ClusterState;
  argv: readonly string[];
  files: FileSource;
  /** What `-f -` reads (a heredoc or a pipe). */
  stdin?: string;
  /** The machine the command runs on, when it is the script host (absent in a bare call). */
  host?: HostAccess;
}

/**
 * The script host as a command sees it: its files (`kubectl cp` writes there), its exported
 * variables (`KUBE_EDITOR`), and its programs (`kubectl edit` runs the editor on a temp file).
 */
export interface HostAccess {
  fs: ShellFs;
  /** An absolute path for what the learner typed (relative to the shell's working directory). */
  resolve(path: string): string;
  env: Readonly<Record<string, string>>;
  /** Runs a program as the host shell would, with its commands. */
  run(argv: readonly string[]): { stdout: string; stderr: string; code: number };
  /**
   * The browser terminal: stdin and stdout are a terminal (docker's `-it` works, `docker cp` shows
   * progress), and `kubectl edit` with no editor set opens the object in the editor pane beside it.
   */
  browserTerminal?: boolean;
}

/**
 * Something a command asks its caller to do that is not output: the browser terminal opens the
 * editor pane for `kubectl edit`; `kubesim run` has no pane and never gets one.
 */
export type CommandEffect = {
  type: 'edit';
  /** The text to edit: kubectl edit's header comment, then the object as `get -o yaml` prints it. */
  text: string;
  /** The command line that applies the saved text: `{file}` is where the text is written first. */
  resource: string;
  namespace?: string;
};

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
  /** What the command asks its caller to do besides printing (the browser's editor pane). */
  effects?: CommandEffect[];
  /**
   * `kubectl exec -it`, `docker exec -it`, `docker run -it` in the browser terminal: the process
   * is open and reads the lines typed next (src/commands/interactive/launch.ts). `kubesim run`
   * has no terminal and never gets one.
   */
  interactive?: InteractiveLaunch;
}

/** A command's output; given `chunks`, stdout and stderr are made from them. */
export function output(state: ClusterState, partial: Partial<Omit<CommandOutput, 'state'>>): CommandOutput {
  const chunks = partial.chunks?.filter((c) => c.text !== '');
  const effects = { ...(partial.effects?.length ? { effects: partial.effects } : {}), ...(partial.interactive ? { interactive: partial.interactive } : {}) };
  if (chunks) {
    const join = (stream: OutputChunk['stream']) => chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
    return { state, stdout: join('stdout'), stderr: join('stderr'), chunks, exitCode: partial.exitCode ?? 0, steps: partial.steps ?? [], ...effects };
  }
  return { state, stdout: partial.stdout ?? '', stderr: partial.stderr ?? '', exitCode: partial.exitCode ?? 0, steps: partial.steps ?? [], ...effects };
}
