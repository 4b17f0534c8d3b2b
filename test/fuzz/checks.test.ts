// The fuzzer's own checks must catch what they claim to: a broken binding, a Running pod on an
// unbound claim, non-JSON values, and the generators must be deterministic for a seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../src/engine/index.ts';
import { anyCase } from './cases.ts';
import { checkCase } from './check.ts';
import { clusterViolations, firstDifference, notPlainJson } from './invariants.ts';
import { mutate } from './manifests.ts';

function withObjects(objects: Record<string, Record<string, unknown>>): ClusterState {
  const s = createCluster({ preset: 'empty' });
  return { ...s, objects: objects as ClusterState['objects'] };
}
const pv = (name: string, claim?: { namespace: string; name: string; uid?: string }, phase = 'Bound') => ({ kind: 'PersistentVolume', metadata: { name }, spec: claim ? { claimRef: claim } : {}, status: { phase } });
const pvc = (name: string, volumeName: string | undefined, phase: string, uid = `uid-${name}`) => ({ kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', uid }, spec: volumeName ? { volumeName } : {}, status: { phase } });

describe('clusterViolations', () => {
  it('accepts a symmetric binding', () => {
    const s = withObjects({ PersistentVolume: { a: pv('a', { namespace: 'default', name: 'c', uid: 'uid-c' }) }, PersistentVolumeClaim: { 'default/c': pvc('c', 'a', 'Bound') } });
    expect(clusterViolations(s)).toEqual([]);
  });
  it('reports two Bound claims on one volume, and the one the volume does not point back to', () => {
    const s = withObjects({
      PersistentVolume: { a: pv('a', { namespace: 'default', name: 'c1' }) },
      PersistentVolumeClaim: { 'default/c1': pvc('c1', 'a', 'Bound'), 'default/c2': pvc('c2', 'a', 'Bound') },
    });
    const v = clusterViolations(s);
    expect(v.some((x) => x.includes('2 Bound claims'))).toBe(true);
    expect(v.some((x) => x.startsWith('(claim-volume-symmetric) PVC default/c2 is Bound to PV a, whose claimRef'))).toBe(true);
  });
  it('reports a Bound volume whose claim is gone or bound elsewhere, and a stale uid', () => {
    expect(clusterViolations(withObjects({ PersistentVolume: { a: pv('a', { namespace: 'default', name: 'gone' }) } }))).toHaveLength(1);
    expect(clusterViolations(withObjects({ PersistentVolume: { a: pv('a', { namespace: 'default', name: 'c' }) }, PersistentVolumeClaim: { 'default/c': pvc('c', 'b', 'Pending') } }))).toHaveLength(1);
    expect(clusterViolations(withObjects({ PersistentVolume: { a: pv('a', { namespace: 'default', name: 'c', uid: 'old' }) }, PersistentVolumeClaim: { 'default/c': pvc('c', 'a', 'Bound') } })).length).toBeGreaterThan(0);
  });
  it('reports a Running pod whose claim is not Bound, or that has no node', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'n', volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'c' } }] }, status: { phase: 'Running' } };
    expect(clusterViolations(withObjects({ Pod: { 'default/p': pod }, PersistentVolumeClaim: { 'default/c': pvc('c', undefined, 'Pending') } }))).toEqual(['(running-pod-claims-bound) Pod default/p is Running but its claim c is Pending']);
    expect(clusterViolations(withObjects({ Pod: { 'default/p': { ...pod, spec: {} } } }))).toEqual(['(running-pod-has-node) Pod default/p is Running without a node']);
  });
});

describe('notPlainJson', () => {
  it('accepts plain data, null-prototype tables and undefined properties', () => {
    const table = Object.create(null) as Record<string, unknown>;
    table['__proto__'] = { a: [1, 'x', null, true] };
    expect(notPlainJson({ t: table, u: undefined })).toBeUndefined();
  });
  it('names the path of what JSON cannot carry', () => {
    expect(notPlainJson({ a: { b: NaN } })).toBe('$.a.b is NaN');
    expect(notPlainJson({ a: [1, undefined] })).toBe('$.a[1] is undefined');
    expect(notPlainJson({ m: new Map() })).toBe('$.m is a Map');
    expect(notPlainJson({ d: new Date(0) })).toBe('$.d is a Date');
    expect(notPlainJson({ f: () => 1 })).toBe('$.f is a function');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(notPlainJson(cyclic)).toBe('$.self is a cycle');
  });
  it('firstDifference points at the changed field', () => {
    expect(firstDifference({ a: { b: 1 } }, { a: { b: 2 } })).toBe('$.a.b: 1 → 2');
  });
});

describe('generators and runner', () => {
  it('generate the same cases for the same seed', () => {
    expect(JSON.stringify(fc.sample(anyCase, { seed: 7, numRuns: 5 }))).toBe(JSON.stringify(fc.sample(anyCase, { seed: 7, numRuns: 5 })));
  });
  it('mutate never touches the corpus and keeps __proto__ as an own key', () => {
    const doc = { metadata: { name: 'x' } };
    const out = mutate(doc, [{ op: 'label', key: '__proto__', value: 'y' }]) as { metadata: { labels: object } };
    expect(doc).toEqual({ metadata: { name: 'x' } });
    expect(Object.keys(out.metadata.labels)).toEqual(['__proto__']);
  });
  it('a clean script passes every check', () => {
    expect(checkCase({ preset: 'bare', seed: 1, dir: 'static-pv-pvc', steps: [{ via: 'script', text: 'kubectl apply -f pv.yaml\nkubectl apply -f pvc.yaml\nkubectl apply -f pod.yaml\nkubectl get pvc\n' }] })).toEqual([]);
  });
});
