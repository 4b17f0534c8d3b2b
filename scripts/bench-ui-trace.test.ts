// bench-ui-pan.ts --profile says where a pan's time goes from a Chrome trace (bench-ui-trace.ts):
// CPU per thread without counting nested events twice, and the main thread's own time per kind.
import { describe, expect, it } from 'vitest';
import { summariseTrace, topEntries, type TraceEvent } from './bench-ui-trace.ts';

const meta = (tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid: 1, tid, ts: 0, args: { name } });
const x = (tid: number, name: string, ts: number, dur: number, tdur = dur): TraceEvent => ({ name, ph: 'X', pid: 1, tid, ts, dur, tdur });

describe('summariseTrace', () => {
  const events = [
    meta(1, 'CrRendererMain'),
    meta(2, 'ThreadPoolForegroundWorker'),
    meta(3, 'ThreadPoolForegroundWorker'),
    // A task of 10 ms CPU holding a paint of 4 ms that holds a layerize of 1 ms; then a 2 ms task.
    x(1, 'RunTask', 0, 12_000, 10_000),
    x(1, 'Paint', 1_000, 5_000, 4_000),
    x(1, 'Layerize', 2_000, 1_000, 1_000),
    x(1, 'RunTask', 20_000, 2_000),
    // Raster on two workers of the same name.
    x(2, 'RasterTask', 0, 3_000),
    x(3, 'RasterTask', 0, 5_000),
    // A begin/end pair and an instant event: not complete events, not counted.
    { name: 'Other', ph: 'B', pid: 1, tid: 1, ts: 30_000 },
    { name: 'Mark', ph: 'I', pid: 1, tid: 1, ts: 31_000 },
  ];

  it('counts each thread\'s top-level CPU time once, and threads of one name together', () => {
    const { threads } = summariseTrace(events);
    expect(threads.get('CrRendererMain')).toBe(12);
    expect(threads.get('ThreadPoolForegroundWorker')).toBe(8);
  });

  it('gives the main thread\'s time per kind of work, each event without what it contains', () => {
    const { mainSelf } = summariseTrace(events);
    expect(mainSelf.get('RunTask')).toBe(8); // 10 − 4 + 2
    expect(mainSelf.get('Paint')).toBe(3); // 4 − 1
    expect(mainSelf.get('Layerize')).toBe(1);
  });

  it('lists the largest entries first, per frame when asked', () => {
    const m = new Map([['Paint', 30], ['HitTest', 6], ['Tiny', 0.1]]);
    expect(topEntries(m, 2)).toBe('Paint 30 ms, HitTest 6 ms');
    expect(topEntries(m, 5, 3)).toBe('Paint 10.0 ms, HitTest 2.0 ms');
  });
});
