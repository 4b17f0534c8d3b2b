// The page's side of the goal ghost: asks the ghost worker for a step's picture and keeps the
// answer per (lesson, step), so going back to a step, or re-rendering, never solves it again.
// Lessons are keyed by id and content (a teacher's edited lesson with the same id is another).
import type { Lesson } from '../../lessons/types.ts';
import type { GhostPicture } from './ghost-picture.ts';

export interface GhostRequest {
  id: number;
  lessonKey: string;
  lesson: Lesson;
  step: number;
}
export type GhostReply = { id: number; picture: GhostPicture } | { id: number; error: string };

/** The subset of `Worker` the client uses (a fake in tests). */
export interface GhostWorkerLike {
  postMessage(message: GhostRequest): void;
  onmessage: ((e: MessageEvent<GhostReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface GhostClient {
  picture(lesson: Lesson, step: number): Promise<GhostPicture>;
}

const keys = new WeakMap<Lesson, string>();

/** `static-binding#1a2b3c4d`: the id and a hash (FNV-1a) of the whole lesson. */
export function lessonKey(lesson: Lesson): string {
  const known = keys.get(lesson);
  if (known) return known;
  const text = JSON.stringify(lesson);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const key = `${lesson.id}#${(h >>> 0).toString(16).padStart(8, '0')}`;
  keys.set(lesson, key);
  return key;
}

export function createGhostClient(spawn: () => GhostWorkerLike): GhostClient {
  let worker: GhostWorkerLike | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (p: GhostPicture) => void; reject: (e: Error) => void }>();
  const cache = new Map<string, Promise<GhostPicture>>();
  const start = (): GhostWorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (e) => {
      const reply = e.data;
      const p = waiting.get(reply.id);
      if (!p) return;
      waiting.delete(reply.id);
      if ('picture' in reply) p.resolve(reply.picture);
      else p.reject(new Error(reply.error));
    };
    // The worker failed to load or crashed: every open question fails, and the next one starts a new worker.
    w.onerror = (e) => {
      worker = null;
      for (const p of waiting.values()) p.reject(new Error(e.message || 'the goal picture could not be drawn'));
      waiting.clear();
    };
    worker = w;
    return w;
  };
  return {
    picture(lesson, step) {
      const lk = lessonKey(lesson);
      const key = `${lk}/${step}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const id = nextId++;
      const answer = new Promise<GhostPicture>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        start().postMessage({ id, lessonKey: lk, lesson, step });
      });
      cache.set(key, answer);
      // A failure is not kept: asking again tries again.
      answer.catch(() => cache.delete(key));
      return answer;
    },
  };
}

export const ghostClient: GhostClient = createGhostClient(
  () => new Worker(new URL('./ghost.worker.ts', import.meta.url), { type: 'module', name: 'goal-ghost' }) as unknown as GhostWorkerLike,
);
