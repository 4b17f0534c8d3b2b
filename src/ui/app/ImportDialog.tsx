// "Import from a cluster…": paste (or drop a file with) the output of
// `kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml`, see what would be imported (counts
// by kind, skipped kinds, each unreadable item with its line), then Import: a Reset to the empty
// preset (Undo brings the old session back) and one `kubesim import -` command carrying the text,
// so the import is part of the session's history and a reload or share link replays it.
import { useEffect, useId, useRef, useState } from 'react';
import { appStore } from '../../store/index.ts';
import { importSummary, parseImport, type ParsedImport } from '../../commands/import/parse-import.ts';

/** Above this the preview is not computed while typing (the engine worker checks it on Import). */
const PREVIEW_LIMIT = 2 * 1024 * 1024;
const COMMAND = 'kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml > cluster.yaml';

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ParsedImport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // The preview follows the text a moment after typing stops.
  useEffect(() => {
    if (text.trim() === '' || text.length > PREVIEW_LIMIT) {
      setPreview(null);
      return;
    }
    const t = setTimeout(() => setPreview(parseImport(text)), 250);
    return () => clearTimeout(t);
  }, [text]);

  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };

  const runImport = async () => {
    setRunning(true);
    setError(null);
    const store = appStore.getState();
    await store.resetCluster('empty');
    let delim = 'KUBESIM_IMPORT';
    while (text.split('\n').includes(delim)) delim += '_';
    const result = await appStore.getState().runCommand(`kubesim import - <<'${delim}'\n${text.replace(/\n$/, '')}\n${delim}`);
    setRunning(false);
    // Items left out (reported in the terminal) still leave an imported cluster; a refused input does not.
    const said = (stream: 'stdout' | 'stderr') => result.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
    if (said('stdout').startsWith('imported ')) onClose();
    else setError(said('stderr') || 'The import failed.');
  };

  const importable = preview ? preview.objects.length > 0 && !preview.fatal : text.length > PREVIEW_LIMIT;

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!running) onClose();
      }}
      className="m-auto w-[44rem] max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:backdrop:bg-black/60"
    >
      <h2 id={titleId} className="text-base font-semibold text-slate-900 dark:text-white">
        Import from a cluster
      </h2>
      <p className="mt-2">
        On your real cluster, run <code className="rounded bg-slate-100 px-1 py-0.5 text-xs dark:bg-slate-800">{COMMAND}</code> and paste the file here, or drop it on the box. Objects keep their status as the cluster reported it; the nodes, with their zones, replace the playground&apos;s; then the controllers carry on.
      </p>
      <textarea
        aria-label="kubectl get -A -o yaml output"
        value={text.length > PREVIEW_LIMIT ? `${text.slice(0, 20000)}\n… (${Math.round(text.length / 1024)} KB in all)` : text}
        readOnly={text.length > PREVIEW_LIMIT}
        onChange={(e) => setText(e.target.value)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void readFile(e.dataTransfer.files[0]);
        }}
        spellCheck={false}
        placeholder={'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Node\n  …\nkind: List'}
        className="mt-3 h-56 w-full resize-y rounded-lg border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
      />
      <div className="mt-2 flex items-center gap-3 text-xs">
        <label className="cursor-pointer text-indigo-700 underline dark:text-indigo-300">
          Choose a file…
          <input type="file" accept=".yaml,.yml,.json,.txt" className="sr-only" onChange={(e) => void readFile(e.target.files?.[0])} />
        </label>
        {text.length > PREVIEW_LIMIT && <span>Large input: checked when you import.</span>}
      </div>
      <ImportPreview preview={preview} />
      {error && (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 px-2.5 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <div className="mt-4 flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-slate-500 dark:text-slate-400">Importing resets the cluster (Undo brings this session back).</span>
        <button
          type="button"
          onClick={onClose}
          disabled={running}
          className="h-8 rounded-lg border border-slate-300 bg-white px-3 font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={() => void runImport()}
          disabled={!importable || running}
          className="h-8 rounded-lg bg-indigo-600 px-3 font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {running ? 'Importing…' : 'Import'}
        </button>
      </div>
    </dialog>
  );
}

function ImportPreview({ preview }: { preview: ParsedImport | null }) {
  if (!preview) return null;
  if (preview.fatal) return <p className="mt-2 text-red-700 dark:text-red-300">{preview.fatal}</p>;
  const lines = importSummary(preview);
  return (
    <div className="mt-2 max-h-40 overflow-auto rounded-lg border border-slate-200 p-2 text-xs dark:border-slate-700" aria-live="polite">
      <p className="font-medium">
        {preview.objects.length} object{preview.objects.length === 1 ? '' : 's'} to import
      </p>
      <pre className="font-mono whitespace-pre-wrap">{lines.join('\n')}</pre>
      {preview.problems.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-red-700 dark:text-red-300">
          {preview.problems.slice(0, 50).map((p, i) => (
            <li key={i}>
              line {p.line}, column {p.column}: {p.subject}: {p.message}
            </li>
          ))}
          {preview.problems.length > 50 && <li>… and {preview.problems.length - 50} more</li>}
        </ul>
      )}
    </div>
  );
}
