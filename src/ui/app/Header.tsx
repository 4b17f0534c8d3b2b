import { PRESET_DESCRIPTIONS } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';

export function Header() {
  const preset = useAppStore((s) => s.preset);
  const resetCluster = useAppStore((s) => s.resetCluster);
  return (
    <header className="flex h-13 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex min-w-0 items-center gap-2.5">
        <img src="/favicon.svg" alt="" className="size-7 shrink-0" />
        <h1 className="truncate text-[15px] font-semibold tracking-tight text-slate-900 dark:text-white">
          Kubernetes Storage Playground
        </h1>
      </div>
      <p className="hidden min-w-0 flex-1 truncate text-xs text-slate-500 2xl:block dark:text-slate-400" title={PRESET_DESCRIPTIONS[preset]}>
        {PRESET_DESCRIPTIONS[preset]}
      </p>
      <div className="ml-auto flex items-center gap-2">
        <PresetPicker />
        <button
          type="button"
          onClick={() => resetCluster()}
          title="Start the cluster again from the preset (the editor text is kept)"
          className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
        >
          <Icon name="reset" className="size-4" />
          Reset
        </button>
        <span aria-hidden className="mx-1 h-6 w-px bg-slate-200 dark:bg-slate-700" />
        <ThemeSwitch />
      </div>
    </header>
  );
}
