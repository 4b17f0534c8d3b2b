// The terminal's line discipline, as plain data: what a key press does to the line being typed
// (insert, erase, move by character or word, history, Ctrl+R search, Ctrl+C, the kill commands
// and Ctrl+Y), with bash's default (emacs) key bindings. What the line looks like on screen is
// `viewOf`; drawing it across wrapped rows is screen.ts. Kept apart from xterm.js so every key
// is unit-tested without a browser.
import { columns, type View } from './screen.ts';

export interface LineState {
  line: string;
  cursor: number;
  history: readonly string[];
  /** Where Up/Down are in the history; equal to its length on the line being typed. */
  historyIndex: number;
  /** The line being typed before walking into the history, restored by walking back out. */
  draft: string;
  /** Ctrl+R in progress, as bash's reverse-i-search: what is typed, and the history entry it found. */
  search?: HistorySearch;
  /** The text the last kill (Ctrl+U, Ctrl+K, Ctrl+W, Alt+D, Alt+Backspace) took, for Ctrl+Y. */
  killed?: string;
}

export interface HistorySearch {
  query: string;
  /** Index into the history of the entry shown; -1 when nothing matches. */
  match: number;
  /** Whether the last key found nothing (bash then says "failed reverse-i-search"). */
  failed: boolean;
}

export type KeyOutcome =
  | { kind: 'edit'; state: LineState }
  | { kind: 'submit'; state: LineState; line: string }
  | { kind: 'interrupt'; state: LineState }
  | { kind: 'complete'; state: LineState }
  | { kind: 'clear'; state: LineState }
  /** Ctrl+D on an empty line: end of input (a container's shell exits; the terminal's own stays). */
  | { kind: 'eof'; state: LineState };

export const EMPTY_LINE: LineState = { line: '', cursor: 0, history: [], historyIndex: 0, draft: '' };

const CSI = '\x1b[';
const ESC = '\x1b';

/** `$ ` is what the terminal prints before each line. */
export const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PROMPT_WIDTH = 2;

/** What the line looks like on screen behind `prompt` (PROMPT, or `> ` inside a multi-line command). */
export function viewOf(state: LineState, prompt: string = PROMPT): View {
  if (state.search) {
    // bash draws the search in place of the prompt, the cursor on the match in the entry found.
    const { query, match, failed } = state.search;
    const found = match >= 0 ? state.history[match]! : '';
    const label = `(${failed ? 'failed ' : ''}reverse-i-search)\`${query}': `;
    const at = query && found.lastIndexOf(query) >= 0 ? found.lastIndexOf(query) : found.length;
    return { prompt: label, promptWidth: columns(label), text: found, cursor: at };
  }
  return { prompt, promptWidth: prompt === PROMPT ? PROMPT_WIDTH : columns(prompt.replace(/\x1b\[[0-9;]*m/g, '')), text: state.line, cursor: state.cursor };
}

function withLine(state: LineState, line: string, cursor: number): KeyOutcome {
  return { kind: 'edit', state: { ...state, line, cursor } };
}

/** Removes `line[from, to)` into the kill buffer, as bash's kill commands do. */
function kill(state: LineState, from: number, to: number): KeyOutcome {
  if (from === to) return { kind: 'edit', state };
  const { line } = state;
  return { kind: 'edit', state: { ...state, line: line.slice(0, from) + line.slice(to), cursor: from, killed: line.slice(from, to) } };
}

const WORD = /[A-Za-z0-9]/;

/** readline's forward-word: to the end of the next word (letters and digits). */
export function wordEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && !WORD.test(line[i]!)) i++;
  while (i < line.length && WORD.test(line[i]!)) i++;
  return i;
}

/** readline's backward-word: to the start of this word or the one before. */
export function wordStart(line: string, from: number): number {
  let i = from;
  while (i > 0 && !WORD.test(line[i - 1]!)) i--;
  while (i > 0 && WORD.test(line[i - 1]!)) i--;
  return i;
}

// The sequences a key sends differ between terminal modes (normal and application cursor keys)
// and keyboards; these are the ones xterm.js sends.
const LEFT = [`${CSI}D`, `${ESC}OD`, '\x02'];
const RIGHT = [`${CSI}C`, `${ESC}OC`, '\x06'];
const UP = [`${CSI}A`, `${ESC}OA`, '\x10'];
const DOWN = [`${CSI}B`, `${ESC}OB`, '\x0e'];
const HOME = [`${CSI}H`, `${ESC}OH`, `${CSI}1~`, `${CSI}7~`, '\x01'];
const END = [`${CSI}F`, `${ESC}OF`, `${CSI}4~`, `${CSI}8~`, '\x05'];
// Alt+B/F, and Ctrl or Alt with an arrow (Debian's /etc/inputrc binds those too).
const WORD_LEFT = [`${ESC}b`, `${CSI}1;5D`, `${CSI}1;3D`];
const WORD_RIGHT = [`${ESC}f`, `${CSI}1;5C`, `${CSI}1;3C`];

