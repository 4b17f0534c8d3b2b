// A program running in a container with its stdin open, as `kubectl exec -i[t]` and `kubectl
// attach` reach it: the engine's interactive process (src/engine/containers/interactive.ts) fed
// line by line as the client types or pipes. With a TTY the keys go through the line discipline
// (echo, erase, ^C, ^D), the prompt is shown, and stderr comes out merged into stdout as a
// pseudo-terminal has one output; without one, a shell reads its pipe command by command: each
// complete line runs when it arrives, with no prompt and no echo, and closing stdin ends input.
import { StringDecoder } from 'node:string_decoder';
import { act } from '../../engine/index.ts';
import { interactiveEnd, interactiveInterrupt, interactiveLine, interactivePrompt, openInteractive, type InteractiveSession, type InteractiveStep, type InteractiveTarget } from '../../engine/containers/interactive.ts';
import type { ShellResult } from '../../engine/shell/interpreter.ts';
import type { ServeSession } from '../session.ts';
import { EMPTY_LINE, feed, toTerminal, type LineState } from './line-discipline.ts';

export interface ProcessOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The program ended with this status. */
  exit(code: number): void;
}

export interface ProcessStream {
  /** Bytes from the client's stdin. */
  input(data: Buffer): void;
  /** The client closed stdin. */
  close(): void;
}

type Opened = { ok: true; stream: ProcessStream } | { ok: false; reason: string; detail: string };

/**
 * Starts `argv` in the pod's container and wires it to `out`. `changed` runs after each line
 * that may have changed the cluster (the server records it for watches).
 */
export function openProcessStream(
  session: ServeSession,
  target: Extract<InteractiveTarget, { kind: 'pod' }>,
  argv: readonly string[],
  tty: boolean,
  out: ProcessOutput,
  changed: () => void,
  /** Attach joins a shell already at its prompt: nothing shows until Enter brings a fresh one. */
  options: { initialPrompt?: boolean } = {},
): Opened {
  session.sync();
  const opened = openInteractive(session.state, target, argv, { tty });
  if (!opened.ok) return opened;
  let proc: InteractiveSession = opened.session;
  let line: LineState = EMPTY_LINE;
  let pipeBuffer = '';
  let ended = false;
  const decoder = new StringDecoder('utf8');
  const summary = `user ran kubectl exec ${target.pod} -c ${target.container} -- ${argv.join(' ')}`;

  const write = (r: ShellResult) => {
    const chunks = r.chunks ?? [
      { stream: 'stdout' as const, text: r.stdout },
      { stream: 'stderr' as const, text: r.stderr },
    ];
    for (const c of chunks) {
      if (c.text === '') continue;
      // A pseudo-terminal has one output: stderr arrives on stdout, newlines as CR NL.
      if (tty) out.stdout(toTerminal(c.text));
      else if (c.stream === 'stdout') out.stdout(c.text);
      else out.stderr(c.text);
    }
  };
  const prompt = () => {
    if (tty && !ended) out.stdout(toTerminal(interactivePrompt(proc)));
  };
  const apply = (step: InteractiveStep) => {
    proc = step.session;
    // A line that ended the main process (`kill 1`) lets the kubelet act, as a one-off exec does.
    session.state = step.mainEnded ? act(step.state, summary, () => undefined).state : step.state;
    changed();
    write(step.output);
    if (step.ended !== undefined) {
      ended = true;
      out.exit(step.ended);
    }
  };
  const runLine = (text: string) => {
    if (ended) return;
    session.sync();
    apply(interactiveLine(session.state, proc, text));
  };
  const endInput = () => {
    if (ended) return;
    session.sync();
    apply(interactiveEnd(session.state, proc));
  };

  if (opened.ended !== undefined) {
    // A program that reads no input (`ls`, `sh -c '…'`) ran as it opened.
    apply({ state: opened.state ?? session.state, session: opened.session, output: opened.output, ended: opened.ended, ...(opened.mainEnded ? { mainEnded: true } : {}) });
  } else {
    write(opened.output);
    if (options.initialPrompt !== false) prompt();
  }
  return {
    ok: true,
    stream: {
      input(data) {
        if (ended) return;
        const text = decoder.write(data);
        if (!tty) {
          pipeBuffer += text;
          let nl: number;
          while (!ended && (nl = pipeBuffer.indexOf('\n')) >= 0) {
            const next = pipeBuffer.slice(0, nl);
            pipeBuffer = pipeBuffer.slice(nl + 1);
            runLine(next);
          }
          return;
        }
        const r = feed(line, text);
        line = r.state;
        out.stdout(r.echo);
        r.events.forEach((e, i) => {
          if (ended) return;
          if (e.type === 'line') runLine(e.text);
          else if (e.type === 'eof') endInput();
          else {
            // SIGINT (containers/interactive.ts): a program that is not a shell dies of it (130);
            // the shell drops the unfinished command, and a fresh prompt follows on a new line.
            session.sync();
            const step = interactiveInterrupt(session.state, proc);
            if (step.ended === undefined) {
              proc = step.session;
              out.stdout('\r\n');
            } else apply(step);
          }
          if (!ended) {
            prompt();
            out.stdout(r.echoAfter[i]!);
          }
        });
      },
      close() {
        if (ended) return;
        const rest = pipeBuffer + decoder.end();
        pipeBuffer = '';
        // A last line without its newline still runs, as a shell reading a pipe runs it.
        if (!tty && rest !== '') runLine(rest);
        endInput();
      },
    },
  };
}
