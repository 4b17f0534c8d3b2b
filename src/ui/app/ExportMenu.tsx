// The way out to a real cluster and the way in: "Export to kind" downloads one self-extracting
// shell script (kind-export.sh) that writes manifests.yaml, kind-config.yaml, run.sh and README.md
// (run.sh replays the session's actions up to the frame shown: editor Applies and terminal lines)
// — a single file a browser can download without a zip library, which needs nothing but `sh` to
// unpack on the machine that has kind anyway. "Import from a cluster…" opens the import dialog.
// The export code and the dialog load on first use: the first screen never needs them.
import { lazy, Suspense, useId, useState } from 'react';
import { appStore } from '../../store/index.ts';
import { viewedState } from '../../store/timeline.ts';
import { Icon } from '../components/Icon.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { usePopover } from './usePopover.ts';

const loadExport = () => import('../../commands/export/kind-export.ts');
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

const ITEM =
  'block w-full rounded-lg px-3 py-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800';

export function ExportMenu() {
  const popover = usePopover();
  const menuId = useId();
  const [importing, setImporting] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const exportToKind = async () => {
    const { exportToKind: build, selfExtractingScript } = await loadExport();
    const s = appStore.getState();
    // What the canvas shows (the timeline's current frame), and the actions that led there, in
    // order: the session's own record (editor Applies with their text, terminal lines with the
    // shell lines and editor file they read), not the terminal's ↑ history, which has neither.
    const t = s.timeline;
    const actions = t.actions.slice(0, t.frames[t.cursor]!.action + 1).map((a) => a.action);
    const files = build(viewedState(t), { history: actions });
    download('kind-export.sh', selfExtractingScript(files));
    setNote('Downloaded kind-export.sh. Run:');
  };

  return (
    <div className="relative">
      <button
        ref={popover.trigger}
        type="button"
        onPointerEnter={() => void loadExport()}
        onClick={() => (popover.open ? popover.close(false) : (setNote(null), popover.setOpen(true)))}
        aria-haspopup="menu"
        aria-expanded={popover.open}
        aria-controls={popover.open ? menuId : undefined}
        aria-label="Real cluster"
        title="Real cluster: export this session to kind, or import a real cluster's objects"
        className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 @min-[96rem]:px-2.5 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        <Icon name="cluster" className="size-4" />
        <span className="hidden @min-[96rem]:inline">Real cluster</span>
      </button>
      {popover.open && (
        <div ref={popover.panel} id={menuId} role="menu" aria-label="Real cluster" className="absolute top-full right-0 z-50 mt-2 w-80 rounded-xl border border-slate-200 bg-white p-1.5 text-sm shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
          <button type="button" role="menuitem" className={ITEM} onClick={() => void exportToKind()}>
            <span className="font-medium">Export to kind</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">kind-export.sh: manifests, a kind config with the same nodes and zones, run.sh replaying your commands then kubectl wait, and what kind cannot reproduce</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className={ITEM}
            onClick={() => {
              popover.close(false);
              setImporting(true);
            }}
          >
            <span className="font-medium">Import from a cluster…</span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">paste kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml</span>
          </button>
          {note && (
            <p role="status" className="m-1.5 rounded-lg bg-emerald-50 px-2.5 py-2 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
              {note}
              {/* One command a line, never broken mid-word, so a class can copy them off the projector. */}
              <code className="mt-1 block font-mono whitespace-nowrap">sh kind-export.sh</code>
              <code className="block font-mono whitespace-nowrap">bash kind-export/run.sh</code>
            </p>
          )}
        </div>
      )}
      {importing && (
        <ErrorBoundary area="import dialog">
          <Suspense fallback={null}>
            <ImportDialog onClose={() => setImporting(false)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-shellscript' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once click() returns; the URL is only needed that long.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
