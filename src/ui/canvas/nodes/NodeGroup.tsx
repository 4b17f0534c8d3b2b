// A cluster node as a container: its pods and the volumes pinned to it sit inside.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { NodeGroupFlowNode } from '../graph.ts';
import { SECTION_CAPTION, NODE_HEADER, PAD } from '../layout.ts';
import { Icon } from '../../components/Icon.tsx';
import { StatusPill } from '../../components/StatusPill.tsx';
import { NodeOutage } from './NodeOutage.tsx';

export const NodeGroup = memo(function NodeGroup({ data, selected }: NodeProps<NodeGroupFlowNode>) {
  return (
    <div
      data-testid={`node-${data.name}`}
      className={[
        'relative h-full w-full cursor-pointer rounded-xl border bg-slate-100/80 dark:bg-slate-800/50',
        selected ? 'border-indigo-500 ring-2 ring-indigo-500/40' : 'border-slate-300 dark:border-slate-600',
      ].join(' ')}
    >
      <div className="flex items-start gap-2 px-3.5 pt-2" style={{ height: NODE_HEADER - 4 }}>
        <Icon name="server" className="mt-0.5 size-4 shrink-0 text-slate-500 dark:text-slate-400" />
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-1.5">
            <span className="min-w-0 flex-1 truncate font-mono text-[13px] leading-4 font-semibold text-slate-900 dark:text-slate-50" title={data.name}>
              {data.name}
            </span>
            {data.attached.length > 0 && (
              <span
                data-testid={`attached-${data.name}`}
                title={`VolumeAttachment: attached to this node: ${data.attached.join(', ')}`}
                className="shrink-0 rounded bg-violet-100 px-1.5 py-px text-[10px] font-semibold text-violet-800 dark:bg-violet-400/15 dark:text-violet-200"
              >
                {data.attached.length} attached
              </span>
            )}
          </div>
          <div className="mt-1 flex items-center gap-2">
            <StatusPill status={data.status} tone={data.tone} />
            <span className="truncate text-[11px] text-slate-500 dark:text-slate-400">Node{data.roles ? ` · ${data.roles}` : ''}</span>
            {data.hostPaths.length > 0 && (
              <span title={`hostPath directories on this node: ${data.hostPaths.join(', ')}`} className="ml-auto min-w-0 truncate rounded bg-amber-100 px-1.5 py-px font-mono text-[10px] text-amber-900 dark:bg-amber-400/15 dark:text-amber-200">
                {data.hostPaths.join(' ')}
              </span>
            )}
          </div>
        </div>
      </div>
      {data.podCount === 0 && (
        <div className="absolute inset-x-3.5 rounded-md border border-dashed border-slate-300 py-1.5 text-center text-xs text-slate-500 dark:border-slate-600 dark:text-slate-400" style={{ top: NODE_HEADER }}>
          No pods
        </div>
      )}
      {data.localVolumesTop !== undefined && (
        <div className="absolute flex items-center gap-2 text-[10px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400" style={{ top: data.localVolumesTop - SECTION_CAPTION + 6, left: PAD, right: PAD }}>
          Local volumes
          <span className="h-px flex-1 bg-slate-300 dark:bg-slate-600" />
        </div>
      )}
      <NodeOutage name={data.name} />
    </div>
  );
});
