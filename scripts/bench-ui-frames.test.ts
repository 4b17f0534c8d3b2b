// The UI benchmarks report frame times as a median and a 95th percentile (bench-ui-frames.ts):
// a mean frame rate would hide the stutters the p95 is there to show.
import { describe, expect, it } from 'vitest';
import { frameStats, percentile, type FrameCount } from './bench-ui-frames.ts';

describe('percentile', () => {
  it('is the nearest-rank value: of twenty frames, p95 is the 19th slowest-to-fastest, the median the 10th', () => {
    const gaps = Array.from({ length: 20 }, (_, i) => i + 1); // 1 … 20 ms
    expect(percentile(gaps, 0.95)).toBe(19);
    expect(percentile(gaps, 0.5)).toBe(10);
    expect(percentile(gaps, 1)).toBe(20);
    expect(percentile(gaps, 0)).toBe(1);
  });

  it('shows one long frame in twenty at p95 and not in the median, whatever the order', () => {
    const gaps = [...Array.from({ length: 18 }, () => 16.7), 100, 16.7].reverse();
    expect(percentile(gaps, 0.5)).toBe(16.7);
    expect(percentile(gaps, 0.96)).toBe(100);
    expect(gaps[0]).toBe(16.7); // the input is not sorted in place
  });

  it('has no value for no frames', () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('frameStats', () => {
  it('says the rate, the median and p95 frame times, the worst gap and how many frames moved', () => {
    const r: FrameCount = { fps: 58.94, frames: 4, worstGap: 33.4, dropped: 1, changed: 3, restarts: 0, gaps: [16.7, 16.6, 33.4, 16.8] };
    expect(frameStats(r)).toBe('58.9 fps, median 16.7 ms, p95 33.4 ms, worst 33 ms, 1 dropped, moved in 3/4');
  });
});
