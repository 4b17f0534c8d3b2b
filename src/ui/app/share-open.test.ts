import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/app-store.ts';
import { encodeSession } from '../../store/share-link.ts';
import { STARTER_MANIFEST } from '../../store/starter.ts';
import { OPEN_ERROR_PREFIX, openShareLink } from './share-open.ts';

const own = () => true;

async function sharedLink() {
  const a = createAppStore();
  a.getState().applyEditor();
  a.getState().stepBack();
  return { fragment: await encodeSession(a.getState().exportSession()), session: a.getState().exportSession() };
}

describe('openShareLink', () => {
  it('replays the session into the store and reports the learner text it replaced', async () => {
    const { fragment, session } = await sharedLink();
    const b = createAppStore();
    b.getState().setEditorText('# my notes\n');
    const r = await openShareLink(fragment, b, own);
    expect(r).toEqual({ status: 'opened', session, replacedText: '# my notes\n' });
    expect(b.getState().exportSession()).toEqual(session);
    expect(b.getState().editorText).toBe(STARTER_MANIFEST);
  });

  it('does not offer back text that was not the learner\'s own', async () => {
    const { fragment } = await sharedLink();
    const b = createAppStore();
    b.getState().setEditorText('# untouched example\n');
    expect(await openShareLink(fragment, b, () => false)).toMatchObject({ status: 'opened', replacedText: null });
  });

  it('is silent for a normal visit', async () => {
    const b = createAppStore();
    expect(await openShareLink('', b, own)).toEqual({ status: 'none' });
    expect(await openShareLink('#section', b, own)).toEqual({ status: 'none' });
  });

  it('fails with the whole sentence and leaves the store alone: a broken link', async () => {
    const b = createAppStore();
    b.getState().setEditorText('# my notes\n');
    const before = b.getState();
    expect(await openShareLink('#s=v1.garbage', b, own)).toEqual({ status: 'failed', error: `${OPEN_ERROR_PREFIX}the compressed data is damaged (was the link cut off when it was copied?)` });
    expect(b.getState()).toBe(before);
  });

  it('fails with the whole sentence and leaves the store alone: a session that cannot be replayed', async () => {
    const { session } = await sharedLink();
    const impossible = { ...session, actions: [...session.actions, { action: { type: 'apply' as const, text: 'kind: ConfigMap' }, at: 9999 }] };
    const b = createAppStore();
    b.getState().setEditorText('# my notes\n');
    const before = b.getState();
    const r = await openShareLink(await encodeSession(impossible), b, own);
    expect(r).toEqual({ status: 'failed', error: `${OPEN_ERROR_PREFIX}action 2 forks at frame 9999, which the replay never reached` });
    expect(b.getState()).toBe(before);
  });
});
