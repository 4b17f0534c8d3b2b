// The dock under the canvas: the cluster's activity (events and controller steps, side by side
// when there is room, tabs otherwise) and the terminal (Ctrl+` toggles it), loaded on first use.
import { lazy, Suspense, useEffect, useState } from 'react';
import { EventsTable } from './EventsTable.tsx';
import { StepsList } from './StepsList.tsx';
import { useDockCounts } from './useDockCounts.ts';

type Tab = 'events' | 'steps';
type View = 'activity' | 'terminal';

const TerminalPane = lazy(() => import('../terminal/TerminalPane.tsx'));

export function BottomDock() {
  const [view, setView] = useState<View>('activity');
  const [terminalOpened, setTerminalOpened] = useState(false);
  const show = (v: View) => {
    if (v === 'terminal') setTerminalOpened(true);
    setView(v);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === '`') {
        e.preventDefault();
        setTerminalOpened(true);
        setView((v) => (v === 'terminal' ? 'activity' : 'terminal'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const views: [View, string, string][] = [
    ['activity', 'Events & steps', ''],
    ['terminal', 'Terminal', 'Ctrl+`'],
  ];
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label="Dock" className="flex h-8 shrink-0 items-center gap-1 border-b border-slate-200 bg-slate-50 px-2 dark:border-slate-800 dark:bg-slate-900/60">
        {views.map(([id, label, key]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={view === id}
            onClick={() => show(id)}
            className={`rounded-md px-2.5 py-1 text-xs font-semibold ${view === id ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200 dark:bg-slate-800 dark:text-white dark:ring-slate-700' : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`}
          >
            {label}
            {key && <kbd className="ml-1.5 font-mono text-[10px] font-normal text-slate-400">{key}</kbd>}
          </button>
        ))}
      </div>
      <div className={`min-h-0 flex-1 ${view === 'activity' ? 'flex' : 'hidden'}`}>
        <ActivityPanels />
      </div>
      {terminalOpened && (
        <div className={`min-h-0 flex-1 ${view === 'terminal' ? 'block' : 'hidden'}`}>
          <Suspense fallback={<div className="p-3 text-xs text-slate-500">Loading the terminal…</div>}>
            <TerminalPane active={view === 'terminal'} />
          </Suspense>
        </div>
      )}
    </div>
  );
}

function ActivityPanels() {
  const [tab, setTab] = useState<Tab>('events');
  const counts = useDockCounts();
  const tabs: [Tab, string, number][] = [
    ['events', 'Events', counts.events],
    ['steps', 'Controller steps', counts.steps],
  ];
  return (
    <div className="@container flex h-full min-h-0 w-full flex-col">
      <div role="tablist" aria-label="Cluster activity" className="flex h-9 shrink-0 items-end gap-1 border-b border-slate-200 px-2 @6xl:hidden dark:border-slate-800">
        {tabs.map(([id, label, n]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-2.5 pb-2 text-xs font-semibold ${tab === id ? 'border-indigo-500 text-slate-900 dark:text-white' : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`}
          >
            {label} <span className="ml-1 rounded-full bg-slate-100 px-1.5 font-mono text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">{n}</span>
          </button>
        ))}
      </div>
      <div className="flex min-h-0 flex-1">
        <div id="panel-events" role="tabpanel" aria-labelledby="tab-events" className={`min-w-0 flex-1 flex-col ${tab === 'events' ? 'flex' : 'hidden'} @6xl:flex`}>
          <PanelTitle label="Events" count={counts.events} hint="kubectl get events" />
          <EventsTable />
        </div>
        <div id="panel-steps" role="tabpanel" aria-labelledby="tab-steps" className={`min-w-0 flex-1 flex-col border-slate-200 @6xl:max-w-[440px] @6xl:border-l dark:border-slate-800 ${tab === 'steps' ? 'flex' : 'hidden'} @6xl:flex`}>
          <PanelTitle label="Controller steps" count={counts.steps} hint="who did what, in order" />
          <StepsList />
        </div>
      </div>
    </div>
  );
}

/** The panel's title when both panels show side by side (the tabs carry it otherwise). */
function PanelTitle({ label, count, hint }: { label: string; count: number; hint: string }) {
  return (
    <div className="hidden h-9 shrink-0 items-center gap-2 border-b border-slate-200 px-3 text-xs @6xl:flex dark:border-slate-800">
      <span className="font-semibold text-slate-800 dark:text-slate-100">{label}</span>
      <span className="rounded-full bg-slate-100 px-1.5 font-mono text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">{count}</span>
      <span className="truncate text-slate-500 dark:text-slate-400">{hint}</span>
    </div>
  );
}
