// Non-interactive canvas furniture: column headings, empty-column hints, the Unscheduled area.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { AreaFlowNode, HeadingFlowNode, PlaceholderFlowNode } from '../graph.ts';
import { NODE_HEADER } from '../layout.ts';

export const Heading = memo(function Heading({ data }: NodeProps<HeadingFlowNode>) {
  return (
    <div className="flex h-full items-center gap-2 border-b border-slate-300 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:border-slate-700 dark:text-slate-300">
      <span className="truncate">{data.title}</span>
      <span className="rounded-full bg-slate-200 px-1.5 font-mono text-[11px] text-slate-700 dark:bg-slate-700 dark:text-slate-200">{data.count}</span>
    </div>
  );
});

export const Placeholder = memo(function Placeholder({ data }: NodeProps<PlaceholderFlowNode>) {
  return (
    <div className="flex h-full items-center justify-center rounded-lg border border-dashed border-slate-300 px-4 text-center text-xs leading-snug text-slate-500 dark:border-slate-600 dark:text-slate-400">
      {data.text}
    </div>
  );
});

export const Area = memo(function Area({ data }: NodeProps<AreaFlowNode>) {
  return (
    <div className="h-full w-full rounded-xl border-2 border-dashed border-amber-400/70 bg-amber-50/50 dark:border-amber-500/40 dark:bg-amber-950/20">
      <div className="flex flex-col justify-center px-3.5" style={{ height: NODE_HEADER - 6 }}>
        <div className="text-[13px] font-semibold text-amber-900 dark:text-amber-200">{data.title}</div>
        <div className="text-[11px] text-amber-800/80 dark:text-amber-200/70">{data.hint}</div>
      </div>
    </div>
  );
});
