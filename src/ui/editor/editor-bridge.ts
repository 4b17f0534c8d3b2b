// A narrow line from the rest of the UI to the Monaco instance, when it exists: the problems
// list uses it to jump to a line. Nothing else reaches into the editor.
type Reveal = (line: number, column: number) => void;

let reveal: Reveal | null = null;

export function registerReveal(fn: Reveal | null): void {
  reveal = fn;
}

export function revealInEditor(line: number, column: number): void {
  reveal?.(line, column);
}
