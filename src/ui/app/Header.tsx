// The header: the title and the examples on the left, timeline playback in the middle, the
// cluster (preset, Reset), Share and the theme on the right. Under it, the share-link banner
// (opening a link, or why one could not be opened). Below 1536 px (2xl) everything still fits on
// one line, the playback's widest (what-if) state included: the title drops "Kubernetes" visually
// (not for screen readers), Reset and Share show only their icons, and the theme is one cycling
// button.
import { useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { PlaybackControls } from '../timeline/PlaybackControls.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { ShareButton } from './ShareButton.tsx';
import { ShareLinkBanner } from './ShareLinkBanner.tsx';
import { ThemeCycleButton } from './ThemeCycleButton.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import { useShareLinkOnLoad } from './useShareLinkOnLoad.ts';

export function Header() {
  const resetCluster = useAppStore((s) => s.resetCluster);
  const shareLink = useShareLinkOnLoad();
  return (
    <>
      {/* Three columns: the sides never narrower than their content, the playback centred when there is room. */}
      <header className="grid h-13 shrink-0 grid-cols-[minmax(max-content,1fr)_auto_minmax(max-content,1fr)] items-center gap-2 border-b border-slate-200 bg-white px-3 2xl:gap-3 2xl:px-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-3">
          <div className="flex shrink-0 items-center gap-2.5">
            <img src="/favicon.svg" alt="" className="size-7 shrink-0" />
            <h1 className="text-[15px] font-semibold tracking-tight whitespace-nowrap text-slate-900 dark:text-white">
              <span className="sr-only 2xl:not-sr-only">Kubernetes </span>Storage Playground
            </h1>
          </div>
          <span aria-hidden className="hidden h-6 w-px shrink-0 bg-slate-200 2xl:block dark:bg-slate-700" />
          <ScenarioPicker />
        </div>

        <PlaybackControls />

        <div className="flex items-center justify-end gap-2">
          <div className="shrink-0">
            <PresetPicker />
          </div>
          <button
            type="button"
            onClick={() => resetCluster()}
            aria-label="Reset cluster"
            title="Start the cluster again from the preset (the editor text is kept)"
            className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 2xl:px-2.5 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
          >
            <Icon name="reset" className="size-4" />
            <span className="hidden 2xl:inline">Reset</span>
          </button>
          <ShareButton />
          <span aria-hidden className="mx-0.5 h-6 w-px shrink-0 bg-slate-200 dark:bg-slate-700" />
          <div className="hidden shrink-0 2xl:block">
            <ThemeSwitch />
          </div>
          <ThemeCycleButton className="2xl:hidden" />
        </div>
      </header>
      <ShareLinkBanner {...shareLink} />
    </>
  );
}
