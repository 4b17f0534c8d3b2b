// Keys that mean something to the playback (, . K End P) are the text's own while the learner types.

/** True when a key press belongs to something that takes text (Monaco, the terminal, inputs). */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm');
}
