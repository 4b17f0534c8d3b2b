import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { toFlowGraph } from './graph.ts';
import { changesOf, MOTION_MAX_OBJECTS, touchesMoreThan, withMotion } from './motion.ts';
import type { Step } from '../../engine/index.ts';

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;
const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: app, image: nginx, volumeMounts: [{ name: d, mountPath: /d }] }]
  volumes: [{ name: d, persistentVolumeClaim: { claimName: data } }]
`;

describe('motion from steps', () => {
  // kind preset: class "standard" is WaitForFirstConsumer, provisioned by rancher.io/local-path.
  const base = createCluster({ preset: 'kind' });
  const waiting = applyManifest(base, CLAIM, { mode: 'apply' });
  const consumed = applyManifest(waiting.state, POD, { mode: 'apply' });
  const before = toFlowGraph(waiting.state);
  const after = toFlowGraph(consumed.state);
  const provisionStep = consumed.steps.find((s) => s.actor === 'external-provisioner' || s.changes.some((c) => c.type === 'created' && c.ref.kind === 'PersistentVolume'))!;

  it('reads created, updated and deleted objects from the steps', () => {
    const ch = changesOf(consumed.steps);
    expect([...ch.created]).toContain('Pod:default/web');
    expect(ch.updated.has('PersistentVolumeClaim:default/data')).toBe(true);
    const pv = [...ch.created].find((id) => id.startsWith('PersistentVolume:'))!;
    expect(ch.provisionedFrom.get(pv)).toBe('StorageClass:standard');
  });

  it('a provisioned volume flies in from its class; the bound edge draws; the claim pulses', () => {
    const g = withMotion(before, after, [provisionStep, ...consumed.steps.filter((s) => s !== provisionStep)], 0);
    const pv = g.nodes.find((n) => n.id.startsWith('PersistentVolume:'))!;
    expect(pv.className).toContain('motion-land-0');
    // The flight is a separate node (the card itself never moves, so its edges stay attached).
    const flyer = g.nodes.find((n) => n.id === `flyer:${pv.id}`)!;
    expect(flyer.className).toContain('motion-fly-0');
    expect(flyer.style).toMatchObject({ '--fly-x': expect.stringMatching(/^-?\d+px$/), '--fly-y': expect.stringMatching(/^-?\d+px$/) });
    expect(flyer.position).not.toEqual({ x: 0, y: 0 });
    expect(g.nodes.find((n) => n.id === 'PersistentVolumeClaim:default/data')!.className).toContain('motion-pulse-0');
    const bound = g.edges.find((e) => e.id.startsWith('bound:'))!;
    expect(bound.className).toContain('motion-draw-0');
    expect(bound.type).toBe('drawn');
    // Nodes no step touched are returned as they were (the same objects: React Flow skips them).
    const untouched = g.nodes.filter((n) => !n.className?.includes('motion'));
    expect(untouched.length).toBeGreaterThan(0);
    for (const n of untouched) expect(after.nodes).toContain(n);
  });

  it('a batch touching more objects than MOTION_MAX_OBJECTS shows its result without motion', () => {
    const claims = (n: number, from = 0) => Array.from({ length: n }, (_, i) => CLAIM.replace('name: data', `name: c${from + i}`)).join('---\n');
    const small = applyManifest(base, claims(MOTION_MAX_OBJECTS), { mode: 'apply' });
    const moving = withMotion(toFlowGraph(base), toFlowGraph(small.state), small.steps, 0);
    expect(moving.nodes.filter((n) => n.className?.includes('motion-enter-0'))).toHaveLength(MOTION_MAX_OBJECTS);
    const big = applyManifest(base, claims(MOTION_MAX_OBJECTS + 1), { mode: 'apply' });
    const still = toFlowGraph(big.state);
    expect(withMotion(toFlowGraph(base), still, big.steps, 0)).toBe(still);
  });

  it('a batch of 10,000 changes is found too large after MOTION_MAX_OBJECTS + 1 of them, not after all', () => {
    let reads = 0;
    const change = (i: number) => ({ type: 'created', get ref() {
      reads++;
      return { kind: 'ConfigMap', namespace: 'default', name: `cm-${i}` };
    } });
    const steps = [{ actor: 'user', changes: Array.from({ length: 10_000 }, (_, i) => change(i)) }] as unknown as Step[];
    expect(touchesMoreThan(steps, MOTION_MAX_OBJECTS)).toBe(true);
    expect(reads).toBe(MOTION_MAX_OBJECTS + 1);
    const g = { nodes: [], edges: [] };
    expect(withMotion(g, g, steps, 0)).toBe(g);
    // The same object changed again and again is one object.
    const again = [{ actor: 'user', changes: Array.from({ length: 100 }, () => ({ type: 'updated', ref: { kind: 'ConfigMap', namespace: 'default', name: 'one' } })) }] as unknown as Step[];
    expect(touchesMoreThan(again, MOTION_MAX_OBJECTS)).toBe(false);
    expect(touchesMoreThan(consumed.steps, MOTION_MAX_OBJECTS)).toBe(false);
  });

  it('no steps, no motion (a theme change or a selection redraws nothing)', () => {
    expect(withMotion(before, after, [], 1)).toBe(after);
  });

  it('a deleted object leaves a fading, hidden ghost where it was', () => {
    const gone = applyManifest(consumed.state, 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\n', { mode: 'delete' });
    const next = toFlowGraph(gone.state);
    const g = withMotion(after, next, gone.steps, 1);
    const ghost = g.nodes.find((n) => n.id === 'ghost:Pod:default/web')!;
    expect(ghost.className).toContain('motion-leave');
    expect(ghost.parentId).toBeUndefined();
    expect(ghost.ariaLabel).toBeUndefined();
    expect(next.nodes.some((n) => n.id === 'Pod:default/web')).toBe(false);
  });
});
