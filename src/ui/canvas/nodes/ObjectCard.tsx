// A Pod, claim, volume or class on the canvas: kind, name, kubectl status and a few facts.
// Colour comes from the status (status.ts), so the same phase looks the same everywhere.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ObjectFlowNode } from '../graph.ts';
import type { ChipKind } from '../cards.ts';
import { KindBadge } from '../../components/KindBadge.tsx';
import { StatusPill } from '../../components/StatusPill.tsx';
import { TONE_BAR } from '../../components/tones.ts';
import { Handles } from './Handles.tsx';

const CHIP: Record<ChipKind, string> = {
  container: 'bg-slate-100 text-slate-700 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700',
  emptyDir: 'bg-sky-50 text-sky-800 dark:bg-sky-400/15 dark:text-sky-200',
  configMap: 'bg-teal-50 text-teal-800 dark:bg-teal-400/15 dark:text-teal-200',
  secret: 'bg-rose-50 text-rose-800 dark:bg-rose-400/15 dark:text-rose-200',
  hostPath: 'bg-amber-50 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200',
  downwardAPI: 'bg-indigo-50 text-indigo-800 dark:bg-indigo-400/15 dark:text-indigo-200',
  projected: 'bg-indigo-50 text-indigo-800 dark:bg-indigo-400/15 dark:text-indigo-200',
  other: 'bg-slate-50 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
};
/** Short type names on volume chips (the name follows). */
const CHIP_PREFIX: Record<ChipKind, string> = { container: '', emptyDir: 'emptyDir', configMap: 'cm', secret: 'secret', hostPath: 'hostPath', downwardAPI: 'downward', projected: 'projected', other: 'vol' };

export const ObjectCard = memo(function ObjectCard({ data, selected }: NodeProps<ObjectFlowNode>) {
  return (
    <div
      data-testid={`card-${data.kind}-${data.label}`}
      data-status={data.status}
      className={[
        'relative flex h-full w-full cursor-pointer flex-col justify-between overflow-hidden rounded-lg border bg-white py-2 pr-2.5 pl-3.5 shadow-sm transition-shadow',
        'before:absolute before:inset-y-0 before:left-0 before:w-1 before:content-[""]',
        TONE_BAR[data.tone],
        selected ? 'border-indigo-500 ring-2 ring-indigo-500/40 dark:border-indigo-400' : 'border-slate-200 hover:border-slate-300 hover:shadow-md dark:border-slate-700 dark:hover:border-slate-500',
        'dark:bg-slate-900',
      ].join(' ')}
    >
      <Handles />
      <div className="flex min-w-0 items-center gap-2">
        <KindBadge kind={data.kind} />
        <span className="min-w-0 flex-1 truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50" title={data.label}>
          {data.label}
        </span>
        {data.flag && <span className="shrink-0 rounded bg-indigo-50 px-1 text-[10px] font-semibold text-indigo-700 dark:bg-indigo-400/15 dark:text-indigo-300">{data.flag}</span>}
      </div>
      <div className="flex min-w-0 items-center gap-2">
        <StatusPill status={data.status} tone={data.tone} className="shrink-0" />
        <span className="min-w-0 truncate text-xs text-slate-600 dark:text-slate-300" title={data.detail}>
          {data.detail}
        </span>
      </div>
      {data.chips ? (
        <div className="flex min-h-4 min-w-0 items-center gap-1 overflow-hidden">
          {data.chips.map((c) => (
            // Init and sidecar chips shrink first (truncated, the full name in the title), so a pod with
            // several of them still shows its app containers rather than cutting them off at the edge.
            <span key={`${c.kind}:${c.label}`} title={c.title} className={`${c.yields ? 'min-w-8 shrink' : 'shrink-0'} truncate rounded px-1 text-[10px] leading-4 font-medium ${CHIP[c.kind]}`}>
              {c.kind === 'container' ? '▣ ' : `${CHIP_PREFIX[c.kind]} `}
              {c.label}
            </span>
          ))}
        </div>
      ) : (
        <div className="min-h-4 truncate text-[11px] leading-4 text-slate-500 dark:text-slate-400" title={data.note}>
          {data.note}
        </div>
      )}
    </div>
  );
});
