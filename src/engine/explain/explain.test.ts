// Explanations: what a learner gets from `kubesim explain` for a Pending claim or pod.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { act, captureStates, deleteObject, viewOf } from '../index.ts';
import { applyManifest } from '../write.ts';
import { explainObject, formatExplanation, type Explanation } from './index.ts';
import { checkBinding } from '../api/volume-binding.ts';
import { pod, pv, pvc, storageClass, yaml } from '../testing/builders.ts';
import { TestCluster } from '../testing/harness.ts';

function explain(tc: TestCluster, target: string): Explanation {
  const r = explainObject(viewOf(tc.state), target);
  if (!r.ok) throw new Error(r.error);
  return r.explanation;
}

describe('explain a claim', () => {
  it.each([
    {
      name: 'WaitForFirstConsumer with no pod is normal (§5.4 step 1)',
      preset: 'kind' as const,
      objects: [pvc('c')],
      headline: 'uses volumeBindingMode WaitForFirstConsumer',
      fix: 'create a pod that mounts the claim',
    },
    {
      name: 'no class and no default: only a static volume can bind it (§2.1 step 3.4)',
      preset: 'bare' as const,
      objects: [pvc('c', { request: '2Gi' }), pv('tiny', { capacity: '1Gi', className: '' })],
      headline: 'names no StorageClass and the cluster has no default class',
      fix: 'create a PersistentVolume with 2Gi or more, RWO, Filesystem, class ""',
      row: ['tiny', 'no: too small: 1Gi < 2Gi requested'],
    },
    {
      name: 'storageClassName "" opts out of provisioning (§2.2)',
      preset: 'kind' as const,
      objects: [pvc('c', { className: '' }), pv('fast', { className: 'standard' })],
      headline: 'Its storageClassName is "", which opts out of dynamic provisioning',
      row: ['fast', 'no: storage class "standard", but the claim wants none ("")'],
    },
    {
      name: 'a missing class (§4.2)',
      preset: 'bare' as const,
      objects: [pvc('c', { className: 'gold' })],
      headline: 'its StorageClass "gold" does not exist',
      fix: 'create StorageClass "gold"',
    },
    {
      name: 'a provisioner that is not running (§4.4)',
      preset: 'bare' as const,
      objects: [storageClass('ebs', { provisioner: 'ebs.csi.aws.com' }), pvc('c', { className: 'ebs' })],
      headline: 'is served by ebs.csi.aws.com, which is not running in this cluster',
      fix: 'install the ebs.csi.aws.com driver (apply its CSIDriver object)',
    },
    {
      name: 'kubernetes.io/no-provisioner provisions nothing (§4.2)',
      preset: 'bare' as const,
      objects: [storageClass('local', { provisioner: 'kubernetes.io/no-provisioner' }), pvc('c', { className: 'local' })],
      headline: 'it is for statically created local volumes',
    },
    {
      name: 'a Released Retain volume must be cleared by an admin (§7)',
      preset: 'bare' as const,
      objects: [pv('old', { className: '', claimRef: { name: 'gone' } }), pvc('c', { className: '' })],
      row: ['old', 'no: it is reserved for claim default/gone'],
    },
    {
      name: 'a selector that matches no labels (§2.1 step 10)',
      preset: 'bare' as const,
      objects: [pv('plain', { className: '' }), pvc('c', { className: '', selector: { tier: 'gold' } })],
      row: ['plain', "no: its labels do not match the claim's selector"],
    },
    {
      name: 'access modes (§2.1 step 1)',
      preset: 'bare' as const,
      objects: [pv('rwo', { className: '' }), pvc('c', { className: '', modes: ['ReadWriteMany'] })],
      row: ['rwo', 'no: access modes RWO do not include RWX'],
    },
  ])('$name', ({ preset, objects, headline, fix, row }) => {
    const tc = TestCluster.of(preset);
    tc.apply(...objects);
    const e = explain(tc, 'pvc/c');
    expect(e.status).toBe('Pending');
    if (headline) expect(e.headline).toContain(headline);
    if (fix) expect(e.fixes).toContain(fix);
    if (row) expect(e.sections[0]!.rows).toContainEqual({ name: row[0], verdict: row[1] });
  });

  it('a bound claim says which volume and that its capacity is the volume\'s (§1.6)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('example-pv', { className: '' }), pvc('c', { className: '', request: '2Gi' }));
    expect(explain(tc, 'pvc/c')).toMatchObject({ status: 'Bound', headline: expect.stringContaining('bound to volume example-pv (5Gi, RWO, reclaim policy Retain)') });
    // A hostPath volume is never attached, so ReadWriteOnce is not enforced (§6).
    expect(explain(tc, 'pvc/c').headline).toContain('ReadWriteOnce is not enforced for this volume');
  });

  it('a claim kept by pvc-protection names the pods that hold it (§8)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '' }), pvc('c', { className: '' }), pod('p', { claims: ['c'] }));
    tc.state = act(tc.state, 'delete', (txn) => deleteObject(txn, 'PersistentVolumeClaim', 'default/c')).state;
    expect(explain(tc, 'pvc/c')).toMatchObject({
      status: 'Terminating',
      headline: 'It was deleted, but the kubernetes.io/pvc-protection finalizer keeps it while pods on nodes still use it: p.',
      fixes: ['delete the pods that use it (p); the claim then goes away'],
    });
  });
});

