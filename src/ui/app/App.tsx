// The first screen: header; editor on the left; the cluster canvas in the centre; the dock below
// it (terminal, events, inspector, explain, timeline). Panes resize with the splitters. Presentation
// mode (F, Ctrl+Shift+P or the canvas bar's button; Esc leaves) hides the editor and draws the
// rest larger, for projecting.
import type { CSSProperties } from 'react';
import { CanvasBar } from '../canvas/CanvasBar.tsx';
import { ClusterCanvas } from '../canvas/ClusterCanvas.tsx';
import { Narration } from '../canvas/Narration.tsx';
import { EditorPane } from '../editor/EditorPane.tsx';
import { BottomDock } from '../timeline/BottomDock.tsx';
import { BusyIndicator } from './BusyIndicator.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Header } from './Header.tsx';
import { LessonSlot } from '../lessons/LessonSlot.tsx';
import { layoutStore, useLayout } from './layout-store.ts';
import { usePresentationKeys, usePresentationZoom } from './presentation.ts';
import { Splitter } from './Splitter.tsx';
import { useApplyShortcut } from './useApplyShortcut.ts';
import { usePaneSizes } from './usePaneSizes.ts';
import { UpdateToast } from './UpdateToast.tsx';
import { useThemeClass } from './useThemeClass.ts';

export function App() {
  useThemeClass();
  useApplyShortcut();
  usePresentationKeys();
  const panes = usePaneSizes();
  const presentation = useLayout((s) => s.presentation);
  const zoom = usePresentationZoom();
  const scaled: CSSProperties | undefined = zoom.chrome === 1 ? undefined : { zoom: zoom.chrome };
  const headerScaled: CSSProperties | undefined = zoom.header === 1 ? undefined : { zoom: zoom.header };
  return (
    <div data-presentation={presentation ? '' : undefined} className="flex h-dvh min-h-0 flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="shrink-0" style={headerScaled}>
        <Header />
      </div>
      <main className="flex min-h-0 flex-1">
        {/* Hidden, not unmounted, in presentation mode: Monaco keeps its text, undo history and markers. */}
        <section aria-label="Manifest editor" hidden={presentation} className="flex min-w-0 shrink-0 flex-col bg-white dark:bg-slate-900" style={{ width: panes.editorWidth }}>
          <ErrorBoundary area="editor">
            <EditorPane />
          </ErrorBoundary>
        </section>
        {!presentation && <Splitter axis="x" label="Resize editor" value={panes.editorWidth} min={300} max={panes.editorMax} onChange={panes.setEditorWidth} />}
        <section className="flex min-w-0 flex-1 flex-col">
          <div className="flex min-h-0 flex-1 flex-col" aria-label="Cluster" role="region">
            <div className="shrink-0" style={scaled}>
              <CanvasBar presentation={presentation} onTogglePresentation={() => layoutStore.getState().setPresentation(!presentation)} />
            </div>
            <div className="relative min-h-0 flex-1">
              <ErrorBoundary area="canvas">
                <ClusterCanvas />
              </ErrorBoundary>
              <Narration />
              <BusyIndicator />
            </div>
          </div>
          <Splitter axis="y" label="Resize dock" value={panes.dockHeight} min={110} max={panes.dockMax} direction={-1} onChange={panes.setDockHeight} />
          <div className="shrink-0 bg-white dark:bg-slate-900" style={{ height: panes.dockHeight }}>
            {/* Zoomed inside the sized box, so the dock keeps the height the splitter gave it. */}
            <div className="h-full" style={scaled}>
              <ErrorBoundary area="dock">
                <BottomDock />
              </ErrorBoundary>
            </div>
          </div>
        </section>
        <LessonSlot />
      </main>
      <UpdateToast />
    </div>
  );
}
