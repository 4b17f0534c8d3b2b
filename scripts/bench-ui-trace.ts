// Where the browser's time went during a traced interaction (for bench-ui-pan.ts --profile): CPU
// time per thread, and on the page's main thread per kind of work (style, layout, paint,
// layerize, commit, hit testing, script, …). CPU time (the trace's `tdur`), not wall time: on a
// machine shared with other work, a descheduled thread inflates wall times but not CPU times,
// so figures from a busy minute compare with figures from a quiet one.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface TraceSummary {
  /** CPU ms per thread name (threads of the same name added up, e.g. raster workers). */
  threads: Map<string, number>;
  /** CPU ms of the renderer's main thread by event name, each event's own time (its children taken out). */
  mainSelf: Map<string, number>;
}

/** Complete ('X') events of one thread, nested by time: each event's own CPU time, by name. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const sorted = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of sorted) {
    while (stack.length > 0 && stack.at(-1)!.end <= e.ts) stack.pop();
    self.set(e.name, (self.get(e.name) ?? 0) + e.tdur!);
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.tdur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  return self;
}

/** Top-level CPU time of one thread: events not inside another. */
function topLevel(events: TraceEvent[]): number {
  const sorted = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.tdur !== undefined).sort((a, b) => a.ts - b.ts);
  let end = -Infinity;
  let total = 0;
  for (const e of sorted) {
    if (e.ts < end) continue;
    total += e.tdur!;
    end = e.ts + e.dur!;
  }
  return total;
}

export function summariseTrace(events: TraceEvent[]): TraceSummary {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const threads = new Map<string, number>();
  let mainSelf = new Map<string, number>();
  let mainBusiest = -1;
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? `thread ${key}`;
    const cpu = topLevel(list) / 1000;
    if (cpu === 0) continue;
    threads.set(name, (threads.get(name) ?? 0) + cpu);
    // The page's renderer main thread (other renderers, e.g. a worker's host, are quieter).
    if (name === 'CrRendererMain' && cpu > mainBusiest) {
      mainBusiest = cpu;
      mainSelf = new Map([...selfTimes(list)].map(([n, us]) => [n, us / 1000]));
    }
  }
  return { threads, mainSelf };
}

/** "a 12 ms, b 3 ms" for the largest entries, per frame when `frames` is given. */
export function topEntries(m: Map<string, number>, count: number, frames = 1): string {
  return [...m]
    .filter(([, v]) => v / frames >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([n, v]) => `${n} ${(v / frames).toFixed(frames === 1 ? 0 : 1)} ms`)
    .join(', ');
}
