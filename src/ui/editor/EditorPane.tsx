// The left pane: a toolbar with Apply, the YAML editor, and what the last apply said. Monaco is
// 880 kB gzip: its download starts only once the canvas has painted and the main thread is idle
// (or after a short wait at most), so the first screen becomes interactive without it. Until
// then the plain-text fallback shows the same text, editable.
import { lazy, Suspense, useEffect, useState } from 'react';
import { ApplyResults } from './ApplyResults.tsx';
import { EditorFallback } from './EditorFallback.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { EditBar } from './EditBar.tsx';
import { useOpenEdit } from './kubectl-edit.ts';

const YamlEditor = lazy(() => import('./YamlEditor.tsx'));

/** The longest the editor waits for an idle moment before loading Monaco anyway. */
const MAX_DEFER_MS = 1200;

function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancel = () => {};
    // Two animation frames: the first screen has been laid out and painted.
    const raf = requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (typeof window.requestIdleCallback === 'function') {
          const id = window.requestIdleCallback(() => setReady(true), { timeout: MAX_DEFER_MS });
          cancel = () => window.cancelIdleCallback(id);
        } else {
          const id = setTimeout(() => setReady(true), 200);
          cancel = () => clearTimeout(id);
        }
      }),
    );
    return () => {
      cancelAnimationFrame(raf);
      cancel();
    };
  }, []);
  return ready;
}

export function EditorPane() {
  const load = useAfterFirstPaint();
  const edit = useOpenEdit();
  return (
    <div className="flex h-full min-h-0 flex-col">
      {edit ? <EditBar edit={edit} /> : <EditorToolbar />}
      <div className="relative min-h-0 flex-1">
        <Suspense fallback={<EditorFallback />}>{load ? <YamlEditor /> : <EditorFallback />}</Suspense>
      </div>
      <ApplyResults />
    </div>
  );
}
