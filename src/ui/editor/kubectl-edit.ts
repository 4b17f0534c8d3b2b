// `kubectl edit` in the browser terminal: the command layer asks (an effect) for the object to be
// edited in the editor pane; this holds that edit while it is open. The learner's own editor text
// is put aside and comes back when the edit is saved or abandoned. The saved text is applied by a
// terminal line that real bash and kubectl would run the same way (the text into a file, then
// `kubectl edit` with an editor that copies it in), so the timeline and share links replay it.
import { useSyncExternalStore } from 'react';
import type { CommandEffect } from '../../commands/types.ts';
import { appStore } from '../../store/index.ts';

type EditEffect = Extract<CommandEffect, { type: 'edit' }>;

export interface OpenEdit {
  effect: EditEffect;
  /** The learner's editor text, put back when the edit ends. */
  learnerText: string;
  finish: (edited: string | undefined) => void;
}

let open: OpenEdit | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** The edit open now, for components. */
export function useOpenEdit(): OpenEdit | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}

/** Opens the object in the editor pane; resolves with the saved text, or undefined when abandoned. */
export function startEdit(effect: EditEffect): Promise<string | undefined> {
  if (open) endEdit(undefined);
  const learnerText = appStore.getState().editorText;
  return new Promise((resolve) => {
    open = { effect, learnerText, finish: resolve };
    // Set aside in the store too, so a reload or a share link while the edit is open keeps it.
    appStore.getState().setEditorTextAside(learnerText);
    appStore.getState().setEditorText(effect.text);
    notify();
  });
}

/** Saves (the editor's text now) or abandons (undefined) the open edit, and gives the learner's text back. */
export function endEdit(save: 'save' | undefined): void {
  const current = open;
  if (!current) return;
  const edited = save ? appStore.getState().editorText : undefined;
  open = null;
  appStore.getState().setEditorText(current.learnerText);
  appStore.getState().setEditorTextAside(null);
  notify();
  current.finish(edited);
}

export const EDIT_FILE = '/tmp/kubectl-edit-pane.yaml';

/** The terminal line that applies saved text: `kubectl edit` with an editor that copies the text in. */
export function editLine(effect: EditEffect, text: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  let end = 'KUBECTL_EDIT';
  while (body.split('\n').includes(end)) end += '_';
  const ns = effect.namespace ? ` -n ${effect.namespace}` : '';
  return [`# kubectl edit ${effect.resource}${ns}: saved in the editor`, `cat > ${EDIT_FILE} <<'${end}'`, `${body}${end}`, `KUBE_EDITOR="cp ${EDIT_FILE}" kubectl edit ${effect.resource}${ns}`].join('\n');
}
