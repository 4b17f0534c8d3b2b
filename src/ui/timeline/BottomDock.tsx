// The dock under the canvas: Terminal / Events / Inspector / Explain / Timeline. The tab in front
// is remembered; its own controls (filters, the inspector's view switch) sit at the right of the
// tab strip, so the panel keeps every line of height. The terminal loads on first use and then
// stays mounted (hidden), so its scrollback survives switching tabs; Ctrl+` toggles it.
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { appStore } from '../../store/index.ts';
import { layoutStore, useLayout, type DockTab } from '../app/layout-store.ts';
import { DockTabList } from './DockTabList.tsx';
import { EventsFilterBar, EventsPanel } from './EventsPanel.tsx';

const TerminalPane = lazy(() => import('../terminal/TerminalPane.tsx'));
const TimelinePanel = lazy(() => import('./TimelinePanel.tsx').then((m) => ({ default: m.TimelinePanel })));
// The inspector (with the YAML printer) and Explain load when first shown: the first screen opens
// on Events, so they need not weigh on it (about 5 kB gzip).
const InspectorPanel = lazy(() => import('../inspector/Inspector.tsx').then((m) => ({ default: m.InspectorPanel })));
const InspectorBar = lazy(() => import('../inspector/Inspector.tsx').then((m) => ({ default: m.InspectorBar })));
const ExplainPanel = lazy(() => import('../inspector/ExplainPanel.tsx').then((m) => ({ default: m.ExplainPanel })));
const ExplainBar = lazy(() => import('../inspector/ExplainPanel.tsx').then((m) => ({ default: m.ExplainBar })));
const loading = <p className="p-3 text-xs text-slate-500 dark:text-slate-400">Loading…</p>;

const EXPLAINABLE = new Set(['PersistentVolumeClaim', 'Pod']);
const inTerminal = () => document.activeElement?.closest('[data-testid="terminal"]') != null;

export function BottomDock() {
  const tab = useLayout((s) => s.dockTab);
  const setTab = useLayout((s) => s.setDockTab);
  // The terminal mounts the first time it is shown, then stays (hidden) so its buffer survives.
  const terminalOpened = useRef(tab === 'terminal');
  if (tab === 'terminal') terminalOpened.current = true;
  const lastOther = useRef<DockTab>(tab === 'terminal' ? 'events' : tab);
  if (tab !== 'terminal') lastOther.current = tab;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === '`') {
        e.preventDefault();
        const { dockTab, setDockTab } = layoutStore.getState();
        setDockTab(dockTab === 'terminal' ? lastOther.current : 'terminal');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Selecting an object brings the Inspector forward, unless the learner is typing in the terminal,
  // or is reading Explain and picked something Explain covers (it follows the selection).
  useEffect(
    () =>
      appStore.subscribe((s, prev) => {
        if (!s.selected || s.selected === prev.selected) return;
        const { dockTab, setDockTab } = layoutStore.getState();
        if (dockTab === 'terminal' && inTerminal()) return;
        if (dockTab === 'explain' && EXPLAINABLE.has(s.selected.kind)) return;
        setDockTab('inspector');
      }),
    [],
  );

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="@container flex h-9 shrink-0 items-center gap-3 border-b border-slate-200 bg-slate-50 pr-1.5 pl-2 dark:border-slate-800 dark:bg-slate-900/60">
        <DockTabList tab={tab} onSelect={setTab} />
        <div className="ml-auto flex min-w-0 items-center justify-end">
          <Suspense fallback={null}>{toolbarOf(tab)}</Suspense>
        </div>
      </div>
      <Panel id="events" tab={tab}>
        <EventsPanel />
      </Panel>
      <Panel id="inspector" tab={tab}>
        <Suspense fallback={loading}>
          <InspectorPanel />
        </Suspense>
      </Panel>
      <Panel id="explain" tab={tab}>
        <Suspense fallback={loading}>
          <ExplainPanel />
        </Suspense>
      </Panel>
      <Panel id="timeline" tab={tab}>
        <Suspense fallback={loading}>
          <TimelinePanel />
        </Suspense>
      </Panel>
      <Panel id="terminal" tab={tab} keepMounted={terminalOpened.current}>
        <Suspense fallback={<p className="p-3 text-xs text-slate-500">Loading the terminal…</p>}>
          <TerminalPane active={tab === 'terminal'} />
        </Suspense>
      </Panel>
    </div>
  );
}

const LABELS: Record<DockTab, string> = { terminal: 'Terminal', events: 'Events', inspector: 'Inspector', explain: 'Explain', timeline: 'Timeline' };

/** A tab's panel: always in the DOM (the tab points at it), its content only while in front, or kept once opened. */
function Panel({ id, tab, keepMounted = false, children }: { id: DockTab; tab: DockTab; keepMounted?: boolean; children: ReactNode }) {
  const active = id === tab;
  return (
    <div id={`dock-panel-${id}`} role="tabpanel" aria-label={LABELS[id]} hidden={!active} className="min-h-0 flex-1 flex-col data-[active=true]:flex" data-active={active}>
      {(active || keepMounted) && children}
    </div>
  );
}

function toolbarOf(tab: DockTab): ReactNode {
  switch (tab) {
    case 'events':
      return <EventsFilterBar />;
    case 'inspector':
      return <InspectorBar />;
    case 'explain':
      return <ExplainBar />;
    case 'terminal':
      return <span className="hidden truncate text-xs text-slate-500 @3xl:block dark:text-slate-400">kubectl and docker against the simulated cluster</span>;
    default:
      return null;
  }
}
