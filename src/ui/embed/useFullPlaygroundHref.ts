// The "Open in full playground" address, kept current as the session moves: during a built-in
// lesson, the lesson's own link at the learner's step (short, and the full playground opens it with its pane);
// otherwise a share link holding the whole session (share-link.ts), replayed exactly there. The
// encoder is asynchronous (it compresses), so the address is remade a moment after changes settle.
import { useEffect, useState } from 'react';
import { appStore } from '../../store/index.ts';
import { lessonLinkFor } from '../lessons/lesson-entry.ts';
import type { LessonDeps } from './embed-bridge.ts';
import { fullPlaygroundUrl } from './embed-params.ts';

/** Changes closer together than this make one new address. */
const SETTLE_MS = 200;

export function useFullPlaygroundHref(lessons: LessonDeps | null): string {
  const [href, setHref] = useState(() => fullPlaygroundUrl(location, ''));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let made = 0;
    const remake = () => {
      const mine = ++made;
      const active = lessons?.store.getState().active;
      // A built-in lesson by its id; a teacher's own lesson exists only in this frame, so it goes as a session.
      if (active && lessons?.ids().includes(active.id)) return setHref(fullPlaygroundUrl(location, lessonLinkFor(active.id, active.step)));
      void import('../../store/share-link.ts')
        .then(({ encodeSession }) => encodeSession(appStore.getState().exportSession()))
        // A session too large for a link: the full playground, without it.
        .then((fragment) => fragment, () => '')
        .then((fragment) => mine === made && setHref(fullPlaygroundUrl(location, fragment)));
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(remake, SETTLE_MS);
    };
    remake();
    const stopApp = appStore.subscribe((s, prev) => {
      if (s.timeline !== prev.timeline || s.editorText !== prev.editorText || s.preset !== prev.preset || s.canvasView !== prev.canvasView) later();
    });
    const stopLessons = lessons?.store.subscribe((s, prev) => s.active !== prev.active && later());
    return () => {
      clearTimeout(timer);
      made++;
      stopApp();
      stopLessons?.();
    };
  }, [lessons]);
  return href;
}
