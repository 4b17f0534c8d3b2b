// Share: the whole session (editor text, cluster preset, seed, every action, timeline position,
// view) as a link. The link goes to the clipboard and into the address bar (no reload), and a
// popover shows it, selected, so it can be copied by hand when the clipboard is refused. The
// encoder and the popover's content load on first use (they are not needed for the first screen).
import { lazy, Suspense, useId, useState } from 'react';
import { appStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { copyText, type Shared } from './clipboard.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { pageUrl, showShareFragment } from './share-url.ts';
import { usePopover } from './usePopover.ts';
import { layoutForSession } from './layout-store.ts';

const loadEncoder = () => import('../../store/share-link.ts');
const SharePanel = lazy(() => import('./SharePanel.tsx').then((m) => ({ default: m.SharePanel })));

export function ShareButton() {
  const popover = usePopover();
  const [shared, setShared] = useState<Shared | null>(null);
  const panelId = useId();

  const share = async () => {
    const state = appStore.getState();
    let fragment: string;
    try {
      fragment = await (await loadEncoder()).encodeSession({ ...state.exportSession(), ui: layoutForSession() });
    } catch (err) {
      setShared({ error: err instanceof Error ? err.message : String(err) });
      popover.setOpen(true);
      return;
    }
    showShareFragment(fragment, state);
    const url = pageUrl(fragment);
    setShared({ url, copied: await copyText(url) });
    popover.setOpen(true);
  };

  return (
    <div className="relative">
      <button
        ref={popover.trigger}
        type="button"
        onPointerEnter={() => void loadEncoder()}
        onFocus={() => void loadEncoder()}
        onClick={() => (popover.open ? popover.close(false) : void share())}
        aria-haspopup="dialog"
        aria-expanded={popover.open}
        aria-controls={popover.open ? panelId : undefined}
        aria-label="Share"
        title="Share: copy a link that reopens this session (editor text, cluster, every step, the timeline position)"
        className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 @min-[96rem]:px-2.5 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        <Icon name="share" className="size-4" />
        <span className="hidden @min-[96rem]:inline">Share</span>
      </button>
      {popover.open && shared && (
        <div ref={popover.panel} id={panelId} className="absolute top-full right-0 z-50 mt-2 w-[26rem] rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-xl dark:border-slate-700 dark:bg-slate-900">
          {/* A chunk that cannot load (offline, a new deploy) breaks this panel, not the page. */}
          <ErrorBoundary area="share panel">
            <Suspense fallback={<p className="text-xs text-slate-500 dark:text-slate-400">Preparing the link…</p>}>
              <SharePanel shared={shared} onCopied={() => 'url' in shared && setShared({ url: shared.url, copied: true })} />
            </Suspense>
          </ErrorBoundary>
        </div>
      )}
    </div>
  );
}
