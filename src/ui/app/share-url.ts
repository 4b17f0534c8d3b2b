// The address bar and the session: while the `#s=…` fragment describes what is on screen (just
// shared, or just opened) it stays; as soon as the learner changes anything it is removed, so a
// reload never throws their newer work away by replaying an older link.
import type { AppState, AppStore } from '../../store/index.ts';

/** The page's own address (no fragment) plus `fragment`. */
export function pageUrl(fragment = ''): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`;
}

type Linked = Pick<AppState, 'preset' | 'seed' | 'editorText' | 'canvasView'> & { actions: unknown; cursor: number };
let linked: Linked | null = null;

const snapshot = (s: AppState): Linked => ({ preset: s.preset, seed: s.seed, editorText: s.editorText, canvasView: s.canvasView, actions: s.timeline.actions, cursor: s.timeline.cursor });
const same = (a: Linked, b: Linked) => (Object.keys(a) as (keyof Linked)[]).every((k) => a[k] === b[k]);

/** Puts `fragment` in the address bar (no reload, no history entry) for the session now on screen. */
export function showShareFragment(fragment: string, state: AppState): void {
  history.replaceState(history.state, '', pageUrl(fragment));
  linked = snapshot(state);
}

/**
 * Notes that the fragment already in the address bar describes `state` (a link just opened), or
 * (null) that it describes nothing yet: while a link is being opened the store changes under it.
 */
export function markFragmentLinked(state: AppState | null): void {
  linked = state && snapshot(state);
}

export function clearShareFragment(): void {
  linked = null;
  if (location.hash) history.replaceState(history.state, '', pageUrl());
}

/** Removes the fragment when the session moves away from it; returns the unsubscribe. */
export function followSession(store: AppStore): () => void {
  return store.subscribe((s) => {
    if (linked && !same(linked, snapshot(s))) clearShareFragment();
  });
}
