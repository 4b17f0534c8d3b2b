// The Docker view's cards: an image as its stack of read-only layers, a container with its
// writable layer drawn as a bar (its length relative to the largest one on the host), and a
// volume or bind mount with what it holds.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { DockerContainerNode, DockerImageNode, DockerVolumeNode } from '../docker-graph.ts';
import { StatusPill } from '../../components/StatusPill.tsx';
import { Handles } from './Handles.tsx';
import { useChangedFlash } from './useChangedFlash.ts';

const CARD = 'relative flex h-full w-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900';
const BADGE = 'shrink-0 rounded px-1 font-mono text-[10px] font-semibold';

export const DockerImageCard = memo(function DockerImageCard({ data }: NodeProps<DockerImageNode>) {
  return (
    <div className={CARD} data-testid={`docker-image-${data.name}`}>
      <Handles />
      <div className="flex min-w-0 items-center gap-2 px-3 pt-2 pb-1.5">
        <span className={`${BADGE} bg-sky-100 text-sky-800 dark:bg-sky-400/15 dark:text-sky-200`}>IMG</span>
        <span className="min-w-0 flex-1 truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50" title={data.name}>
          {data.name}
        </span>
        <span className="shrink-0 font-mono text-xs font-semibold text-slate-700 dark:text-slate-200">{data.size}</span>
      </div>
      <div className="flex flex-1 flex-col gap-0.5 px-2 pb-2">
        {data.layers.map((l, i) => (
          <div key={i} className="flex h-[20px] items-center gap-2 rounded bg-slate-100 px-2 text-[11px] dark:bg-slate-800" title={l.label}>
            <span className="min-w-0 flex-1 truncate font-mono text-slate-600 dark:text-slate-300">{l.label}</span>
            <span className="shrink-0 font-mono text-slate-800 dark:text-slate-100">{l.size}</span>
          </div>
        ))}
        {data.hidden && (
          <div className="flex h-[20px] items-center gap-2 rounded border border-dashed border-slate-300 px-2 text-[11px] dark:border-slate-600">
            <span className="min-w-0 flex-1 truncate text-slate-500 dark:text-slate-400">+ {data.hidden.count} base layers</span>
            <span className="shrink-0 font-mono text-slate-600 dark:text-slate-300">{data.hidden.size}</span>
          </div>
        )}
      </div>
      <div className="absolute right-2 bottom-0.5 text-[10px] text-slate-400">
        {data.id} · shared by {data.containers} container{data.containers === 1 ? '' : 's'}
      </div>
    </div>
  );
});

export const DockerContainerCard = memo(function DockerContainerCard({ data }: NodeProps<DockerContainerNode>) {
  const flash = useChangedFlash(data.upper);
  return (
    <div className={`${CARD} justify-between px-3 py-2 ${flash ? 'k8s-changed' : ''}`} data-testid={`docker-container-${data.name}`}>
      <Handles />
      <div className="flex min-w-0 items-center gap-2">
        <span className={`${BADGE} bg-violet-100 text-violet-800 dark:bg-violet-400/15 dark:text-violet-200`}>CTR</span>
        <span className="min-w-0 flex-1 truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50">{data.name}</span>
        <StatusPill status={data.state} tone={data.tone} className="shrink-0" />
      </div>
      <div className="truncate text-[11px] text-slate-500 dark:text-slate-400">image {data.image}</div>
      <div className="flex items-center gap-2" title={`The container's writable layer: what it changed on top of the image (the bar's full length is ${data.barScale}, the same for every container)`}>
        <div className="h-2.5 flex-1 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
          <div className="h-full rounded-full bg-violet-500 transition-[width] duration-500 motion-reduce:transition-none" style={{ width: `${Math.max(data.upperBytes > 0 ? 3 : 0, data.barFraction * 100)}%` }} />
        </div>
        <span className="w-24 shrink-0 text-right font-mono text-[11px] text-slate-700 dark:text-slate-200">writable {data.upper}</span>
      </div>
    </div>
  );
});

export const DockerVolumeCard = memo(function DockerVolumeCard({ data }: NodeProps<DockerVolumeNode>) {
  return (
    <div className={`${CARD} justify-between px-3 py-2`} data-testid={`docker-volume-${data.name}`}>
      <Handles />
      <div className="flex min-w-0 items-center gap-2">
        <span className={`${BADGE} ${data.kind === 'bind' ? 'bg-amber-100 text-amber-800 dark:bg-amber-400/15 dark:text-amber-200' : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-200'}`}>{data.kind === 'bind' ? 'BIND' : 'VOL'}</span>
        <span className="min-w-0 flex-1 truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50" title={data.name}>
          {data.name}
        </span>
        <span className="shrink-0 font-mono text-xs text-slate-700 dark:text-slate-200">{data.size}</span>
      </div>
      <div className="text-[11px] text-slate-500 dark:text-slate-400">
        {data.users === 0 ? 'not mounted: outlives every container' : `mounted by ${data.users} container${data.users === 1 ? '' : 's'}`}
      </div>
    </div>
  );
});
