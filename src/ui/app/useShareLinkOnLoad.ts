// Opens a share link found in the address bar: at startup, and when another link is pasted into
// the same tab (`hashchange`). A normal visit (no `#s=`) replays the session saved before the
// reload, if any (persistence.ts), so the cluster, timeline and view come back. The returned state drives
// the banner under the header: opening, failed (with the reason), or opened over the learner's
// own text (with a way to get it back).
//
// Only the fragment check is on the first screen; the decoder and the replay load when there is
// a link to open.
import { useCallback, useEffect, useState } from 'react';
import { appStore } from '../../store/index.ts';
import { sharePayload } from '../../store/share-fragment.ts';
import type { ShareOpenResult } from './share-open.ts';
import { clearShareFragment, followSession, markFragmentLinked } from './share-url.ts';
import { applySessionLayout } from './layout-store.ts';

export type ShareLinkState =
  | { phase: 'idle' }
  | { phase: 'opening' }
  | { phase: 'failed'; error: string }
  | { phase: 'opened'; replacedText: string };

export interface ShareLinkControls {
  state: ShareLinkState;
  dismiss: () => void;
  /** Puts back the editor text the link replaced (the shared cluster stays). */
  restoreText: () => void;
}

// The saved session is restored once per page, at startup only (StrictMode runs effects twice).
let restoreTried = false;

// One open per fragment at a time, even when React runs the effect twice (StrictMode in dev).
let inflight: { hash: string; promise: Promise<ShareOpenResult> } | null = null;

function openOnce(hash: string): Promise<ShareOpenResult> {
  if (inflight?.hash === hash) return inflight.promise;
  markFragmentLinked(null);
  const promise = (async (): Promise<ShareOpenResult> => {
    await nextPaint(); // let "Opening shared session…" show before the replay takes the thread
    try {
      const [{ openShareLink }, { isUntouched }] = await Promise.all([import('./share-open.ts'), import('./scenario-files.ts')]);
      return await openShareLink(hash, appStore, async (text) => !(await isUntouched(text)));
    } catch (err) {
      // The decoder's chunk did not arrive (offline, a new deploy).
      return { status: 'failed', error: `This share link could not be opened: ${err instanceof Error ? err.message : String(err)}` };
    }
  })();
  inflight = { hash, promise };
  void promise.finally(() => {
    if (inflight?.promise === promise) inflight = null;
  });
  return promise;
}

/** After the next paint; a timeout covers background tabs, where animation frames wait. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    requestAnimationFrame(done);
    setTimeout(resolve, 100);
  });
}

export function useShareLinkOnLoad(): ShareLinkControls {
  const [state, setState] = useState<ShareLinkState>({ phase: 'idle' });

  useEffect(() => {
    let latest = 0;
    const open = async () => {
      const hash = location.hash;
      if (sharePayload(hash) === null) {
        // A normal visit: bring back the session from before the reload (a link, opened instead, wins).
        if (!restoreTried) {
          restoreTried = true;
          await appStore.getState().restoreSavedSession();
        }
        return;
      }
      restoreTried = true;
      const mine = ++latest;
      setState({ phase: 'opening' });
      const result = await openOnce(hash);
      if (mine !== latest) return; // a newer link (or an unmount) took over
      if (result.status === 'opened') {
        applySessionLayout(result.session.ui);
        markFragmentLinked(appStore.getState());
        setState(result.replacedText !== null ? { phase: 'opened', replacedText: result.replacedText } : { phase: 'idle' });
      } else if (result.status === 'failed') {
        setState({ phase: 'failed', error: result.error });
      } else {
        setState({ phase: 'idle' });
      }
    };
    void open();
    window.addEventListener('hashchange', open);
    const stopFollowing = followSession(appStore);
    return () => {
      latest++;
      window.removeEventListener('hashchange', open);
      stopFollowing();
    };
  }, []);

  const dismiss = useCallback(() => {
    // A link that failed would fail again on reload: take it out of the address bar.
    if (state.phase === 'failed') clearShareFragment();
    setState({ phase: 'idle' });
  }, [state.phase]);

  const restoreText = useCallback(() => {
    if (state.phase === 'opened') appStore.getState().setEditorText(state.replacedText);
    setState({ phase: 'idle' });
  }, [state]);

  return { state, dismiss, restoreText };
}
