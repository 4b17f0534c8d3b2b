// Share-link lengths of the built-in lessons (issue 12: goal ≤ 2,000 characters, so a link can be
// pasted into chat or shown as a QR code). For each lesson, two links a learner could share at its
// end: the lesson link (`#lesson=ID&step=N`, built-ins by id) and the full session link the Share
// button makes (setup + every step's solution replayed as terminal actions, as "do it for me"
// records them). A printed figure, not a test: a longer lesson is a finding, not a failure.
import { loadBuiltinLessons } from '../src/lessons/builtin/load-node.ts';
import { lessonActions, stepEditorText } from '../src/store/lesson-store.ts';
import { COMFORTABLE_LINK_CHARS, encodeSession } from '../src/store/share-link.ts';
import type { SessionV1 } from '../src/store/session.ts';
import { replaySession } from '../src/store/session-replay.ts';
import { lessonLinkFor } from '../src/ui/lessons/lesson-entry.ts';

export async function benchLessonLinks(): Promise<void> {
  const rows: string[][] = [];
  let over = 0;
  for (const { id, result } of loadBuiltinLessons()) {
    if (!result.ok) {
      rows.push([id, '-', '-', 'does not parse']);
      continue;
    }
    const lesson = result.lesson;
    const last = lesson.steps.length - 1;
    const draft: SessionV1 = {
      v: 1,
      preset: lesson.preset,
      seed: lesson.seed,
      editorText: stepEditorText(lesson.steps[last]) ?? '',
      actions: lessonActions(lesson, lesson.steps.length),
      cursor: Number.MAX_SAFE_INTEGER,
      view: 'cluster',
    };
    // The Share button exports the cursor the app shows: the last frame after the replay.
    const timeline = await replaySession(draft);
    const session = { ...draft, cursor: timeline.cursor };
    const lessonLink = lessonLinkFor(id, last).length;
    const sessionLink = (await encodeSession(session)).length;
    const ok = sessionLink <= COMFORTABLE_LINK_CHARS;
    if (!ok) over++;
    rows.push([id, String(lessonLink), String(sessionLink), ok ? 'yes' : 'NO']);
  }
  const headers = ['lesson', 'lesson link', 'session link', `≤ ${COMFORTABLE_LINK_CHARS.toLocaleString('en')}`];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  console.log(`\nShare links at the end of each built-in lesson (characters of the # fragment; goal ≤ ${COMFORTABLE_LINK_CHARS.toLocaleString('en')}):`);
  console.log(line(headers));
  for (const r of rows) console.log(line(r));
  console.log(over === 0 ? `All ${rows.length} session links are within the goal.` : `${over} of ${rows.length} session links are over the goal.`);
}
