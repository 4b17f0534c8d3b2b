// The Inspector's Layers view for a pod: per container, the writable layer on top of the image's
// read-only layers, and the volumes mounted over them (writes there bypass the writable layer).
import { useMemo } from 'react';
import type { ClusterState, Stored } from '../../engine/index.ts';
import { podLayers } from './pod-layers.ts';

export function LayersView({ pod, cluster }: { pod: Stored<'Pod'>; cluster: ClusterState }) {
  const containers = useMemo(() => podLayers(cluster, pod), [cluster, pod]);
  return (
    <div className="space-y-4 px-3 pt-1 pb-4 text-xs" data-testid="pod-layers">
      {containers.map((c) => (
        <section key={c.name} aria-label={`Container ${c.name} layers`} className="max-w-3xl">
          <h3 className="mb-1.5 font-mono text-[12.5px] font-semibold text-slate-800 dark:text-slate-100">
            {c.name} <span className="font-normal text-slate-500 dark:text-slate-400">· image {c.image}</span>
          </h3>
          {c.mounts.length > 0 && (
            <ul className="mb-1 space-y-0.5">
              {c.mounts.map((m) => (
                <li key={m.path} className="flex items-center gap-2 rounded border border-dashed border-sky-300 bg-sky-50 px-2 py-1 font-mono text-sky-900 dark:border-sky-500/40 dark:bg-sky-400/10 dark:text-sky-200">
                  <span className="font-sans font-semibold">volume</span> {m.volume} → {m.path}
                  {m.readOnly && <span className="font-sans text-[10.5px]">(read-only)</span>}
                  <span className="ml-auto font-sans text-[10.5px] text-sky-700 dark:text-sky-300">mounted over the layers</span>
                </li>
              ))}
            </ul>
          )}
          <div className="rounded border border-violet-300 bg-violet-50 px-2 py-1.5 dark:border-violet-500/40 dark:bg-violet-400/10">
            <div className="flex items-center gap-2 font-semibold text-violet-900 dark:text-violet-200">
              Writable layer <span className="font-normal">(this container only, gone when it is replaced)</span>
              <span className="ml-auto font-mono">{c.writable ? c.writable.size : 'not started'}</span>
            </div>
            {c.writable && c.writable.paths.length > 0 && (
              <ul className="mt-1 font-mono text-[11px] text-violet-900/80 dark:text-violet-200/80">
                {c.writable.paths.map((p) => (
                  <li key={p.path}>
                    {p.change === 'deleted' ? '✕' : '+'} {p.path}
                  </li>
                ))}
                {c.writable.more > 0 && <li className="font-sans italic">and {c.writable.more} more</li>}
              </ul>
            )}
          </div>
          <ol className="mt-0.5 space-y-px">
            {c.imageLayers.map((l, i) => (
              <li key={i} className="flex items-center gap-2 rounded bg-slate-100 px-2 py-1 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                <span className="text-[10px] font-semibold tracking-wide text-slate-500 uppercase">read-only</span>
                <span className="min-w-0 flex-1 truncate font-mono text-[11px]" title={l.createdBy}>{l.createdBy}</span>
                <span className="shrink-0 font-mono">{l.size}</span>
              </li>
            ))}
            {c.imageLayers.length === 0 && <li className="px-2 py-1 text-slate-500 italic">This image's layers are not modelled (the catalogue has busybox, alpine, nginx and python:3.9-slim).</li>}
          </ol>
          {c.imageLayers.length > 0 && <p className="mt-1 text-right text-[11px] text-slate-500 dark:text-slate-400">image {c.imageSize}, shared by every container that runs it</p>}
        </section>
      ))}
    </div>
  );
}
