// The header: the title and the examples on the left, timeline playback in the middle, the
// cluster (preset, Reset), Share and the theme on the right. Under it, the share-link banner
// (opening a link, or why one could not be opened). Below 1536 px of header width everything still
// fits on one line, the playback's widest (what-if) state included: the title drops "Kubernetes"
// visually (not for screen readers), Reset and Share show only their icons, and the theme is one
// cycling button; below 1120 px the scrubber shortens and its frame counter goes (the slider
// still says it). Widths are the header's own (a container query), so zoom is accounted for.
import { PlaybackControls } from '../timeline/PlaybackControls.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { ResetButton } from './ResetButton.tsx';
import { ResetUndoToast } from './ResetUndoToast.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { LessonsButton } from '../lessons/LessonsButton.tsx';
import { ShareButton } from './ShareButton.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ShareLinkBanner } from './ShareLinkBanner.tsx';
import { ThemeCycleButton } from './ThemeCycleButton.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import { useShareLinkOnLoad } from './useShareLinkOnLoad.ts';

export function Header() {
  const shareLink = useShareLinkOnLoad();
  return (
    <>
      {/*
        A container: the header's tiers follow its own width in its own pixels, which presentation
        mode's zoom and the browser's zoom both change, not the window's (a 1920 px window zoomed
        1.5× lays the header out in 1280). Three groups, the playback centred when there is room;
        when even the narrowest tier does not fit, the groups wrap onto a second row instead of
        running off the screen.
      */}
      <div className="@container">
      <header className="flex min-h-13 shrink-0 flex-wrap items-center justify-between gap-x-2 gap-y-1 border-b border-slate-200 bg-white px-3 py-1 @min-[96rem]:gap-x-3 @min-[96rem]:px-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex min-w-max flex-1 items-center gap-3">
          <div className="flex shrink-0 items-center gap-2.5">
            <img src="/favicon.svg" alt="" className="size-7 shrink-0" />
            <h1 className="text-[15px] font-semibold tracking-tight whitespace-nowrap text-slate-900 dark:text-white">
              <span className="sr-only @min-[96rem]:not-sr-only">Kubernetes </span>Storage Playground
            </h1>
          </div>
          <span aria-hidden className="hidden h-6 w-px shrink-0 bg-slate-200 @min-[96rem]:block dark:bg-slate-700" />
          <ScenarioPicker />
          <LessonsButton />
        </div>

        <PlaybackControls />

        <div className="flex min-w-max flex-1 items-center justify-end gap-2">
          <div className="shrink-0">
            <PresetPicker />
          </div>
          <ResetButton />
          <ShareButton />
          <ExportMenu />
          <span aria-hidden className="mx-0.5 h-6 w-px shrink-0 bg-slate-200 dark:bg-slate-700" />
          <div className="hidden shrink-0 @min-[96rem]:block">
            <ThemeSwitch />
          </div>
          <ThemeCycleButton className="@min-[96rem]:hidden" />
        </div>
      </header>
      </div>
      <ShareLinkBanner {...shareLink} />
      <ResetUndoToast />
    </>
  );
}
