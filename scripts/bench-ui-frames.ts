// Frame times for the UI benchmarks (bench-ui.ts, bench-ui-pan.ts): what the in-page counter
// (bench-ui-inpage.js, countFrames) returns, the drag that pans the canvas, and the figures
// reported from them. A mean frame rate hides stutter (one 100 ms frame among fifty fast ones
// still averages ~50 fps), so the report gives the median and the 95th percentile frame time.
import type { Page } from '@playwright/test';

export interface FrameCount {
  fps: number;
  frames: number;
  worstGap: number;
  dropped: number;
  /** Frames in which what was being measured moved (the viewport transform, the timeline cursor). */
  changed: number;
  restarts: number;
  /** Every frame's time (ms between consecutive requestAnimationFrame callbacks). */
  gaps: number[];
}

/** The value at fraction p (0–1) of the sorted values: nearest rank, as latency percentiles are given. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** "58.9 fps, median 16.7 ms, p95 17.2 ms, worst 33 ms, 3 dropped, moved in 170/177". */
export function frameStats(r: FrameCount): string {
  return `${r.fps.toFixed(1)} fps, median ${percentile(r.gaps, 0.5).toFixed(1)} ms, p95 ${percentile(r.gaps, 0.95).toFixed(1)} ms, worst ${Math.round(r.worstGap)} ms, ${r.dropped} dropped, moved in ${r.changed}/${r.frames}`;
}

/**
 * A real pointer drag on the pane: a figure of eight around `from` (one loop per 1.5 s), each move
 * sent as soon as the browser has taken the last one (so a slow page gets fewer, bigger moves, as
 * a user's mouse would give it). Returns how many moves were sent.
 */
export async function dragFigureOfEight(page: Page, from: { x: number; y: number }, durationMs: number): Promise<number> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const t0 = Date.now();
  let moves = 0;
  while (Date.now() - t0 < durationMs) {
    const phase = ((Date.now() - t0) / 1_500) * 2 * Math.PI;
    await page.mouse.move(from.x + 120 * Math.sin(phase), from.y + 60 * Math.sin(2 * phase));
    moves++;
  }
  await page.mouse.up();
  return moves;
}
