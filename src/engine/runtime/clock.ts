// Simulated time. The cluster starts at a fixed instant so that a script's output, ages and
// timestamps are the same on every run and every machine.

/** 2026-01-01T00:00:00Z: the moment every simulated cluster is created. */
export const CLUSTER_EPOCH = Date.UTC(2026, 0, 1, 0, 0, 0);

/** How long one controller step takes in simulated time (ms); keeps event timestamps ordered but close. */
export const STEP_MS = 0;

/** RFC 3339 with second resolution, as `metadata.creationTimestamp` is written. */
export function rfc3339(ms: number): string {
  // Controllers stamp thousands of writes at one simulated instant: format each instant once.
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastText;
}
let lastMs = NaN;
let lastText = '';

/** RFC 3339 with microseconds, as `Event.eventTime` / `deletionTimestamp` use. */
export function parseTimestamp(ts: string | undefined): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}
