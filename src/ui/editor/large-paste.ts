// A paste of megabytes, handed to Monaco in slices. Monaco takes a paste in one task: it splits
// the text into lines, indexes their starts, wraps each new line and records the undo step, all
// on the page's thread (300-800 ms for 5 MB, longer on a busy laptop). Here a large paste is
// taken from the clipboard event before Monaco sees it and inserted a slice at a time, a task
// each, with the editor read-only meanwhile; the store hears the text once, at the end, and
// the whole paste is one undo step, as Monaco's own would be.
import type { editor as Editor } from 'monaco-editor';

/** Pastes at least this long go in slices; shorter ones are Monaco's own (one quick task). */
export const LARGE_PASTE_CHARS = 200_000;
/** About 5 ms of Monaco's work per slice on a 2-core machine. */
export const PASTE_SLICE_CHARS = 128 * 1024;

/** The text cut into slices of about `size` characters, each ending at a line break where there is one. */
export function pasteSlices(text: string, size = PASTE_SLICE_CHARS): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end - 1);
      if (nl >= at + size / 2) end = nl + 1;
      // Never split a surrogate pair (an emoji) between two slices.
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end += 1;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

export interface LargePasteHooks {
  /** Called before the first slice with the text's length after the paste (turn off wrapping first). */
  onStart: (finalLength: number) => void;
  /** Called after the last slice (or when the editor went away meanwhile). */
  onEnd: () => void;
  /** Runs `fn` in a task of its own (setTimeout in the page). */
  later: (fn: () => void) => void;
}

/** Takes large pastes on `editor`'s DOM node; returns the remover. */
export function installLargePaste(editor: Editor.IStandaloneCodeEditor, hooks: LargePasteHooks): { dispose: () => void; busy: () => boolean } {
  // On the document, capturing: Monaco's own paste handler captures on the editor's container.
  const container = editor.getContainerDomNode();
  const doc = container.ownerDocument;
  let pasting = false;
  const onPaste = (e: ClipboardEvent) => {
    if (!(e.target instanceof Node) || !container.contains(e.target)) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    const model = editor.getModel();
    if (text.length < LARGE_PASTE_CHARS || !model) return;
    // Before Monaco's own listeners: this paste is ours.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (pasting || editor.getRawOptions().readOnly) return;
    pasting = true;
    const selection = editor.getSelection() ?? model.getFullModelRange();
    hooks.onStart(model.getValueLength() - model.getValueLengthInRange(selection) + text.length);
    editor.updateOptions({ readOnly: true });
    model.pushStackElement();
    const slices = pasteSlices(text);
    let end = selection.getStartPosition();
    let first = true;
    const step = () => {
      if (editor.getModel() !== model || model.isDisposed()) {
        pasting = false;
        return hooks.onEnd();
      }
      const slice = slices.shift()!;
      // The first slice replaces the selection; the others go where the last one ended (the
      // inverse edit's range is where the inserted text landed, line endings normalised).
      const range = first ? selection : { startLineNumber: end.lineNumber, startColumn: end.column, endLineNumber: end.lineNumber, endColumn: end.column };
      model.pushEditOperations([], [{ range, text: slice }], (inverse) => {
        const r = inverse[0]?.range;
        if (r) end = { lineNumber: r.endLineNumber, column: r.endColumn } as typeof end;
        return null;
      });
      first = false;
      if (slices.length > 0) return hooks.later(step);
      model.pushStackElement();
      editor.updateOptions({ readOnly: false });
      editor.setPosition(end);
      editor.revealPosition(end);
      pasting = false;
      hooks.onEnd();
    };
    // Not even the first slice in the paste's own task: reading 5 MB off the clipboard is its share.
    hooks.later(step);
  };
  doc.addEventListener('paste', onPaste, true);
  return { dispose: () => doc.removeEventListener('paste', onPaste, true), busy: () => pasting };
}
