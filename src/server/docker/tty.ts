// The server side of a container's pseudo-terminal for the Docker face: the shared line
// discipline (src/server/tty/line-discipline.ts, also behind `kubectl exec -it`) turned into one
// ordered list of what typed keys amount to, so that the echo of keys typed after Enter comes
// after the output of the line Enter ran.
import { EMPTY_LINE, feed, toTerminal, type LineState } from '../tty/line-discipline.ts';

export { toTerminal };

/** What typed input amounts to, in order: text to echo back, a finished line, Ctrl-C, Ctrl-D on an empty line. */
export type TtyEvent = { kind: 'echo'; text: string } | { kind: 'line'; text: string } | { kind: 'interrupt' } | { kind: 'eof' };

export interface LineDiscipline {
  /** Feeds what the client sent (decoded text, any number of keys); returns what they do. */
  feed(input: string): TtyEvent[];
}

/** Canonical mode with echo, as a fresh pty starts. */
export function createLineDiscipline(): LineDiscipline {
  let state: LineState = EMPTY_LINE;
  return {
    feed(input) {
      const r = feed(state, input);
      state = r.state;
      const events: TtyEvent[] = [];
      const echo = (text: string) => text !== '' && events.push({ kind: 'echo', text });
      echo(r.echo);
      r.events.forEach((e, i) => {
        events.push(e.type === 'line' ? { kind: 'line', text: e.text } : { kind: e.type });
        echo(r.echoAfter[i]!);
      });
      return events;
    },
  };
}
