// Same inputs and seed, same outcome, byte for byte; and the state stays plain JSON.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { act, allObjects, createCluster, deleteObject } from '../index.ts';
import { applyManifest } from '../write.ts';
import { pod, pv, pvc, yaml } from '../testing/builders.ts';

describe('determinism', () => {
  it('never modifies the state it is given, and the state survives a JSON round trip', () => {
    const before = createCluster({ preset: 'kind' });
    const frozen = JSON.stringify(before);
    const after = applyManifest(before, yaml(pvc('data'), pod('web', { claims: ['data'] })), { mode: 'apply' }).state;
    expect(JSON.stringify(before)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
    expect(structuredClone(after)).toEqual(after);
  });

  it('resuming from a JSON snapshot continues exactly like the original', () => {
    const start = applyManifest(createCluster({ preset: 'kind', seed: 3 }), yaml(pvc('a')), { mode: 'apply' }).state;
    const copy = JSON.parse(JSON.stringify(start));
    const next = yaml(pod('p', { claims: ['a'] }));
    expect(applyManifest(copy, next, { mode: 'apply' }).state).toEqual(applyManifest(start, next, { mode: 'apply' }).state);
  });
});

describe('invariants under random operations (fast-check)', () => {
  const op = fc.oneof(
    fc.record({ type: fc.constant('pv' as const), i: fc.integer({ min: 0, max: 5 }), size: fc.constantFrom('1Gi', '2Gi', '5Gi'), mode: fc.constantFrom('ReadWriteOnce', 'ReadWriteMany') }),
    fc.record({ type: fc.constant('pvc' as const), i: fc.integer({ min: 0, max: 5 }), size: fc.constantFrom('1Gi', '2Gi', '3Gi'), mode: fc.constantFrom('ReadWriteOnce', 'ReadWriteMany') }),
    fc.record({ type: fc.constant('delete-pvc' as const), i: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ type: fc.constant('pod' as const), i: fc.integer({ min: 0, max: 5 }) }),
  );

  type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
  function run(ops: readonly Op[]) {
    let state = createCluster({ preset: 'bare' });
    for (const o of ops) {
      if (o.type === 'pv') state = applyManifest(state, yaml(pv(`v${o.i}`, { capacity: o.size, modes: [o.mode], className: '' })), { mode: 'create' }).state;
      if (o.type === 'pvc') state = applyManifest(state, yaml(pvc(`c${o.i}`, { request: o.size, modes: [o.mode], className: '' })), { mode: 'create' }).state;
      if (o.type === 'pod') state = applyManifest(state, yaml(pod(`p${o.i}`, { claims: [`c${o.i}`] })), { mode: 'create' }).state;
      if (o.type === 'delete-pvc') {
        state = act(state, 'delete', (txn) => deleteObject(txn, 'PersistentVolumeClaim', `default/c${o.i}`)).state;
      }
    }
    return state;
  }

  it('no volume is bound to two claims, every binding points both ways, and the same ops give the same state', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 14 }), (ops) => {
        const final = run(ops);
        // Same operations, same seed: the same cluster, byte for byte.
        expect(JSON.stringify(run(ops))).toBe(JSON.stringify(final));
        const objects = allObjects(final);
        const claims = objects.filter((o) => o.kind === 'PersistentVolumeClaim');
        const volumes = objects.filter((o) => o.kind === 'PersistentVolume');
        const boundNames = claims.map((c) => c.spec?.volumeName).filter(Boolean);
        expect(new Set(boundNames).size).toBe(boundNames.length);
        for (const c of claims) {
          if (c.status?.phase !== 'Bound') continue;
          const v = volumes.find((x) => x.metadata.name === c.spec?.volumeName);
          expect(v?.spec?.claimRef?.uid).toBe(c.metadata.uid);
          expect(v?.status?.phase).toBe('Bound');
        }
        for (const v of volumes) {
          if (v.status?.phase !== 'Bound') continue;
          const c = claims.find((x) => x.metadata.uid === v.spec?.claimRef?.uid);
          expect(c?.spec?.volumeName).toBe(v.metadata.name);
        }
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
