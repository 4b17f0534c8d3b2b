// The dock's tabs as an ARIA tablist: one tab stop (the tab in front), ←/→/Home/End move between
// tabs and bring each forward, except the terminal, which loads and takes the keyboard when
// opened, so it waits for Enter or Space. Badges count events (warnings in amber), Pending
// claims and pods, and timeline steps.
import { useRef, type KeyboardEvent } from 'react';
import { DOCK_TABS, type DockTab } from '../app/layout-store.ts';
import { Icon } from '../components/Icon.tsx';
import { useDockCounts } from './useDockCounts.ts';

const LABELS: Record<DockTab, string> = { terminal: 'Terminal', events: 'Events', inspector: 'Inspector', explain: 'Explain', timeline: 'Timeline' };

export function DockTabList({ tab, onSelect }: { tab: DockTab; onSelect: (tab: DockTab) => void }) {
  const counts = useDockCounts();
  const buttons = useRef<Partial<Record<DockTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = DOCK_TABS.indexOf((e.target as HTMLElement).dataset['tab'] as DockTab);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: DOCK_TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = DOCK_TABS[(next + DOCK_TABS.length) % DOCK_TABS.length]!;
    buttons.current[id]?.focus();
    if (id !== 'terminal') onSelect(id);
  };

  const badge = (id: DockTab) => {
    switch (id) {
      case 'terminal':
        return <kbd className="hidden font-mono text-[10px] font-normal text-slate-400 @6xl:inline">Ctrl+`</kbd>;
      case 'events':
        return (
          <>
            <Count n={counts.events} label="events" />
            {counts.warnings > 0 && <Count n={counts.warnings} label="warnings" warn />}
          </>
        );
      case 'explain':
        return counts.pending > 0 ? <Count n={counts.pending} label="Pending" warn /> : null;
      case 'timeline':
        return <Count n={counts.steps} label="steps" />;
      default:
        return null;
    }
  };

  return (
    <div role="tablist" aria-label="Dock" onKeyDown={onKeyDown} className="flex shrink-0 items-center gap-0.5">
      {DOCK_TABS.map((id) => (
        <button
          key={id}
          ref={(el) => {
            buttons.current[id] = el;
          }}
          type="button"
          role="tab"
          id={`dock-tab-${id}`}
          data-tab={id}
          aria-selected={tab === id}
          aria-controls={`dock-panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => onSelect(id)}
          className={[
            'inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-semibold whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-500',
            tab === id
              ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200 dark:bg-slate-800 dark:text-white dark:ring-slate-700'
              : 'text-slate-500 hover:bg-slate-200/60 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800/60 dark:hover:text-slate-200',
          ].join(' ')}
        >
          {LABELS[id]}
          {badge(id)}
        </button>
      ))}
    </div>
  );
}

function Count({ n, label, warn = false }: { n: number; label: string; warn?: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-0.5 rounded-full px-1.5 font-mono text-[10px] leading-4 font-semibold tabular-nums ${warn ? 'bg-amber-100 text-amber-800 dark:bg-amber-400/20 dark:text-amber-200' : 'bg-slate-200/80 text-slate-600 dark:bg-slate-700 dark:text-slate-300'}`}
    >
      {warn && <Icon name="alert" className="size-2.5" />}
      {n}
      <span className="sr-only"> {label}</span>
    </span>
  );
}
