// One process inside a container wired to a client's stream: what the client writes is its
// stdin, what it prints goes back. With a TTY (`docker run -it`, `docker exec -it`) the input
// passes through the pty's line discipline (echo, editing, Ctrl-C, Ctrl-D), output is raw with
// CR NL, stderr merged, and a shell shows its prompt; without one (`docker run -i`, `exec -i`)
// each line runs as it arrives, as a shell reading a pipe does, output multiplexed, no prompt.
// End of input (Ctrl-D on an empty line, or the client closing its side) ends the process.
import { StringDecoder } from 'node:string_decoder';
import type { ClusterState, ShellResult } from '../../engine/index.ts';
import { interactiveEnd, interactiveInterrupt, interactiveLine, interactivePrompt, openInteractive, type InteractiveSession, type InteractiveStep, type InteractiveTarget } from '../../engine/containers/interactive.ts';
import { frames } from './mux.ts';
import { createLineDiscipline, toTerminal, type LineDiscipline } from './tty.ts';

export interface StreamHost {
  /** The served state, the simulated clock moved on to now. */
  state(): ClusterState;
  commit(state: ClusterState): void;
  /** To the client (or every client attached): the bytes on the wire, and the text they carry. */
  write(chunk: Buffer, text: string): void;
  /** The process ended with this status (the caller closes the stream, records the exit). */
  exited(code: number): void;
}

/**
 * Starts `argv` in the target and wires it to `host`: a program that reads no input (`ls`) runs
 * and ends at once. Undefined when it cannot be started (no such program, container not running).
 */
export function openProcessStream(host: StreamHost, target: InteractiveTarget, argv: readonly string[], tty: boolean): ProcessStream | undefined {
  const opened = openInteractive(host.state(), target, argv, { tty });
  if (!opened.ok) return undefined;
  const stream = new ProcessStream(host, opened.session, tty);
  if (opened.ended !== undefined && opened.state) host.commit(opened.state);
  stream.begin(opened.output, opened.ended);
  return stream;
}

export class ProcessStream {
  private readonly discipline: LineDiscipline | undefined;
  private done = false;
  /** Input not yet ending in a newline (no TTY: a line runs once it is complete). */
  private partial = '';
  /** A character split between two chunks waits for its other bytes. */
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly host: StreamHost,
    private session: InteractiveSession,
    readonly tty: boolean,
  ) {
    this.discipline = tty ? createLineDiscipline() : undefined;
  }

  get ended(): boolean {
    return this.done;
  }

  /** The process has started: what it printed first, then (a shell on a TTY) its prompt; or it has already ended. */
  begin(output?: ShellResult, ended?: number): void {
    if (output) this.print(output);
    if (ended !== undefined) {
      this.done = true;
      this.host.exited(ended);
      return;
    }
    this.prompt();
  }

  /** Bytes from the client. */
  input(data: Buffer | string): void {
    if (this.done) return;
    const text = typeof data === 'string' ? data : this.decoder.write(data);
    if (this.discipline) {
      for (const event of this.discipline.feed(text)) {
        if (this.done) return;
        if (event.kind === 'echo') this.send(event.text);
        else if (event.kind === 'line') this.line(event.text);
        else if (event.kind === 'interrupt') this.interrupt();
        else this.end();
      }
      return;
    }
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) if (!this.done) this.line(line);
  }

  /** End of input: the client closed its side, or Ctrl-D on an empty line. */
  end(): void {
    if (this.done) return;
    // A last line without its newline still runs, as a shell runs the end of a script.
    this.partial += this.decoder.end();
    if (!this.discipline && this.partial !== '') {
      const last = this.partial;
      this.partial = '';
      this.line(last);
      if (this.done) return;
    }
    this.finish(interactiveEnd(this.host.state(), this.session));
  }

  private line(text: string): void {
    this.finish(interactiveLine(this.host.state(), this.session, text));
  }

  /** Ctrl-C: the shell drops what it was collecting and prompts again on a new line; any other program dies of SIGINT (130). */
  private interrupt(): void {
    const step = interactiveInterrupt(this.host.state(), this.session);
    if (step.ended !== undefined) return this.finish(step);
    this.session = step.session;
    this.send('\r\n');
    this.prompt();
  }

  private finish(step: InteractiveStep): void {
    this.session = step.session;
    this.host.commit(step.state);
    this.print(step.output);
    if (step.ended !== undefined) {
      this.done = true;
      this.host.exited(step.ended);
      return;
    }
    this.prompt();
  }

  private print(output: ShellResult): void {
    // Both streams in the order written (a terminal has only the one output).
    const text = (output.chunks ?? [{ text: output.stdout }, { text: output.stderr }]).map((c) => c.text).join('');
    if (!this.tty) {
      const out = frames(output);
      if (out.length) this.host.write(out, text);
      return;
    }
    if (text) this.send(toTerminal(text));
  }

  private send(text: string): void {
    this.host.write(Buffer.from(text), text);
  }

  private prompt(): void {
    if (!this.tty) return;
    const ps = interactivePrompt(this.session);
    if (ps) this.send(ps);
  }
}
