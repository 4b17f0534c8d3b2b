// A topology zone: a lane holding the zone's nodes and the volumes pinned to the zone.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ZoneFlowNode } from '../graph.ts';
import { CARD_H, CARD_W, SECTION_CAPTION, ZONE_HEADER } from '../layout.ts';

export const ZoneLane = memo(function ZoneLane({ data }: NodeProps<ZoneFlowNode>) {
  return (
    <div className="relative h-full w-full rounded-2xl border border-sky-300/70 bg-sky-50/60 dark:border-sky-500/30 dark:bg-sky-950/30" data-testid={`zone-${data.zone}`}>
      <div className="flex items-center gap-2 px-4 text-xs" style={{ height: ZONE_HEADER }}>
        <span className="font-semibold tracking-wider text-sky-800 uppercase dark:text-sky-300">Zone</span>
        <span className="font-mono font-semibold text-slate-800 dark:text-slate-100">{data.zone}</span>
        <span className="text-slate-500 dark:text-slate-400">
          {data.nodeCount} node{data.nodeCount === 1 ? '' : 's'}
        </span>
      </div>
      <div className="absolute text-[10px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400" style={{ left: data.volumesX, top: data.volumesTop - SECTION_CAPTION + 6, width: CARD_W }}>
        Zone volumes
      </div>
      {data.volumeCount === 0 && (
        <div
          className="absolute flex items-center justify-center rounded-lg border border-dashed border-slate-300 px-3 text-center text-xs text-slate-500 dark:border-slate-600 dark:text-slate-400"
          style={{ left: data.volumesX, top: data.volumesTop, width: CARD_W, height: CARD_H }}
        >
          No volumes in this zone
        </div>
      )}
    </div>
  );
});
