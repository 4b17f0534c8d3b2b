// The selected object, as `kubectl get -o yaml` prints it (status included), beside the canvas.
import { useEffect, useMemo } from 'react';
import { toYaml } from '../../commands/kubectl/output-formats.ts';
import { selectSelectedObject, useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { KindBadge } from '../components/KindBadge.tsx';
import { StatusPill } from '../components/StatusPill.tsx';
import { statusOfObject, toneOf } from '../canvas/status.ts';
import { ObjectEvents } from './ObjectEvents.tsx';
import { WhyPanel } from './WhyPanel.tsx';
import { YamlView } from './YamlView.tsx';

export function Inspector() {
  const selected = useAppStore((s) => s.selected);
  const cluster = useAppStore((s) => s.cluster);
  const selectObject = useAppStore((s) => s.selectObject);
  const object = useMemo(() => selectSelectedObject({ cluster, selected }), [cluster, selected]);
  const yaml = useMemo(() => (object ? toYaml(object) : ''), [object]);
  const status = object ? statusOfObject(object, cluster.now) : undefined;

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('.monaco-editor'))) selectObject(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, selectObject]);

  if (!selected) return null;
  return (
    <aside aria-label="Inspector" data-testid="inspector" className="absolute inset-y-0 right-0 z-20 flex w-[min(420px,48%)] flex-col border-l border-slate-200 bg-white/[0.97] shadow-[-8px_0_24px_-12px_rgb(15_23_42/0.25)] backdrop-blur dark:border-slate-700 dark:bg-slate-900/[0.97]">
      <div className="flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-800">
        <KindBadge kind={selected.kind} />
        <h2 className="min-w-0 flex-1 truncate font-mono text-sm font-semibold" title={selected.name}>
          {selected.namespace && selected.namespace !== 'default' ? `${selected.namespace}/` : ''}
          {selected.name}
        </h2>
        {status && <StatusPill status={status} tone={toneOf(status)} />}
        <button type="button" aria-label="Close inspector" title="Close (Esc)" onClick={() => selectObject(null)} className="grid size-7 place-items-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100">
          <Icon name="close" className="size-4" />
        </button>
      </div>
      {object ? (
        <div className="thin-scroll min-h-0 flex-1 overflow-auto">
          <WhyPanel object={object} />
          <ObjectEvents object={object} />
          <div className="px-3 pt-3 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">kubectl get -o yaml</div>
          <YamlView text={yaml} />
        </div>
      ) : (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">This {selected.kind} no longer exists in the cluster.</p>
      )}
    </aside>
  );
}
