// The left pane: a toolbar with Apply, the YAML editor (Monaco, loaded lazily), and what the
// last apply said.
import { lazy, Suspense } from 'react';
import { ApplyResults } from './ApplyResults.tsx';
import { EditorFallback } from './EditorFallback.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';

const YamlEditor = lazy(() => import('./YamlEditor.tsx'));

export function EditorPane() {
  return (
    <div className="flex h-full min-h-0 flex-col">
      <EditorToolbar />
      <div className="relative min-h-0 flex-1">
        <Suspense fallback={<EditorFallback />}>
          <YamlEditor />
        </Suspense>
      </div>
      <ApplyResults />
    </div>
  );
}