it('a Bound EBS claim says ReadWriteOnce is enforced at attach time (§6)', () => {
  const tc = TestCluster.of('multi-az');
  tc.apply(pvc('c'), pod('p', { claims: ['c'] }));
  expect(explain(tc, 'pvc/c').headline).toContain('ReadWriteOnce is enforced when the volume is attached: a pod on a second node gets a Multi-Attach error.');
});

describe('explain a pod', () => {
  it('lists each node with the plugin that rejected it, and the fixes', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pod('p', { nodeSelector: { disk: 'ssd' } }));
    const e = explain(tc, 'pod/p');
    expect(e.sections[0]!.rows).toEqual([
      { name: 'kind-control-plane', verdict: 'TaintToleration: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
      { name: 'kind-worker', verdict: "NodeAffinity: node(s) didn't match Pod's node affinity/selector" },
      { name: 'kind-worker2', verdict: "NodeAffinity: node(s) didn't match Pod's node affinity/selector" },
    ]);
    expect(e.fixes).toEqual([
      "TaintToleration: add a toleration for the node's taint to the pod, or remove the taint",
      "NodeAffinity: label a node to match the pod's nodeSelector/affinity, or relax the selector",
    ]);
  });

  it('a missing claim stops the pod before any node is tried (§5.2)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pod('p', { claims: ['nope'] }));
    expect(explain(tc, 'pod/p')).toMatchObject({ headline: 'No node was even tried: persistentvolumeclaim "nope" not found (VolumeBinding).' });
  });

  it('a pod waiting on a ConfigMap for its environment (§12.6)', () => {
    const tc = TestCluster.of('bare');
    tc.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'busybox', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }] },
    });
    expect(explain(tc, 'pod/p')).toMatchObject({ status: 'CreateContainerConfigError', headline: expect.stringContaining('configmap "settings" not found') });
  });

  it('prints as plain text', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c', { request: '2Gi' }), pv('tiny', { capacity: '1Gi', className: '' }));
    expect(formatExplanation(explain(tc, 'pvc/c'))).toBe(
      [
        'PersistentVolumeClaim default/c is Pending.',
        'No volume satisfies it (2Gi or more, RWO, Filesystem, class ""), and it names no StorageClass and the cluster has no default class, so nothing can be provisioned.',
        '',
        'Volumes:',
        '  tiny   no: too small: 1Gi < 2Gi requested',
        '',
        'Fixes:',
        '  - create a PersistentVolume with 2Gi or more, RWO, Filesystem, class ""',
        '  - or mark a StorageClass as the default (annotation storageclass.kubernetes.io/is-default-class: "true"): the claim then gets it',
        '',
      ].join('\n'),
    );
  });

  it('says what it cannot explain', () => {
    const tc = TestCluster.of('bare');
    expect(explainObject(viewOf(tc.state), 'pvc/nope')).toEqual({ ok: false, error: 'persistentvolumeclaims "nope" not found' });
    expect(explainObject(viewOf(tc.state), 'node/node-1')).toMatchObject({ ok: false });
    expect(explainObject(viewOf(tc.state), 'data')).toMatchObject({ ok: false, error: expect.stringContaining('expected KIND/NAME') });
  });
});

