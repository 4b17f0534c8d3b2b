// The controllers' steps, oldest first, grouped by apply: who acted and what they did, in a
// sentence ("persistentvolume-binder bound claim default/example-pvc to volume example-pv").
import { useAppStore } from '../../store/index.ts';
import { useStickToBottom } from './useStickToBottom.ts';

const ACTOR: Record<string, string> = {
  user: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-400/15 dark:text-indigo-200',
  'persistentvolume-binder': 'bg-emerald-100 text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-200',
  'external-provisioner': 'bg-violet-100 text-violet-800 dark:bg-violet-400/15 dark:text-violet-200',
  scheduler: 'bg-sky-100 text-sky-800 dark:bg-sky-400/15 dark:text-sky-200',
  kubelet: 'bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200',
};
const OTHER = 'bg-slate-100 text-slate-700 dark:bg-slate-700/60 dark:text-slate-200';

export function StepsList() {
  const steps = useAppStore((s) => s.steps);
  const latest = useAppStore((s) => s.latestSteps);
  const { ref, onScroll } = useStickToBottom<HTMLOListElement>(steps.length);
  const latestFirst = latest[0]?.index;

  if (steps.length === 0) {
    return <p className="px-3 py-6 text-center text-xs text-slate-500 dark:text-slate-400">Nothing has happened yet. Each controller step will be listed here.</p>;
  }
  return (
    <ol ref={ref} onScroll={onScroll} aria-label="Controller steps" className="thin-scroll min-h-0 flex-1 overflow-auto py-1 text-[12.5px]">
      {steps.map((step) => {
        const fresh = latestFirst !== undefined && step.index >= latestFirst && latest.includes(step);
        return (
          <li
            key={`${step.index}-${step.at}-${step.actor}`}
            className={[
              'flex items-start gap-2 px-3 py-1',
              step.actor === 'user' ? 'mt-1 border-t border-slate-200 pt-2 first:mt-0 first:border-t-0 dark:border-slate-800' : '',
              fresh ? '' : 'opacity-60',
            ].join(' ')}
          >
            <span className="w-6 shrink-0 pt-px text-right font-mono text-[11px] text-slate-400">{step.index}</span>
            <span className={`shrink-0 rounded px-1.5 py-px font-mono text-[11px] font-medium ${ACTOR[step.actor] ?? OTHER}`}>{step.actor}</span>
            <span className="min-w-0 leading-5 text-slate-700 dark:text-slate-200">{withoutActor(step.summary, step.actor)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Summaries are whole sentences (`scheduler assigned pod …`) for narration; the badge already names the actor. */
function withoutActor(summary: string, actor: string): string {
  return summary.startsWith(`${actor} `) ? summary.slice(actor.length + 1) : summary;
}
