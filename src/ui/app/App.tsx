// The first screen: header; editor on the left; canvas in the centre with the inspector over
// its right edge; events and steps docked below the canvas. Panes resize with the splitters;
// "Focus canvas" hides the editor and the dock for projecting.
import { useState } from 'react';
import { CanvasBar } from '../canvas/CanvasBar.tsx';
import { ClusterCanvas } from '../canvas/ClusterCanvas.tsx';
import { Narration } from '../canvas/Narration.tsx';
import { EditorPane } from '../editor/EditorPane.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { BottomDock } from '../timeline/BottomDock.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Header } from './Header.tsx';
import { Splitter } from './Splitter.tsx';
import { useApplyShortcut } from './useApplyShortcut.ts';
import { usePaneSizes } from './usePaneSizes.ts';
import { useThemeClass } from './useThemeClass.ts';

export function App() {
  useThemeClass();
  useApplyShortcut();
  const panes = usePaneSizes();
  const [focused, setFocused] = useState(false);
  return (
    <div className="flex h-dvh min-h-0 flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <main className="flex min-h-0 flex-1">
        {/* Hidden, not unmounted, in focus mode: Monaco keeps its text, undo history and markers. */}
        <section aria-label="Manifest editor" hidden={focused} className="flex min-w-0 shrink-0 flex-col bg-white dark:bg-slate-900" style={{ width: panes.editorWidth }}>
          <ErrorBoundary area="editor">
            <EditorPane />
          </ErrorBoundary>
        </section>
        {!focused && <Splitter axis="x" label="Resize editor" value={panes.editorWidth} min={300} max={panes.editorMax} onChange={panes.setEditorWidth} />}
        <section className="flex min-w-0 flex-1 flex-col">
          <div className="flex min-h-0 flex-1 flex-col" aria-label="Cluster" role="region">
            <CanvasBar focused={focused} onToggleFocus={() => setFocused(!focused)} />
            <div className="relative min-h-0 flex-1">
              <ErrorBoundary area="canvas">
                <ClusterCanvas />
              </ErrorBoundary>
              <Narration />
              <Inspector />
            </div>
          </div>
          {!focused && <Splitter axis="y" label="Resize dock" value={panes.dockHeight} min={110} max={panes.dockMax} direction={-1} onChange={panes.setDockHeight} />}
          <div hidden={focused} className="shrink-0 bg-white dark:bg-slate-900" style={{ height: panes.dockHeight }}>
            <ErrorBoundary area="timeline">
              <BottomDock />
            </ErrorBoundary>
          </div>
        </section>
      </main>
    </div>
  );
}