describe('explanations agree with the binder (fast-check)', () => {
  it('a settled Pending claim has no volume that "would bind"; a Bound claim\'s volume passes every condition', () => {
    const volume = fc.record({ size: fc.constantFrom('1Gi', '2Gi', '5Gi'), mode: fc.constantFrom('ReadWriteOnce', 'ReadWriteMany'), cls: fc.constantFrom('', 'fast') });
    const claim = fc.record({ size: fc.constantFrom('1Gi', '3Gi'), mode: fc.constantFrom('ReadWriteOnce', 'ReadWriteMany'), cls: fc.constantFrom('', 'fast') });
    fc.assert(
      fc.property(fc.array(volume, { maxLength: 5 }), fc.array(claim, { minLength: 1, maxLength: 4 }), (vs, cs) => {
        const tc = TestCluster.of('bare');
        tc.apply(...vs.map((v, i) => pv(`v${i}`, { capacity: v.size, modes: [v.mode], className: v.cls })), ...cs.map((c, i) => pvc(`c${i}`, { request: c.size, modes: [c.mode], className: c.cls })));
        const view = viewOf(tc.state);
        for (const c of view.list('PersistentVolumeClaim')) {
          if (c.status?.phase === 'Bound') {
            const bound = view.get('PersistentVolume', c.spec!.volumeName!)!;
            expect(checkBinding({ ...bound, spec: { ...bound.spec, claimRef: undefined }, status: { phase: 'Available' } }, c).ok).toBe(true);
          } else {
            expect(view.list('PersistentVolume').some((v) => checkBinding(v, c).ok)).toBe(false);
          }
        }
      }),
      { numRuns: 80, seed: 7 },
    );
  });
});

describe('explanations read what the binder recorded', () => {
  it('at a step before the binder ran, a claim is explained as the binder last saw it (time travel)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c', { className: '', request: '2Gi' }));
    const captured = captureStates(() => applyManifest(tc.state, yaml(pv('big', { capacity: '5Gi', className: '' })), { mode: 'apply' }));
    const [userStep, ...controllerSteps] = captured.result.steps;
    expect(userStep!.actor).toBe('user');
    // The learner's step: the volume exists, the binder has not looked at it yet.
    const atUserStep = explainObject(viewOf(captured.states.get(userStep!)!), 'pvc/c');
    expect(atUserStep.ok && atUserStep.explanation.sections[0]!.rows).toEqual([{ name: '(none)', verdict: 'there are no PersistentVolumes in the cluster' }]);
    expect(controllerSteps.length).toBeGreaterThan(0);
    expect(explain(new TestCluster(captured.result.state), 'pvc/c').status).toBe('Bound');
  });

  it('a claim the binder has not looked at yet says so', () => {
    const tc = TestCluster.of('bare');
    const captured = captureStates(() => applyManifest(tc.state, yaml(pvc('c', { className: '' })), { mode: 'apply' }));
    const first = captured.result.steps[0]!;
    const r = explainObject(viewOf(captured.states.get(first)!), 'pvc/c');
    expect(r.ok && r.explanation).toMatchObject({ status: 'Pending', headline: expect.stringContaining('has not looked at it yet'), sections: [] });
  });
});
