// The terminal's line discipline, as plain data: what a key press does to the line being typed
// (insert, erase, move, history, Ctrl+C, Ctrl+U) and what to write back to the screen. Kept
// apart from xterm.js so every key is unit-tested without a browser.

export interface LineState {
  line: string;
  cursor: number;
  history: readonly string[];
  /** Where Up/Down are in the history; equal to its length on the line being typed. */
  historyIndex: number;
  /** The line being typed before walking into the history, restored by walking back out. */
  draft: string;
}

export type KeyOutcome =
  | { kind: 'edit'; state: LineState; echo: string }
  | { kind: 'submit'; state: LineState; line: string }
  | { kind: 'interrupt'; state: LineState }
  | { kind: 'complete'; state: LineState }
  | { kind: 'clear'; state: LineState };

export const EMPTY_LINE: LineState = { line: '', cursor: 0, history: [], historyIndex: 0, draft: '' };

const CSI = '\x1b[';

/** Rewrites the line on screen from the prompt onwards and puts the cursor back. */
export function redraw(state: LineState): string {
  const back = state.line.length - state.cursor;
  return `\r${CSI}${PROMPT_WIDTH}C${CSI}K${state.line}${back > 0 ? `${CSI}${back}D` : ''}`;
}

/** `$ ` is what the terminal prints before each line. */
export const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PROMPT_WIDTH = 2;

function withLine(state: LineState, line: string, cursor: number): KeyOutcome {
  const next = { ...state, line, cursor };
  return { kind: 'edit', state: next, echo: redraw(next) };
}

/** Applies one chunk of terminal input (a key, an escape sequence, or pasted text). */
export function pressKey(state: LineState, data: string): KeyOutcome {
  const { line, cursor } = state;
  switch (data) {
    case '\r': {
      const entered = line.trim();
      const history = entered && state.history[state.history.length - 1] !== entered ? [...state.history, entered] : state.history;
      return { kind: 'submit', line, state: { line: '', cursor: 0, history, historyIndex: history.length, draft: '' } };
    }
    case '\x03': // Ctrl+C
      return { kind: 'interrupt', state: { ...state, line: '', cursor: 0, historyIndex: state.history.length, draft: '' } };
    case '\x0c': // Ctrl+L
      return { kind: 'clear', state };
    case '\t':
      return { kind: 'complete', state };
    case '\x7f': // Backspace
      return cursor === 0 ? { kind: 'edit', state, echo: '' } : withLine(state, line.slice(0, cursor - 1) + line.slice(cursor), cursor - 1);
    case `${CSI}3~`: // Delete
      return withLine(state, line.slice(0, cursor) + line.slice(cursor + 1), cursor);
    case `${CSI}D`:
      return withLine(state, line, Math.max(0, cursor - 1));
    case `${CSI}C`:
      return withLine(state, line, Math.min(line.length, cursor + 1));
    case `${CSI}H`:
    case '\x01': // Ctrl+A
      return withLine(state, line, 0);
    case `${CSI}F`:
    case '\x05': // Ctrl+E
      return withLine(state, line, line.length);
    case '\x15': // Ctrl+U
      return withLine(state, line.slice(cursor), 0);
    case `${CSI}A`: {
      if (state.historyIndex === 0) return { kind: 'edit', state, echo: '' };
      const index = state.historyIndex - 1;
      const draft = state.historyIndex === state.history.length ? line : state.draft;
      const text = state.history[index]!;
      return withLine({ ...state, historyIndex: index, draft }, text, text.length);
    }
    case `${CSI}B`: {
      if (state.historyIndex >= state.history.length) return { kind: 'edit', state, echo: '' };
      const index = state.historyIndex + 1;
      const text = index === state.history.length ? state.draft : state.history[index]!;
      return withLine({ ...state, historyIndex: index }, text, text.length);
    }
    default: {
      if (data.startsWith('\x1b')) return { kind: 'edit', state, echo: '' }; // other escape sequences
      // Typed or pasted text; a pasted newline submits what precedes it (one line at a time).
      const printable = data.replace(/[\r\n].*$/s, '').replace(/[\x00-\x1f]/g, '');
      return withLine(state, line.slice(0, cursor) + printable + line.slice(cursor), cursor + printable.length);
    }
  }
}

/** Replaces the word under the cursor with a completion (and a space when it is the only one). */
export function insertCompletion(state: LineState, word: string, unique: boolean): KeyOutcome {
  const start = state.line.slice(0, state.cursor).search(/\S*$/);
  const line = state.line.slice(0, start) + word + (unique ? ' ' : '') + state.line.slice(state.cursor);
  return withLine(state, line, start + word.length + (unique ? 1 : 0));
}

/** `kubectl apply -f - <<EOF` (or `<<'EOF'`, `<<-EOF`): the word that ends the here-document. */
export function heredocTerminator(line: string): string | undefined {
  return /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1\s*$/.exec(line)?.[2];
}

/** The prompt for the lines of a here-document, as bash prints it. */
export const CONTINUATION_PROMPT = '> ';
