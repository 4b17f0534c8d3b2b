// Opening a share link: decode the fragment, replay the session into the store. No DOM here (the
// hook passes the hash in), so the whole path, failures included, is tested in Node.
import { ReplayStopped, type AppStore } from '../../store/app-store.ts';
import { decodeShareFragment } from '../../store/share-link.ts';
import type { SessionV1 } from '../../store/session.ts';

export const OPEN_ERROR_PREFIX = 'This share link could not be opened: ';

export type ShareOpenResult =
  /** The fragment is not a share link: a normal visit. */
  | { status: 'none' }
  /** The session is on screen. `replacedText` is the learner's own editor text it replaced, if any. */
  | { status: 'opened'; session: SessionV1; replacedText: string | null }
  /** Nothing changed; `error` is the whole sentence to show. */
  | { status: 'failed'; error: string };

/**
 * Opens the share link in `hash`, if there is one. On failure the store is left exactly as it
 * was (the learner's text and cluster stay). `isOwnWork` says whether the current editor text is
 * something the learner wrote (worth offering back after the link replaced it).
 */
export async function openShareLink(hash: string, store: AppStore, isOwnWork: (text: string) => Promise<boolean> | boolean): Promise<ShareOpenResult> {
  const decoded = await decodeShareFragment(hash);
  if (decoded.status === 'none') return { status: 'none' };
  if (decoded.status === 'error') return { status: 'failed', error: OPEN_ERROR_PREFIX + decoded.error };
  const before = store.getState().editorText;
  try {
    await store.getState().loadSession(decoded.session);
  } catch (err) {
    // A replay that was stopped (cancelled, over its budget) says so in its own sentence.
    if (err instanceof ReplayStopped) return { status: 'failed', error: err.message };
    return { status: 'failed', error: OPEN_ERROR_PREFIX + (err instanceof Error ? err.message : String(err)) };
  }
  const replaced = before !== decoded.session.editorText && (await isOwnWork(before));
  return { status: 'opened', session: decoded.session, replacedText: replaced ? before : null };
}
