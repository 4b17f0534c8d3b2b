// Which cluster to simulate. Choosing one starts a fresh cluster; the editor text stays.
import { PRESETS, PRESET_DESCRIPTIONS, type PresetName } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';

const LABELS: Record<PresetName, string> = {
  kind: 'kind (1 node)',
  'kind-multinode': 'kind, 3 nodes',
  bare: 'Bare node (static only)',
  'multi-az': 'Multi-AZ cloud (EBS)',
  empty: 'Empty cluster',
};

export function PresetPicker() {
  const preset = useAppStore((s) => s.preset);
  const resetCluster = useAppStore((s) => s.resetCluster);
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="hidden text-slate-500 @min-[96rem]:inline dark:text-slate-400">Cluster</span>
      <select
        aria-label="Cluster preset"
        title={PRESET_DESCRIPTIONS[preset]}
        value={preset}
        onChange={(e) => resetCluster(e.target.value as PresetName)}
        className="h-8 min-w-0 rounded-lg border border-slate-300 bg-white pr-8 pl-2.5 text-sm font-medium text-slate-800 shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {PRESETS.map((p) => (
          <option key={p} value={p} title={PRESET_DESCRIPTIONS[p]}>
            {LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}
