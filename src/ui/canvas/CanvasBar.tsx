// The strip above the canvas: the canvas view switch, the legend, and the presentation-mode toggle
// (editor hidden, everything larger, for projecting) with, in that mode, the text size.
import { Icon } from '../components/Icon.tsx';
import { appStore, useAppStore, type CanvasView } from '../../store/index.ts';
import { Legend } from './Legend.tsx';
import { PRESENTATION_KEYS } from '../app/presentation.ts';
import { layoutStore, TEXT_SCALES, useLayout } from '../app/layout-store.ts';

/** Presentation mode's text size for the room: the chrome and the canvas' readable zoom grow with it. */
function TextSize() {
  const scale = useLayout((s) => s.textScale);
  const step = layoutStore.getState().stepTextScale;
  const button = 'grid h-7 min-w-7 place-items-center rounded-md px-1 text-xs font-semibold text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:text-slate-300 disabled:hover:bg-transparent dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:disabled:text-slate-600';
  return (
    <div role="group" aria-label="Text size" className="flex shrink-0 items-center">
      <button type="button" className={button} aria-label="Smaller text" title="Smaller text" disabled={scale === TEXT_SCALES[0]} onClick={() => step(-1)}>
        A−
      </button>
      <output aria-live="polite" aria-label="Text size" className="w-10 text-center font-mono text-[11px] text-slate-500 tabular-nums dark:text-slate-400">
        {Math.round(scale * 100)}%
      </output>
      <button type="button" className={button} aria-label="Larger text" title="Larger text" disabled={scale === TEXT_SCALES.at(-1)} onClick={() => step(1)}>
        A+
      </button>
    </div>
  );
}

const VIEWS: [CanvasView, string, string][] = [
  ['cluster', 'Cluster', 'Nodes, pods, claims, volumes and classes'],
  ['docker', 'Docker', 'Images and their layers, containers and their writable layers, volumes'],
];

/** Cluster or Docker host: which world the canvas draws. */
function ViewSwitch() {
  const view = useAppStore((s) => s.canvasView);
  return (
    <div role="radiogroup" aria-label="Canvas view" className="flex shrink-0 rounded-md bg-slate-100 p-0.5 dark:bg-slate-800">
      {VIEWS.map(([id, label, title]) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={view === id}
          title={title}
          onClick={() => appStore.getState().setCanvasView(id)}
          className={`rounded px-2 py-0.5 text-xs font-semibold ${view === id ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-600 dark:text-white' : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function CanvasBar({ presentation, onTogglePresentation }: { presentation: boolean; onTogglePresentation: () => void }) {
  const view = useAppStore((s) => s.canvasView);
  return (
    <div className="@container flex h-9 shrink-0 items-center gap-3 border-b border-slate-200 bg-white pr-1.5 pl-3 dark:border-slate-800 dark:bg-slate-900">
      <ViewSwitch />
      {view === 'cluster' ? <Legend /> : <span className="min-w-0 flex-1 truncate text-xs text-slate-500 dark:text-slate-400">Read-only image layers are shared; each container adds only its writable layer.</span>}
      {presentation && <TextSize />}
      <button
        type="button"
        aria-pressed={presentation}
        aria-label="Presentation"
        aria-keyshortcuts="F Control+Shift+P Meta+Shift+P"
        onClick={onTogglePresentation}
        title={presentation ? `Leave presentation mode (Esc, ${PRESENTATION_KEYS})` : `Presentation mode: hide the editor and draw everything larger, for projecting (${PRESENTATION_KEYS})`}
        className={[
          'inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md px-2 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-500',
          presentation
            ? 'bg-indigo-50 text-indigo-700 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-400/15 dark:text-indigo-200 dark:ring-indigo-400/30'
            : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white',
        ].join(' ')}
      >
        <Icon name="presentation" className="size-3.5" />
        <span className="hidden @5xl:inline">Presentation</span>
        <kbd className="hidden font-mono text-[10px] text-slate-400 @5xl:inline">{presentation ? 'Esc' : 'F'}</kbd>
      </button>
    </div>
  );
}
