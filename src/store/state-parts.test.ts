import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState, type Step } from '../engine/index.ts';
import { createAppStore } from './app-store.ts';
import { createWorkerRunner, type WorkerLike } from './engine-client.ts';
import { createEngineHost, FRAME_ENTRY_BUDGET, SENT_STEPS, trimOutcome } from './engine-host.ts';
import type { EngineReply, EngineRequest } from './engine-protocol.ts';
import { addPart, splitState, stateEntries, WHOLE_STATE_ENTRIES } from './state-parts.ts';
import { recordAction, startTimeline, type ActionOutcome } from './timeline.ts';

/** A cluster with `n` extra ConfigMaps written straight into its table (plain JSON, as the engine keeps them). */
function bigState(n: number): ClusterState {
  const base = createCluster({ preset: 'bare', seed: 1 });
  const table: Record<string, unknown> = { ...(base.objects.ConfigMap ?? {}) };
  for (let i = 0; i < n; i++) {
    table[`default/cm-${i}`] = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: 'default', uid: `u${i}`, resourceVersion: String(i + 10), creationTimestamp: '2025-01-01T00:00:00Z' }, data: { k: 'v' } };
  }
  Object.defineProperty(table, 'default/__proto__', { value: { kind: 'ConfigMap' }, enumerable: true });
  Object.defineProperty(table, '__proto__', { value: { odd: true }, enumerable: true, writable: true, configurable: true });
  return { ...base, objects: { ...base.objects, ConfigMap: table as never } };
}

describe('state parts', () => {
  it('a state split into slices and put back together is the same state, `__proto__` keys included', () => {
    const state = bigState(2_345);
    const { skeleton, parts } = splitState(structuredClone(state), 500);
    expect(parts.every((p) => p.entries.length <= 500)).toBe(true);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    const rebuilt = structuredClone(skeleton);
    for (const p of parts) addPart(rebuilt, structuredClone(p));
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(state));
    expect(Object.hasOwn(rebuilt.objects.ConfigMap!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(rebuilt.objects.ConfigMap)).toBe(Object.prototype);
  });

  it('an action on a large cluster keeps no in-between frames; a huge one sends only its last steps', () => {
    const state = bigState(WHOLE_STATE_ENTRIES);
    const steps = Array.from({ length: 5 }, (_, i) => ({ controller: 'x', summary: `s${i}` }) as unknown as Step);
    const out = { state, steps, states: new Map(steps.map((s) => [s, state])) };
    expect(trimOutcome(out).states.size).toBe(0);
    const small = createCluster({ preset: 'bare', seed: 1 });
    const many = Array.from({ length: 400 }, (_, i) => ({ summary: `s${i}` }) as unknown as Step);
    const trimmed = trimOutcome({ state: small, steps: many, states: new Map(many.map((s) => [s, small])) });
    expect(trimmed.states.size).toBe(Math.min(400, Math.floor(FRAME_ENTRY_BUDGET / stateEntries(small))));
    const huge = Array.from({ length: 5_000 }, (_, i) => ({ summary: `s${i}` }) as unknown as Step);
    const h = trimOutcome<ActionOutcome>({ state: small, steps: huge, states: new Map(huge.slice(0, 400).map((s) => [s, small])) });
    expect(h.steps).toHaveLength(SENT_STEPS);
    expect(h.steps.at(-1)).toBe(huge.at(-1));
    expect(h.totalSteps).toBe(5_000);
    // On the timeline: one frame for the whole action, folding the other 4,999 steps.
    const t = recordAction(startTimeline('bare', 1, small), { type: 'command', line: 'x' }, h);
    expect(t.frames).toHaveLength(2);
    expect(t.frames[1]).toMatchObject({ step: huge.at(-1), folded: 4_999 });
  });

  it('a large state crosses to the worker and back in slices, and the page gets it whole', async () => {
    const sent: EngineRequest[] = [];
    const replies: EngineReply['type'][] = [];
    let host: ReturnType<typeof createEngineHost>;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(req) {
        sent.push(req);
        const copy = structuredClone(req);
        queueMicrotask(() => void host.handle(copy));
      },
      terminate() {},
    };
    host = createEngineHost((r) => {
      replies.push(r.type);
      w.onmessage?.({ data: structuredClone(r) } as MessageEvent<EngineReply>);
    });
    const store = createAppStore({ engine: createWorkerRunner(() => w) });
    const big = bigState(6_000);
    store.setState({ timeline: startTimeline('bare', 1, big), cluster: big });
    const r = await store.getState().runCommand('kubectl create namespace lab');
    expect(r.chunks).toEqual([{ stream: 'stdout', text: 'namespace/lab created\n' }]);
    expect(sent[0]!.type).toBe('state-begin');
    expect(sent.filter((m) => m.type === 'state-part').length).toBeGreaterThanOrEqual(4);
    expect(sent.at(-1)).toMatchObject({ type: 'command', state: { last: false, parts: true } });
    expect(replies).toContain('state-part');
    const after = store.getState().cluster;
    for (const key of Object.keys(big.objects.ConfigMap!)) expect(Object.hasOwn(after.objects.ConfigMap!, key)).toBe(true);
    expect(after.objects.Namespace!['lab']).toBeDefined();
    expect(store.getState().timeline.frames).toHaveLength(2);
  });
});
