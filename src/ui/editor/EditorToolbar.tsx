import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { InsertMenu } from './InsertMenu.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Typing pauses this long before the document count is worked out again. */
const COUNT_DEBOUNCE_MS = 150;

/** How many documents the text holds, counted by the engine's parser in its worker (never here). */
function useDocumentCount(text: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void import('./document-analysis.ts').then(({ analyzeText }) => analyzeText(text)).then((a) => live && setCount(a ? a.documents.length : null));
    }, COUNT_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return count;
}

export function EditorToolbar() {
  const text = useAppStore((s) => s.editorText);
  const applyEditor = useAppStore((s) => s.applyEditor);
  const busy = useAppStore((s) => s.busy);
  const documents = useDocumentCount(text);
  return (
    // A size container: in a narrow pane (1280 px screens) the file icon and the shortcut hint
    // make way, so the file name and both buttons stay readable. The Insert menu opens under it.
    <div className="@container relative flex h-12 shrink-0 items-center gap-2.5 border-b border-slate-200 px-3 dark:border-slate-800">
      <Icon name="file" className="size-4 shrink-0 text-slate-400 @max-md:hidden" />
      <div className="min-w-0 flex-1">
        <div className="truncate font-mono text-[13px] font-medium text-slate-800 dark:text-slate-100">manifest.yaml</div>
        <div className="truncate text-[11px] leading-3.5 text-slate-500 dark:text-slate-400">
          {documents === null ? 'YAML' : `${documents.toLocaleString('en')} document${documents === 1 ? '' : 's'}`}
        </div>
      </div>
      <InsertMenu />
      <button
        type="button"
        onClick={() => void applyEditor()}
        disabled={busy !== null}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        title={`kubectl apply -f manifest.yaml (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
        className="inline-flex h-8 items-center gap-2 rounded-lg bg-indigo-600 pr-2 pl-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 active:bg-indigo-700 disabled:cursor-progress disabled:opacity-60"
      >
        <Icon name="play" filled className="size-3.5" />
        Apply
        <kbd className="rounded bg-white/15 @max-md:hidden px-1.5 py-px font-sans text-[11px] font-medium text-indigo-50">{isMac ? '⌘' : 'Ctrl'} ↵</kbd>
      </button>
    </div>
  );
}