/** Applies one chunk of terminal input (a key, an escape sequence, or pasted text). */
export function pressKey(state: LineState, data: string): KeyOutcome {
  if (state.search) return searchKey(state, state.search, data);
  const { line, cursor } = state;
  if (LEFT.includes(data)) return withLine(state, line, Math.max(0, cursor - 1));
  if (RIGHT.includes(data)) return withLine(state, line, Math.min(line.length, cursor + 1));
  if (HOME.includes(data)) return withLine(state, line, 0);
  if (END.includes(data)) return withLine(state, line, line.length);
  if (WORD_LEFT.includes(data)) return withLine(state, line, wordStart(line, cursor));
  if (WORD_RIGHT.includes(data)) return withLine(state, line, wordEnd(line, cursor));
  if (UP.includes(data)) return historyMove(state, -1);
  if (DOWN.includes(data)) return historyMove(state, 1);
  switch (data) {
    case '\x12': // Ctrl+R: search the history backwards as you type
      return { kind: 'edit', state: { ...state, search: { query: '', match: -1, failed: false } } };
    case '\x17': // Ctrl+W: the whitespace-delimited word before the cursor (and the spaces after it)
      return kill(state, line.slice(0, cursor).search(/\S*\s*$/), cursor);
    case `${ESC}\x7f`: // Alt+Backspace: the word (letters and digits) before the cursor
    case `${ESC}\x08`:
      return kill(state, wordStart(line, cursor), cursor);
    case `${ESC}d`: // Alt+D: to the end of the word after the cursor
      return kill(state, cursor, wordEnd(line, cursor));
    case '\x15': // Ctrl+U: from the start of the line to the cursor
      return kill(state, 0, cursor);
    case '\x0b': // Ctrl+K: from the cursor to the end of the line
      return kill(state, cursor, line.length);
    case '\x19': // Ctrl+Y: put back what the last kill took
      return state.killed ? withLine(state, line.slice(0, cursor) + state.killed + line.slice(cursor), cursor + state.killed.length) : { kind: 'edit', state };
    case '\r': {
      const entered = line.trim();
      const history = entered && state.history[state.history.length - 1] !== entered ? [...state.history, entered] : state.history;
      return { kind: 'submit', line, state: { line: '', cursor: 0, history, historyIndex: history.length, draft: '', ...(state.killed ? { killed: state.killed } : {}) } };
    }
    case '\x03': // Ctrl+C
      return { kind: 'interrupt', state: { ...state, line: '', cursor: 0, historyIndex: state.history.length, draft: '' } };
    case '\x0c': // Ctrl+L
      return { kind: 'clear', state };
    case '\t':
      return { kind: 'complete', state };
    case '\x7f': // Backspace
    case '\x08': // Ctrl+H
      return cursor === 0 ? { kind: 'edit', state } : withLine(state, line.slice(0, cursor - 1) + line.slice(cursor), cursor - 1);
    case '\x04': // Ctrl+D: end of input on an empty line, else it deletes like Delete
      if (line === '') return { kind: 'eof', state };
      return withLine(state, line.slice(0, cursor) + line.slice(cursor + 1), cursor);
    case `${CSI}3~`: // Delete
      return withLine(state, line.slice(0, cursor) + line.slice(cursor + 1), cursor);
    default: {
      if (data.startsWith(ESC)) return { kind: 'edit', state }; // other escape sequences
      // Typed or pasted text; a pasted newline submits what precedes it (one line at a time).
      const printable = data.replace(/[\r\n].*$/s, '').replace(/[\x00-\x1f]/g, '');
      return withLine(state, line.slice(0, cursor) + printable + line.slice(cursor), cursor + printable.length);
    }
  }
}

/** Up (-1) or Down (+1) through the history; the line being typed is kept as the draft. */
function historyMove(state: LineState, by: -1 | 1): KeyOutcome {
  const index = state.historyIndex + by;
  if (index < 0 || index > state.history.length) return { kind: 'edit', state };
  const draft = state.historyIndex === state.history.length ? state.line : state.draft;
  const text = index === state.history.length ? draft : state.history[index]!;
  return withLine({ ...state, historyIndex: index, draft }, text, text.length);
}

/** The newest history entry at or before `from` that contains `query`; -1 if none. */
function findBack(history: readonly string[], query: string, from: number): number {
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if (history[i]!.includes(query)) return i;
  return -1;
}

function searching(state: LineState, search: HistorySearch): KeyOutcome {
  return { kind: 'edit', state: { ...state, search } };
}

/** Leaves the search with `line` on the prompt again, ready to edit. */
function endSearch(state: LineState, line: string): LineState {
  const { search: _done, ...rest } = state;
  return { ...rest, line, cursor: line.length, historyIndex: state.history.length, draft: '' };
}

function searchKey(state: LineState, search: HistorySearch, data: string): KeyOutcome {
  const found = search.match >= 0 ? state.history[search.match]! : state.line;
  switch (data) {
    case '\x12': {
      // Ctrl+R again: the next older entry with the same text.
      if (search.query === '' || search.match <= 0) return searching(state, { ...search, failed: search.query !== '' });
      const older = findBack(state.history, search.query, search.match - 1);
      return searching(state, older >= 0 ? { ...search, match: older, failed: false } : { ...search, failed: true });
    }
    case '\x7f': {
      const query = search.query.slice(0, -1);
      const match = query === '' ? -1 : findBack(state.history, query, state.history.length - 1);
      return searching(state, { query, match, failed: query !== '' && match < 0 });
    }
    case '\r': // Enter runs what was found, as bash does.
      return pressKey(endSearch(state, found), '\r');
    case '\x07': // Ctrl+G: give up, back to the line as it was
      return { kind: 'edit', state: endSearch(state, state.line) };
    case '\x03': // Ctrl+C
      return pressKey(endSearch(state, ''), '\x03');
    default: {
      if (data.startsWith(ESC) || /^[\x00-\x1f]$/.test(data)) {
        // Escape, an arrow, Ctrl+A/E…: keep what was found on the prompt, then do what the key does.
        const kept = endSearch(state, found);
        return data === ESC ? { kind: 'edit', state: kept } : pressKey(kept, data);
      }
      const query = search.query + data.replace(/[\x00-\x1f]/g, '');
      const match = findBack(state.history, query, search.match >= 0 ? search.match : state.history.length - 1);
      return searching(state, match >= 0 ? { query, match, failed: false } : { ...search, query, failed: true });
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
