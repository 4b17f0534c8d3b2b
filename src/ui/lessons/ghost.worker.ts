// The goal ghost's own thread: solving a lesson up to a step runs the engine (tens of ms, and the
// engine is not part of the page's first screen), so it happens here. It keeps each lesson's
// solved steps, so moving on to the next step costs only that step's solution.
/// <reference lib="webworker" />
import { startGhost, type GhostRun } from '../../lessons/ghost.ts';
import type { GhostReply, GhostRequest } from './ghost-client.ts';
import { ghostPicture } from './ghost-picture.ts';

declare const self: DedicatedWorkerGlobalScope;

/** A few lessons' runs at most (a teacher switching between two lessons keeps both warm). */
const KEEP = 3;
const runs = new Map<string, GhostRun>();

function runFor(req: GhostRequest): GhostRun {
  let g = runs.get(req.lessonKey);
  if (g) runs.delete(req.lessonKey);
  else g = startGhost(req.lesson);
  runs.set(req.lessonKey, g);
  while (runs.size > KEEP) runs.delete(runs.keys().next().value!);
  return g;
}

self.onmessage = (e: MessageEvent<GhostRequest>) => {
  const req = e.data;
  let reply: GhostReply;
  try {
    reply = { id: req.id, picture: ghostPicture(req.lesson, req.step, runFor(req)) };
  } catch (err) {
    // A broken teacher's lesson must not take the pane down: the page shows the reason instead.
    runs.delete(req.lessonKey);
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
