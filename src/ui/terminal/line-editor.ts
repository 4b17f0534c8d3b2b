// The terminal's line discipline, as plain data: what a key press does to the line being typed
// (insert, erase, move, history, Ctrl+R search, Ctrl+C, Ctrl+U, Ctrl+W) and what to write back to
// the screen. Kept apart from xterm.js so every key is unit-tested without a browser.

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
}

export interface HistorySearch {
  query: string;
  /** Index into the history of the entry shown; -1 when nothing matches. */
  match: number;
  /** Whether the last key found nothing (bash then says "failed reverse-i-search"). */
  failed: boolean;
}

export type KeyOutcome =
  | { kind: 'edit'; state: LineState; echo: string }
  /** `echo` (when present) goes to the screen first: the prompt and the line a search found. */
  | { kind: 'submit'; state: LineState; line: string; echo?: string }
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
  if (state.search) return searchKey(state, state.search, data);
  const { line, cursor } = state;
  switch (data) {
    case '\x12': // Ctrl+R: search the history backwards as you type
      return showSearch({ ...state, search: { query: '', match: -1, failed: false } });
    case '\x17': {
      // Ctrl+W: erase the word before the cursor (and the spaces after it)
      const start = line.slice(0, cursor).search(/\S*\s*$/);
      return withLine(state, line.slice(0, start) + line.slice(cursor), start);
    }
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

/** The newest history entry at or before `from` that contains `query`; -1 if none. */
function findBack(history: readonly string[], query: string, from: number): number {
  for (let i = Math.min(from, history.length - 1); i >= 0; i--) if (history[i]!.includes(query)) return i;
  return -1;
}

/** The search line as bash draws it, in place of the prompt: (reverse-i-search)`kub': kubectl get pvc */
function showSearch(state: LineState): KeyOutcome {
  const { query, match, failed } = state.search!;
  const found = match >= 0 ? state.history[match]! : '';
  return { kind: 'edit', state, echo: `\r${CSI}K(${failed ? 'failed ' : ''}reverse-i-search)\`${query}': ${found}` };
}

/** Leaves the search with `line` on the prompt again, ready to edit. */
function endSearch(state: LineState, line: string): LineState {
  const { search: _done, ...rest } = state;
  return { ...rest, line, cursor: line.length, historyIndex: state.history.length, draft: '' };
}

const promptLine = (state: LineState) => `\r${CSI}K${PROMPT}${state.line}`;

function searchKey(state: LineState, search: HistorySearch, data: string): KeyOutcome {
  const found = search.match >= 0 ? state.history[search.match]! : state.line;
  switch (data) {
    case '\x12': {
      // Ctrl+R again: the next older entry with the same text.
      if (search.query === '' || search.match <= 0) return showSearch({ ...state, search: { ...search, failed: search.query !== '' } });
      const older = findBack(state.history, search.query, search.match - 1);
      return showSearch({ ...state, search: older >= 0 ? { ...search, match: older, failed: false } : { ...search, failed: true } });
    }
    case '\x7f': {
      const query = search.query.slice(0, -1);
      const match = query === '' ? -1 : findBack(state.history, query, state.history.length - 1);
      return showSearch({ ...state, search: { query, match, failed: query !== '' && match < 0 } });
    }
    case '\r': {
      // Enter runs what was found, as bash does, after showing it on the prompt.
      const done = endSearch(state, found);
      const out = pressKey(done, '\r');
      return out.kind === 'submit' ? { ...out, echo: promptLine(done) } : out;
    }
    case '\x07': // Ctrl+G: give up, back to the line as it was
      return withPrompt(endSearch(state, state.line));
    case '\x03': // Ctrl+C
      return pressKey(endSearch(state, ''), '\x03');
    default: {
      if (data.startsWith('\x1b') || /^[\x00-\x1f]$/.test(data)) {
        // Escape, an arrow, Ctrl+A/E…: keep what was found on the prompt, then do what the key does.
        const kept = endSearch(state, found);
        if (data === '\x1b') return withPrompt(kept);
        const next = pressKey(kept, data);
        return next.kind === 'edit' ? { ...next, echo: promptLine(kept) + next.echo } : next;
      }
      const query = search.query + data.replace(/[\x00-\x1f]/g, '');
      const match = findBack(state.history, query, search.match >= 0 ? search.match : state.history.length - 1);
      return showSearch({ ...state, search: match >= 0 ? { query, match, failed: false } : { ...search, query, failed: true } });
    }
  }
}

function withPrompt(state: LineState): KeyOutcome {
  const back = state.line.length - state.cursor;
  return { kind: 'edit', state, echo: promptLine(state) + (back > 0 ? `${CSI}${back}D` : '') };
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
