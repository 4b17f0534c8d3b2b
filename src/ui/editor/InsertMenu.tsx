// The toolbar's Insert menu: the editor's manifest templates for learners who do not know about
// snippet completions. Choosing one adds it as a new last document; with Monaco loaded its values
// are live tab stops, before that the text gets the template's default values.
//
// The templates load on first open (a small chunk of their own), so the first screen carries only
// this button.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { appStore } from '../../store/index.ts';
import { insertInEditor } from './editor-bridge.ts';
import { moveMenuFocus } from '../components/menu-keys.ts';
import type { ManifestSnippet } from './snippets.ts';

async function loadTemplates() {
  const [snippets, lines] = await Promise.all([import('./snippets.ts'), import('./document-lines.ts')]);
  return { ...snippets, appendDocument: lines.appendDocument };
}
type Templates = Awaited<ReturnType<typeof loadTemplates>>;

export function InsertMenu() {
  const [open, setOpen] = useState(false);
  const [templates, setTemplates] = useState<Templates | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const load = () => {
    if (!templates) void loadTemplates().then(setTemplates);
  };

  // Focus the first template once the menu is open and its items exist.
  useEffect(() => {
    if (open && templates) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, templates]);

  // A click anywhere else closes it, as a menu does.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = (snippet: ManifestSnippet) => {
    close(false);
    if (insertInEditor(snippet) || !templates) return;
    const { editorText, setEditorText } = appStore.getState();
    setEditorText(templates.appendDocument(editorText, templates.expandSnippet(snippet.body)));
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    if (moveMenuFocus(menu.current, e.key)) {
      // handled: focus moved among the items
    } else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    // Not positioned itself: the menu hangs from the toolbar, so it stays inside a narrow pane.
    <div ref={root}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="Add a new document from a template (in the editor, type pvc, pv, sc or pod at the start of a line)"
        onPointerEnter={load}
        onFocus={load}
        onClick={() => {
          load();
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            load();
            setOpen(true);
          }
        }}
        className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-slate-300 bg-white pr-2 pl-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-expanded:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 dark:aria-expanded:bg-slate-700"
      >
        <svg viewBox="0 0 24 24" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={1.9} strokeLinecap="round">
          <path d="M12 5v14M5 12h14" />
        </svg>
        Insert
        <svg viewBox="0 0 24 24" className="size-3.5 text-slate-400" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d="m7 10 5 5 5-5" />
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Insert a manifest template"
          onKeyDown={onMenuKeyDown}
          className="absolute top-full right-3 z-[60] mt-1 w-[22rem] max-w-[calc(100%-1.5rem)] overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg ring-1 ring-slate-900/5 dark:border-slate-700 dark:bg-slate-800 dark:ring-white/5"
        >
          <div className="border-b border-slate-100 px-3 py-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-700 dark:text-slate-400">
            New document from a template
          </div>
          {!templates && <div className="px-3 py-3 text-xs text-slate-500 dark:text-slate-400">Loading templates…</div>}
          <div className="thin-scroll max-h-[calc(100vh-14rem)] overflow-auto py-1">
            {templates?.SNIPPETS.map((s) => (
              <button
                key={s.prefix}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => choose(s)}
                className="flex w-full items-start gap-2.5 px-3 py-1.5 text-left outline-none hover:bg-slate-50 focus-visible:bg-indigo-50 dark:hover:bg-slate-700/60 dark:focus-visible:bg-indigo-500/15"
              >
                <span className="min-w-0 flex-1">
                  <span className="block text-sm font-medium text-slate-800 dark:text-slate-100">{s.kind}</span>
                  <span className="block truncate text-xs leading-4 text-slate-500 dark:text-slate-400" title={s.description}>{s.description}</span>
                </span>
                <kbd className="mt-0.5 shrink-0 rounded border border-slate-200 px-1.5 py-px font-mono text-[11px] text-slate-500 dark:border-slate-600 dark:text-slate-400" title={`Type ${s.prefix} at the start of a line`}>
                  {s.prefix}
                </kbd>
              </button>
            ))}
          </div>
          <div className="border-t border-slate-100 bg-slate-50 px-3 py-2 text-xs leading-4 text-slate-500 dark:border-slate-700 dark:bg-slate-900/40 dark:text-slate-400">
            In the editor, type the word on the right at the start of a line, pick it, then <kbd className="font-sans font-semibold">Tab</kbd> through the values.
          </div>
        </div>
      )}
    </div>
  );
}
