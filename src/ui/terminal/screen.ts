// How the line being typed is drawn when it is longer than the terminal is wide. The terminal
// wraps the prompt and the line onto as many rows as they need; the cursor can then be on any of
// them. A redraw goes up to the row the prompt starts on, writes prompt and line again, erases
// what is left of the old drawing below, and puts the cursor where it belongs, as readline does.
// Pure: what to write, and which row of the drawing the cursor ends on, so it is tested without
// a browser. Each character counts as one column (the lines typed here are ASCII commands).

/** What is on screen for the line being edited: a prompt, the text after it, and the cursor in the text. */
export interface View {
  /** The prompt as written (it may hold colour escapes). */
  prompt: string;
  /** How many columns the prompt takes on screen. */
  promptWidth: number;
  text: string;
  /** Index into `text` (UTF-16 units, as the line editor keeps it). */
  cursor: number;
}

export interface Painted {
  /** What to write to the terminal. */
  out: string;
  /** The row of the drawing the cursor is on afterwards (0: the prompt's row). */
  row: number;
}

const CSI = '\x1b[';
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;

/** Columns a piece of text takes: one per character (a surrogate pair is one character). */
export function columns(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** Where (row, column) the character at `offset` columns from the prompt's start lands. */
function place(offset: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(offset / cols), col: offset % cols };
}

/** Moves the cursor up or down by `rows`, then to `col` of that row. */
function move(rows: number, col: number): string {
  const vertical = rows < 0 ? `${CSI}${-rows}A` : rows > 0 ? `${CSI}${rows}B` : '';
  return `${vertical}\r${col > 0 ? `${CSI}${col}C` : ''}`;
}

/**
 * Draws `view` again from scratch. `fromRow` is the row of the drawing the cursor is on now
 * (what the previous paint returned; 0 on a fresh prompt).
 */
export function paint(view: View, cols: number, fromRow: number): Painted {
  const width = Math.max(1, cols);
  const end = view.promptWidth + columns(view.text);
  let out = `${HIDE_CURSOR}${fromRow > 0 ? `${CSI}${fromRow}A` : ''}\r${view.prompt}${view.text}`;
  // A drawing that fills its last row exactly leaves the terminal's cursor waiting in the last
  // column until the next character; a space and a carriage return move it to the next row now,
  // so the cursor is where the arithmetic below says it is.
  if (end > 0 && end % width === 0) out += ' \r';
  // Whatever the old drawing had beyond the new one (a shorter line from the history).
  out += `${CSI}J`;
  const last = place(end, width);
  const at = place(view.promptWidth + columns(view.text.slice(0, view.cursor)), width);
  out += move(at.row - last.row, at.col) + SHOW_CURSOR;
  return { out, row: at.row };
}

/** Moves the cursor from `fromRow` to the end of the drawing (before a newline, so output goes below it). */
export function toEnd(view: View, cols: number, fromRow: number): Painted {
  const width = Math.max(1, cols);
  const last = place(view.promptWidth + columns(view.text), width);
  return { out: move(last.row - fromRow, last.col), row: last.row };
}

/** Moves the cursor from `fromRow` to the prompt's row and erases the drawing (to print above it). */
export function erase(fromRow: number): string {
  return `${fromRow > 0 ? `${CSI}${fromRow}A` : ''}\r${CSI}J`;
}
