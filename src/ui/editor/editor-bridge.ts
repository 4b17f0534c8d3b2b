// A narrow line from the rest of the UI to the Monaco instance, when it exists: the problems
// list uses it to jump to a line, the Insert menu to add a template with live tab stops.
// Nothing else reaches into the editor.
import type { ManifestSnippet } from './snippets.ts';

type Reveal = (line: number, column: number) => void;
type Insert = (snippet: ManifestSnippet) => void;

let reveal: Reveal | null = null;
let insert: Insert | null = null;

export function registerReveal(fn: Reveal | null): void {
  reveal = fn;
}

export function revealInEditor(line: number, column: number): void {
  reveal?.(line, column);
}

export function registerInsert(fn: Insert | null): void {
  insert = fn;
}

/** Inserts `snippet` through Monaco; false when Monaco is not loaded yet (the caller edits the text itself). */
export function insertInEditor(snippet: ManifestSnippet): boolean {
  if (!insert) return false;
  insert(snippet);
  return true;
}
