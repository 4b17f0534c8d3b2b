// A small modal question (the native <dialog>: focus stays inside, Escape cancels, the page
// behind is inert). The safe choice has the focus, unless the action can be undone afterwards
// (`focusConfirm`): then Enter confirms, as a teacher in front of a class expects.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Focus the confirm button (Enter confirms): for actions that offer Undo afterwards. */
  focusConfirm?: boolean;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, focusConfirm = false }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    (focusConfirm ? confirmRef : cancelRef).current?.focus();
    return () => dialog.close();
  }, [focusConfirm]);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault(); // Escape: we close by unmounting, so React stays the owner of the state
        onCancel();
      }}
      className="m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:backdrop:bg-black/60"
    >
      <h2 id={titleId} className="text-base font-semibold text-slate-900 dark:text-white">
        {title}
      </h2>
      <div id={bodyId} className="mt-2 space-y-2">
        {children}
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <button
          ref={cancelRef}
          type="button"
          onClick={onCancel}
          className="h-8 rounded-lg border border-slate-300 bg-white px-3 font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
        >
          Cancel
        </button>
        <button
          ref={confirmRef}
          type="button"
          onClick={onConfirm}
          className="h-8 rounded-lg bg-indigo-600 px-3 font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
