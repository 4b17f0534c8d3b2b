// What the editor area shows until Monaco has loaded: the same text, editable as plain text,
// so the page is usable from the first paint.
import { useAppStore } from '../../store/index.ts';

export function EditorFallback() {
  const text = useAppStore((s) => s.editorText);
  const setEditorText = useAppStore((s) => s.setEditorText);
  return (
    <div className="relative h-full">
      <textarea
        aria-label="Kubernetes manifest (YAML), plain text while the editor loads"
        spellCheck={false}
        value={text}
        onChange={(e) => setEditorText(e.target.value)}
        className="h-full w-full resize-none bg-transparent py-2.5 pr-3 pl-[62px] font-mono text-sm leading-[21px] text-slate-800 outline-none dark:text-slate-200"
      />
      <span className="pointer-events-none absolute top-2 right-3 rounded-full bg-slate-100 px-2 py-0.5 text-[11px] text-slate-500 dark:bg-slate-800 dark:text-slate-400">
        Loading editor…
      </span>
    </div>
  );
}
