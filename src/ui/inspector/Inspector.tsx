// The dock's Inspector tab: the selected object as `kubectl get -o yaml` prints it (status
// included), as `kubectl describe` prints it, or its events. A claim or pod that is not healthy gets
// a one-line "why" with a way to the Explain tab, which has the whole story.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { toYaml } from '../../commands/kubectl/output-formats.ts';
import { KINDS, viewOf, type AnyStored, type ObjectRef } from '../../engine/index.ts';
import { appStore, selectSelectedObject, useAppStore } from '../../store/index.ts';
import { layoutStore, useLayout, type InspectorView } from '../app/layout-store.ts';
import { statusOfObject, toneOf } from '../canvas/status.ts';
import { Icon } from '../components/Icon.tsx';
import { DescribeView, loadDescribe } from './DescribeView.tsx';
import { ObjectEvents, useObjectEventRows } from './ObjectEvents.tsx';
import { YamlView } from './YamlView.tsx';

// Loaded when first needed, so a click on a card fetches only the YAML view: the Layers view
// when chosen, the engine's explanations for a claim or pod that is not healthy.
const LayersView = lazy(() => import('./LayersView.tsx').then((m) => ({ default: m.LayersView })));
type ExplainModule = typeof import('../../engine/explain/index.ts');
let explainLoading: Promise<ExplainModule> | null = null;
const loadExplain = () => (explainLoading ??= import('../../engine/explain/index.ts'));

/** How kubectl users name the kind on the command line (`pvc`, `pv`, `sc`, `pod`, `node`). */
function resourceWord(kind: ObjectRef['kind']): string {
  const info = KINDS[kind];
  return ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'].includes(kind) ? (info.shortNames[0] ?? info.singular) : info.singular;
}

/** The command line that prints what a sub-view shows. */
export function commandFor(view: InspectorView, ref: ObjectRef): string {
  const ns = ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
  const what = `${resourceWord(ref.kind)} ${ref.name}${ns}`;
  if (view === 'yaml') return `kubectl get ${what} -o yaml`;
  if (view === 'describe') return `kubectl describe ${what}`;
  if (view === 'layers') return `kubectl exec ${ref.name}${ns} -- df -h   # the container's filesystem: writable layer over the image's layers`;
  return `kubectl get events --field-selector involvedObject.name=${ref.name}${ns}`;
}

export function InspectorPanel() {
  const selected = useAppStore((s) => s.selected);
  const cluster = useAppStore((s) => s.cluster);
  const chosen = useLayout((s) => s.inspectorView);
  // Layers is a pod's view; anything else selected shows its YAML instead.
  const view = chosen === 'layers' && selected?.kind !== 'Pod' ? 'yaml' : chosen;
  const object = useMemo(() => selectSelectedObject({ cluster, selected }), [cluster, selected]);

  if (!selected) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-1 px-6 py-4 text-center">
        <p className="text-sm font-semibold text-slate-700 dark:text-slate-200">Nothing selected</p>
        <p className="max-w-md text-xs leading-5 text-slate-500 dark:text-slate-400">
          Click a card on the canvas (or Tab to it and press Enter) to see it here as YAML with its status, as <code className="font-mono">kubectl describe</code> prints it, and its events.
        </p>
      </div>
    );
  }
  if (!object) {
    return (
      <p className="px-4 py-4 text-sm text-slate-500 dark:text-slate-400">
        This {selected.kind} (<span className="font-mono">{selected.name}</span>) no longer exists in the cluster.
      </p>
    );
  }
  return (
    <div className="flex h-full min-h-0 flex-col">
      <WhyStrip object={object} />
      <div className="thin-scroll min-h-0 flex-1 overflow-auto" role="region" aria-label={commandFor(view, selected)} tabIndex={0}>
        <div className="sticky top-0 left-0 z-10 bg-white/95 px-3 pt-2 pb-1 font-mono text-[11px] text-slate-400 backdrop-blur dark:bg-slate-900/95 dark:text-slate-500">
          $ {commandFor(view, selected)}
        </div>
        {view === 'yaml' && <YamlText object={object} />}
        {view === 'describe' && <DescribeView target={selected} />}
        {view === 'events' && <ObjectEvents object={object} />}
        {view === 'layers' && object.kind === 'Pod' && (
          <Suspense fallback={<p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">Reading the container filesystems…</p>}>
            <LayersView pod={object} cluster={cluster} />
          </Suspense>
        )}
      </div>
    </div>
  );
}

function YamlText({ object }: { object: AnyStored }) {
  const yaml = useMemo(() => toYaml(object), [object]);
  return <YamlView text={yaml} />;
}

