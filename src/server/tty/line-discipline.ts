// The terminal's line discipline: what the kernel's tty layer does between a terminal and a
// program reading it in canonical mode (`stty -a`'s defaults: icrnl, echo, echoe, echoke,
// echoctl, onlcr). A pseudo-terminal behind `kubectl exec -it` or `docker exec -it` needs it,
// because the client sends raw keystrokes and shows only what comes back: the typed characters
// are echoed, Enter (CR) becomes a newline, Backspace and Ctrl-U/Ctrl-W erase on screen with
// `\b \b`, Ctrl-C echoes `^C` and interrupts, Ctrl-D on an empty line is end of input.
// Escape sequences (arrow keys, function keys) are dropped whole: a canonical-mode reader has
// no use for them, and echoing them would put garbage on the screen.
//
// Pure and plain data: `feed` takes the state and some decoded text (characters, not bytes: the
// caller decodes UTF-8 across chunk boundaries) and returns the new state, what to echo and
// what the reading program receives. `toTerminal` is the output side (onlcr).

export interface LineState {
  /** The line being typed, not yet sent. */
  line: string;
  /** An escape sequence begun in an earlier chunk: `\x1b`, `\x1b[`, `\x1b[1;`, `\x1bO`. */
  escape: string;
}

export type LineEvent =
  /** A complete line, without its newline. */
  | { type: 'line'; text: string }
  /** Ctrl-D on an empty line: end of input. */
  | { type: 'eof' }
  /** Ctrl-C: the line typed so far is discarded; the program gets SIGINT. */
  | { type: 'interrupt' };

export interface FeedResult {
  state: LineState;
  /** What the terminal shows in answer to the keys (already in terminal form: `\r\n`). */
  echo: string;
  /** In order; the echo of keys after an event belongs after that event's output, so `echoAfter[i]` is what to show once event i is handled. */
  events: LineEvent[];
  /** Echo owed after each event: `echo` is what precedes the first event. */
  echoAfter: string[];
}

export const EMPTY_LINE: LineState = { line: '', escape: '' };

const ERASE = '\b \b';

/** Erases the last character on screen and in the line (a whole code point, so `é` goes at once). */
function eraseLast(line: string): { line: string; echo: string } {
  if (line === '') return { line, echo: '' };
  const chars = Array.from(line);
  chars.pop();
  return { line: chars.join(''), echo: ERASE };
}

/** Ctrl-W: the spaces before the cursor, then the word before them (the kernel's WERASE). */
function eraseWord(line: string): { line: string; echo: string } {
  const chars = Array.from(line);
  let n = 0;
  while (chars.length > 0 && /\s/.test(chars[chars.length - 1]!)) (chars.pop(), n++);
  while (chars.length > 0 && !/\s/.test(chars[chars.length - 1]!)) (chars.pop(), n++);
  return { line: chars.join(''), echo: ERASE.repeat(n) };
}

/** Whether `seq` (starting with ESC) is a complete escape sequence yet. */
function escapeComplete(seq: string): boolean {
  if (seq.length < 2) return false;
  const second = seq[1]!;
  // CSI: ESC [ parameters… then a final byte in @–~.
  if (second === '[') return seq.length > 2 && /[@-~]/.test(seq[seq.length - 1]!);
  // SS3 (ESC O A, the application-mode arrows): one more character.
  if (second === 'O') return seq.length >= 3;
  // ESC followed by anything else (Alt+key) is two characters.
  return true;
}

/** Feeds typed text through the line discipline. */
export function feed(state: LineState, input: string): FeedResult {
  let line = state.line;
  let escape = state.escape;
  const events: LineEvent[] = [];
  const echoes: string[] = [''];
  const show = (s: string) => (echoes[echoes.length - 1] += s);
  const emit = (e: LineEvent) => {
    events.push(e);
    echoes.push('');
  };
  for (const ch of input) {
    if (escape !== '') {
      escape += ch;
      if (escapeComplete(escape)) escape = '';
      continue;
    }
    switch (ch) {
      case '\x1b':
        escape = ch;
        break;
      case '\r': // icrnl: Enter sends CR, the reader gets NL
      case '\n':
        show('\r\n');
        emit({ type: 'line', text: line });
        line = '';
        break;
      case '\x7f': // Backspace (DEL) and Ctrl-H
      case '\b': {
        const r = eraseLast(line);
        line = r.line;
        show(r.echo);
        break;
      }
      case '\x15': // Ctrl-U: kill the whole line (echoke erases it on screen)
        show(ERASE.repeat(Array.from(line).length));
        line = '';
        break;
      case '\x17': {
        const r = eraseWord(line);
        line = r.line;
        show(r.echo);
        break;
      }
      case '\x03': // Ctrl-C: echoctl shows ^C; the line is flushed and the program interrupted
        show('^C');
        line = '';
        emit({ type: 'interrupt' });
        break;
      case '\x04': // Ctrl-D: end of input on an empty line; elsewhere nothing we model
        if (line === '') emit({ type: 'eof' });
        break;
      default:
        // Other control characters (Ctrl-A, Ctrl-Z, …) carry nothing for a line reader; tab is text.
        if (ch === '\t' || ch >= ' ') {
          line += ch;
          show(ch);
        }
    }
  }
  return { state: { line, escape }, echo: echoes[0]!, events, echoAfter: echoes.slice(1) };
}

/** Output to the terminal: onlcr turns each newline into CR NL, so lines start at the left edge. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
