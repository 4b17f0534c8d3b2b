// The timeline as a list: each user action, then every controller step it caused, in order
// ("persistentvolume-binder bound claim default/example-pvc to volume example-pv"). Click a row
// to travel to the cluster as it was right after that step; rows after the cursor are the
// future (greyed). Long timelines render only the newest rows around the cursor.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { appStore, useAppStore } from '../../store/index.ts';
import { actionLabel, type Frame, type RecordedAction } from '../../store/timeline.ts';

const ACTOR: Record<string, string> = {
  user: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-400/15 dark:text-indigo-200',
  'persistentvolume-binder': 'bg-emerald-100 text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-200',
  'external-provisioner': 'bg-violet-100 text-violet-800 dark:bg-violet-400/15 dark:text-violet-200',
  scheduler: 'bg-sky-100 text-sky-800 dark:bg-sky-400/15 dark:text-sky-200',
  kubelet: 'bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200',
};
const OTHER = 'bg-slate-100 text-slate-700 dark:bg-slate-700/60 dark:text-slate-200';
/** Rows drawn at most: a window around the cursor keeps thousands of frames cheap. */
const WINDOW = 400;

interface Row {
  frame: number;
  f: Frame;
  /** Set on the first frame of an action: the action's header line. */
  action?: RecordedAction;
}

export function StepsList() {
  const frames = useAppStore((s) => s.timeline.frames);
  const actions = useAppStore((s) => s.timeline.actions);
  const cursor = useAppStore((s) => s.timeline.cursor);
  const dropped = useAppStore((s) => s.timeline.dropped);
  const rows = useMemo(() => {
    const from = Math.max(1, Math.min(cursor - WINDOW / 2, frames.length - WINDOW));
    const out: Row[] = [];
    for (let i = from; i < Math.min(frames.length, from + WINDOW); i++) {
      const f = frames[i]!;
      out.push({ frame: i, f, ...(frames[i - 1]!.action !== f.action ? { action: actions[f.action] } : {}) });
    }
    return out;
  }, [frames, actions, cursor]);
  const listRef = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    listRef.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor, frames]);

  if (frames.length < 2) {
    return <p className="px-3 py-6 text-center text-xs text-slate-500 dark:text-slate-400">Nothing has happened yet. Apply a manifest or run a command: every step the controllers take is listed here, and you can travel back to any of them.</p>;
  }
  const seek = appStore.getState().seekTo;
  return (
    <ol ref={listRef} aria-label="Timeline steps" className="thin-scroll min-h-0 flex-1 overflow-auto py-1 text-[12.5px]">
      <li>
        <button type="button" onClick={() => seek(0)} aria-current={cursor === 0 ? 'step' : undefined} className={rowClass(cursor === 0, false)}>
          <span className="w-8 shrink-0 text-right font-mono text-[11px] text-slate-400">{dropped}</span>
          <span className="text-slate-500 italic dark:text-slate-400">{dropped ? 'Oldest kept frame' : 'The cluster as the preset created it'}</span>
        </button>
      </li>
      {rows.map(({ frame, f, action }) => (
        <li key={frame}>
          {action && (
            <div className="mt-1.5 flex items-center gap-2 border-t border-slate-200 px-3 pt-2 pb-0.5 font-mono text-[11.5px] text-slate-600 dark:border-slate-800 dark:text-slate-300">
              <span className="text-indigo-500">$</span>
              <span className="min-w-0 truncate" title={actionLabel(action.action)}>{actionLabel(action.action)}</span>
              {action.at !== undefined && <span className="shrink-0 rounded bg-amber-100 px-1.5 font-sans text-[10px] font-semibold text-amber-900 dark:bg-amber-400/15 dark:text-amber-200">what-if from frame {action.at}</span>}
            </div>
          )}
          <button type="button" onClick={() => seek(frame)} aria-current={frame === cursor ? 'step' : undefined} className={rowClass(frame === cursor, frame > cursor)}>
            <span className="w-8 shrink-0 pt-px text-right font-mono text-[11px] text-slate-400">{frame + dropped}</span>
            {f.step ? (
              <>
                <span className={`shrink-0 rounded px-1.5 py-px font-mono text-[11px] font-medium ${ACTOR[f.step.actor] ?? OTHER}`}>{f.step.actor}</span>
                <span className="min-w-0 leading-5 text-slate-700 dark:text-slate-200">
                  {withoutActor(f.step.summary, f.step.actor)}
                  {f.folded ? <span className="ml-1.5 text-[11px] text-slate-500 italic dark:text-slate-400">(and {f.folded} steps before it, folded: too many to keep a frame each)</span> : null}
                </span>
              </>
            ) : (
              <span className="min-w-0 leading-5 text-slate-500 italic dark:text-slate-400">no object changed</span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}

function rowClass(current: boolean, future: boolean): string {
  return [
    'flex w-full items-start gap-2 border-l-2 px-3 py-1 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800/60',
    current ? 'border-indigo-500 bg-indigo-50/70 dark:bg-indigo-400/10' : 'border-transparent',
    future ? 'opacity-45' : '',
  ].join(' ');
}

/** Summaries are whole sentences (`scheduler assigned pod …`) for narration; the badge already names the actor. */
function withoutActor(summary: string, actor: string): string {
  return summary.startsWith(`${actor} `) ? summary.slice(actor.length + 1) : summary;
}