/** For a claim or pod that is not healthy: the explanation's first sentence, and the way to the rest. */
function WhyStrip({ object }: { object: AnyStored }) {
  const cluster = useAppStore((s) => s.cluster);
  const unhealthy = useMemo(() => {
    if (object.kind !== 'PersistentVolumeClaim' && object.kind !== 'Pod') return false;
    const status = statusOfObject(object, cluster.now);
    return !!status && toneOf(status) !== 'green';
  }, [cluster, object]);
  const [explain, setExplain] = useState<ExplainModule | null>(null);
  useEffect(() => {
    if (unhealthy && !explain) void loadExplain().then(setExplain, () => undefined);
  }, [unhealthy, explain]);
  const why = useMemo(() => {
    if (!unhealthy || !explain) return undefined;
    const r = explain.explainObject(viewOf(cluster), `${object.kind === 'Pod' ? 'pod' : 'pvc'}/${object.metadata.name}`, object.metadata.namespace);
    return r.ok ? r.explanation : undefined;
  }, [unhealthy, explain, cluster, object]);
  if (!why) return null;
  return (
    <div className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs dark:border-amber-400/20 dark:bg-amber-400/[0.07]">
      <Icon name="alert" className="size-3.5 shrink-0 text-amber-600 dark:text-amber-300" />
      <p className="line-clamp-2 min-w-0 flex-1 leading-snug text-amber-950 dark:text-amber-100">
        <span className="font-semibold">{why.status}: </span>
        {why.headline}
      </p>
      <button
        type="button"
        onClick={() => layoutStore.getState().setDockTab('explain')}
        className="shrink-0 rounded-md bg-white px-2 py-0.5 font-semibold text-amber-900 ring-1 ring-amber-300 ring-inset hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:bg-amber-400/10 dark:text-amber-100 dark:ring-amber-400/40 dark:hover:bg-amber-400/20"
      >
        Why? Explain →
      </button>
    </div>
  );
}

const prefetchDescribe = () => void loadDescribe().catch(() => undefined);

const VIEWS: [InspectorView, string][] = [
  ['yaml', 'YAML'],
  ['describe', 'Describe'],
  ['events', 'Events'],
  ['layers', 'Layers'],
];

/** In the dock's tab strip: which object, its status, the sub-view switch and the way to let go of it. */
export function InspectorBar() {
  const selected = useAppStore((s) => s.selected);
  const cluster = useAppStore((s) => s.cluster);
  const chosen = useLayout((s) => s.inspectorView);
  const view = chosen === 'layers' && selected?.kind !== 'Pod' ? 'yaml' : chosen;
  const object = useMemo(() => selectSelectedObject({ cluster, selected }), [cluster, selected]);
  const events = useObjectEventRows(object).length;
  if (!selected) return <span className="truncate text-xs text-slate-500 dark:text-slate-400">Select a card on the canvas</span>;
  const status = object ? statusOfObject(object, cluster.now) : undefined;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span className="hidden min-w-0 items-center gap-1.5 @5xl:flex" title={`${selected.kind} ${selected.name}${status ? ` (${status})` : ''}`}>
        <span className="truncate font-mono text-xs font-semibold text-slate-800 dark:text-slate-100">
          {resourceWord(selected.kind)}/{selected.name}
        </span>
        {status && <span className={`shrink-0 text-[11px] font-semibold ${TONE_TEXT[toneOf(status)]}`}>{status}</span>}
      </span>
      <div role="group" aria-label="Inspector view" className="flex shrink-0 rounded-md bg-slate-200/70 p-0.5 dark:bg-slate-800">
        {VIEWS.filter(([id]) => id !== 'layers' || selected.kind === 'Pod').map(([id, label]) => (
          <button
            key={id}
            type="button"
            aria-pressed={view === id}
            onClick={() => layoutStore.getState().setInspectorView(id)}
            // Describe's printer is fetched as the pointer or focus heads for its button.
            {...(id === 'describe' ? { onPointerEnter: prefetchDescribe, onFocus: prefetchDescribe } : {})}
            className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-indigo-500 ${view === id ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-600 dark:text-white' : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`}
          >
            {label}
            {id === 'events' && <span className="font-mono text-[10px] font-normal text-slate-500 dark:text-slate-400">{events}</span>}
          </button>
        ))}
      </div>
      <button
        type="button"
        aria-label="Clear the selection"
        title="Clear the selection (Esc)"
        onClick={() => appStore.getState().selectObject(null)}
        className="grid size-7 shrink-0 place-items-center rounded-md text-slate-500 hover:bg-slate-200/70 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800 dark:hover:text-slate-100"
      >
        <Icon name="close" className="size-4" />
      </button>
    </div>
  );
}

const TONE_TEXT = {
  green: 'text-emerald-700 dark:text-emerald-300',
  amber: 'text-amber-700 dark:text-amber-300',
  blue: 'text-sky-700 dark:text-sky-300',
  grey: 'text-slate-500 dark:text-slate-400',
  red: 'text-rose-700 dark:text-rose-300',
  violet: 'text-violet-700 dark:text-violet-300',
} as const;
