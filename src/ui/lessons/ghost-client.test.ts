// The page's ghost client: one question per (lesson, step), a changed lesson asked anew, a failure
// not kept, and a worker that dies failing what it held.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../lessons/types.ts';
import { createGhostClient, lessonKey, type GhostReply, type GhostRequest, type GhostWorkerLike } from './ghost-client.ts';

function fakeWorker(answer: (req: GhostRequest) => GhostReply) {
  const asked: GhostRequest[] = [];
  const w: GhostWorkerLike & { die: (m: string) => void } = {
    onmessage: null,
    onerror: null,
    postMessage(req) {
      asked.push(req);
      queueMicrotask(() => w.onmessage?.({ data: answer(req) } as MessageEvent<GhostReply>));
    },
    die(message) {
      w.onerror?.({ message } as ErrorEvent);
    },
  };
  return { w, asked };
}

const lesson = (title = 'T'): Lesson => ({ id: 'l', title, summary: '', topic: 't', preset: 'bare', seed: 1, steps: [] });

describe('ghost client', () => {
  it('asks the worker once per lesson and step', async () => {
    const { w, asked } = fakeWorker((r) => ({ id: r.id, picture: { step: r.step, cards: [], lines: [] } }));
    const c = createGhostClient(() => w);
    const l = lesson();
    expect((await c.picture(l, 1)).step).toBe(1);
    await c.picture(l, 1);
    await c.picture(l, 2);
    expect(asked.map((r) => r.step)).toEqual([1, 2]);
  });

  it('keys a lesson by id and content: a teacher\'s edited lesson is drawn again', async () => {
    const { w, asked } = fakeWorker((r) => ({ id: r.id, picture: { step: r.step, cards: [], lines: [] } }));
    const c = createGhostClient(() => w);
    await c.picture(lesson('A'), 0);
    await c.picture(lesson('A'), 0);
    await c.picture(lesson('B'), 0);
    expect(asked).toHaveLength(2);
    expect(lessonKey(lesson('A'))).toMatch(/^l#[0-9a-f]{8}$/);
    expect(lessonKey(lesson('A'))).not.toBe(lessonKey(lesson('B')));
  });

  it('does not keep a failure: asking again asks the worker again', async () => {
    let fail = true;
    const { w, asked } = fakeWorker((r) => (fail ? { id: r.id, error: 'unknown kind "x"' } : { id: r.id, picture: { step: r.step, cards: [], lines: [] } }));
    const c = createGhostClient(() => w);
    const l = lesson();
    await expect(c.picture(l, 0)).rejects.toThrow('unknown kind "x"');
    fail = false;
    await expect(c.picture(l, 0)).resolves.toMatchObject({ step: 0 });
    expect(asked).toHaveLength(2);
  });

  it('a worker that dies fails what it held, and the next question starts another', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const c = createGhostClient(() => {
      const f = fakeWorker(() => ({ id: -1, error: 'never answered' }));
      f.w.postMessage = (req) => f.asked.push(req);
      workers.push(f);
      return f.w;
    });
    const pending = c.picture(lesson(), 0);
    workers[0]!.w.die('script error');
    await expect(pending).rejects.toThrow('script error');
    void c.picture(lesson(), 1).catch(() => {});
    expect(workers).toHaveLength(2);
  });
});
