import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, pressKey, PROMPT, viewOf, type LineState } from './line-editor.ts';
import { erase, paint, toEnd } from './screen.ts';

/**
 * A small VT100 screen, as much of one as the line editor writes: printable characters with
 * auto-wrap (and the last column's pending wrap, as xterm.js and real terminals have it), CR, LF,
 * cursor up/down/forward (CSI A/B/C), erase below (CSI J), and colour and cursor-visibility
 * sequences, which draw nothing. Enough to see what a learner would see.
 */
class Screen {
  rows: string[][] = [[]];
  y = 0;
  x = 0;
  private wrapPending = false;
  constructor(readonly cols: number) {}

  write(out: string): void {
    for (let i = 0; i < out.length; i++) {
      const c = out[i]!;
      if (c === '\x1b') {
        const m = /^\x1b\[(\??)([0-9;]*)([A-Za-z])/.exec(out.slice(i))!;
        i += m[0].length - 1;
        const n = Number(m[2] || '1');
        if (m[1]) continue; // ?25l / ?25h
        if (m[3] === 'A') this.y = Math.max(0, this.y - n);
        else if (m[3] === 'B') this.y = Math.min(this.rows.length - 1, this.y + n);
        else if (m[3] === 'C') this.x = Math.min(this.cols - 1, this.x + n);
        else if (m[3] === 'J') {
          this.rows[this.y] = this.rows[this.y]!.slice(0, this.x);
          this.rows.length = this.y + 1;
        } else if (m[3] !== 'm') throw new Error(`unexpected sequence ${JSON.stringify(m[0])}`);
        this.wrapPending = false;
        continue;
      }
      if (c === '\r') {
        this.x = 0;
        this.wrapPending = false;
      } else if (c === '\n') {
        this.y++;
        this.wrapPending = false;
      } else {
        if (this.wrapPending) {
          this.y++;
          this.x = 0;
          this.wrapPending = false;
        }
        const row = (this.rows[this.y] ??= []);
        while (row.length < this.x) row.push(' ');
        row[this.x] = c;
        if (this.x === this.cols - 1) this.wrapPending = true;
        else this.x++;
      }
      while (this.rows.length <= this.y) this.rows.push([]);
    }
  }

  text(): string[] {
    return this.rows.map((r) => r.join('').trimEnd());
  }

  /** Rows `from` onwards as one line (a row that wrapped is full: its trailing spaces are text). */
  joined(from = 0): string {
    return this.rows.slice(from).map((r) => r.join('').padEnd(this.cols)).join('').trimEnd();
  }
}

/** Types `keys` into a terminal `cols` wide, painting after each as TerminalPane does. */
function session(cols: number) {
  const screen = new Screen(cols);
  let state: LineState = EMPTY_LINE;
  let row = 0;
  const show = () => {
    const p = paint(viewOf(state), cols, row);
    row = p.row;
    screen.write(p.out);
  };
  show();
  return {
    screen,
    get state() {
      return state;
    },
    type(...keys: string[]) {
      for (const k of keys) {
        state = pressKey(state, k).state;
        show();
      }
      return this;
    },
    enter() {
      const line = state.line;
      const done = toEnd(viewOf(state), cols, row);
      screen.write(done.out + '\r\n');
      row = 0;
      state = pressKey(state, '\r').state;
      screen.write(`output of ${line.length} chars\r\n`);
      show();
      return this;
    },
    /** Where the cursor is in the line, as read off the screen (the prompt takes 2 columns). */
    cursorInLine(startRow = 0) {
      return (screen.y - startRow) * cols + screen.x - 2;
    },
  };
}

const LONG = `kubectl exec web -- sh -c '${'echo hello >> /data/log; '.repeat(7)}cat /data/log'`;

describe('a line longer than the terminal is wide', () => {
  it('wraps behind its prompt and keeps the prompt as characters are typed one by one', () => {
    const t = session(40);
    for (const c of LONG) t.type(c);
    const rows = t.screen.text();
    expect(t.screen.joined()).toBe(`$ ${LONG}`);
    expect(rows.length).toBe(Math.ceil((LONG.length + 2) / 40));
    expect(t.cursorInLine()).toBe(LONG.length);
  });

  it('moves the cursor across rows with Left, Right, Home and End, and Backspace erases across the wrap', () => {
    const t = session(40).type(LONG);
    t.type('\x1b[H');
    expect([t.screen.y, t.screen.x]).toEqual([0, 2]);
    t.type('\x1b[F');
    expect(t.cursorInLine()).toBe(LONG.length);
    // To the first column of the second row, then Backspace takes the last character of the first row.
    t.type('\x1b[H', ...Array<string>(38).fill('\x1b[C'));
    expect([t.screen.y, t.screen.x]).toEqual([1, 0]);
    t.type('\x1b[D');
    expect([t.screen.y, t.screen.x]).toEqual([0, 39]);
    t.type('\x1b[C', '\x7f');
    const expected = LONG.slice(0, 37) + LONG.slice(38);
    expect(t.state.line).toBe(expected);
    expect(t.screen.joined()).toBe(`$ ${expected}`);
    expect([t.screen.y, t.screen.x]).toEqual([0, 39]);
    // Typing in the middle pushes the rest onto the next rows.
    t.type('XY');
    expect(t.screen.joined()).toBe(`$ ${expected.slice(0, 37)}XY${expected.slice(37)}`);
    expect([t.screen.y, t.screen.x]).toEqual([1, 1]);
  });

  it('a line that fills its last row exactly puts the cursor on the next row', () => {
    const t = session(10).type('12345678');
    expect(t.screen.text()).toEqual(['$ 12345678', '']);
    expect([t.screen.y, t.screen.x]).toEqual([1, 0]);
    t.type('9');
    expect(t.screen.text()).toEqual(['$ 12345678', '9']);
    t.type('\x7f', '\x7f');
    expect(t.screen.text()).toEqual(['$ 1234567']);
    expect([t.screen.y, t.screen.x]).toEqual([0, 9]);
  });

  it('history: a long line recalled with Up, then a short one with Up again, leaves nothing behind', () => {
    const t = session(40).type('kubectl get pv').enter().type(LONG).enter();
    const top = t.screen.y;
    t.type('\x1b[A');
    expect(t.screen.joined(top)).toBe(`$ ${LONG}`);
    expect(t.cursorInLine(top)).toBe(LONG.length);
    t.type('\x1b[A');
    expect(t.screen.text().slice(top)).toEqual(['$ kubectl get pv']);
    // The output of the long line, above the prompt, is untouched.
    expect(t.screen.text()[top - 1]).toBe(`output of ${LONG.length} chars`);
    t.type('\x1b[B', '\x1b[B');
    expect(t.screen.text().slice(top)).toEqual(['$']);
  });

  it('Enter in the middle of a wrapped line puts the output below the whole line', () => {
    const t = session(40).type(LONG, '\x1b[H');
    t.enter();
    const rows = t.screen.text();
    const lineRows = Math.ceil((LONG.length + 2) / 40);
    expect(t.screen.joined().slice(0, LONG.length + 2)).toBe(`$ ${LONG}`);
    expect(rows[lineRows]).toBe(`output of ${LONG.length} chars`);
  });

  it('Ctrl+K, Ctrl+Y and Ctrl+U on a wrapped line', () => {
    const t = session(30).type(LONG, '\x1b[H', ...Array<string>(40).fill('\x1b[C'));
    t.type('\x0b');
    expect(t.screen.joined()).toBe(`$ ${LONG.slice(0, 40)}`);
    t.type('\x19');
    expect(t.screen.joined()).toBe(`$ ${LONG}`);
    expect(t.cursorInLine()).toBe(LONG.length);
    t.type('\x01', ...Array<string>(40).fill('\x1b[C'), '\x15');
    expect(t.screen.joined()).toBe(`$ ${LONG.slice(40)}`);
    expect([t.screen.y, t.screen.x]).toEqual([0, 2]);
  });

  it('erase() clears the whole drawing from any of its rows, so a note can go above it', () => {
    const t = session(20).type(LONG, '\x1b[H', '\x1b[C'.repeat(1));
    t.screen.write(erase(0));
    expect(t.screen.text()).toEqual(['']);
    const u = session(20).type(LONG);
    u.screen.write(erase(u.screen.y));
    expect(u.screen.text()).toEqual(['']);
  });

  it('the prompt of the search is as wide as it is, the cursor on the match', () => {
    const history = [LONG, 'kubectl get pvc'].reduce((s, l) => pressKey(pressKey(s, l).state, '\r').state, EMPTY_LINE);
    const searching = ['\x12', 'h', 'e', 'l', 'l', 'o'].reduce((s, k) => pressKey(s, k).state, history);
    const view = viewOf(searching);
    expect(view.prompt).toBe("(reverse-i-search)`hello': ");
    expect(view.promptWidth).toBe(view.prompt.length);
    expect(view.text.slice(view.cursor, view.cursor + 5)).toBe('hello');
    const screen = new Screen(40);
    screen.write(paint(view, 40, 0).out);
    expect(screen.joined()).toBe(`(reverse-i-search)\`hello': ${LONG}`);
    expect(viewOf(EMPTY_LINE, PROMPT).promptWidth).toBe(2);
    expect(viewOf(EMPTY_LINE, '> ').promptWidth).toBe(2);
  });
});
