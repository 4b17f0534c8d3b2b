// Table-driven tests of the PV binder. Each case names the rule of
// shared/reference/k8s-storage-semantics.md it checks. Every case runs twice: once with a
// single binder sync over the created objects, once until the cluster settles; then a further
// pass of every controller must change nothing (idempotence).
import { describe, expect, it } from 'vitest';
import { beginTxn } from '../../cluster/store.ts';
import { CONTROLLERS } from '../registry.ts';
import { runOnce } from '../../runtime/settle.ts';
import type { Step } from '../../cluster/state.ts';
import { pv, pvc, pod, storageClass } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';
import { pvBinder } from './index.ts';
import { applyDocuments } from '../../manifest/apply-documents.ts';
import { parseManifestText } from '../../manifest/parse.ts';
import { yaml } from '../../testing/builders.ts';
import { applyManifest } from '../../write.ts';

interface Case {
  name: string;
  rule: string;
  preset?: 'bare' | 'kind';
  objects: unknown[];
  /** `PersistentVolumeClaim/default/c1` → phase, or `PersistentVolumeClaim/default/c1.volume` → bound volume name. */
  expected: Record<string, string | undefined>;
  /** Event lines (`Type Reason message` prefixes) expected on a claim. */
  claimEvents?: Record<string, string[]>;
  /** Whether one binder sync is enough (false when another controller must act first). */
  oneSync?: boolean;
}

const EXTERNAL_MSG =
  "Waiting for a volume to be created either by the external provisioner 'example.com/nas' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.";

const cases: Case[] = [
  {
    name: 'binds the smallest volume that fits',
    rule: '§2.1 step 14: keep the PV with the smallest capacity',
    objects: [pv('big', { capacity: '10Gi', className: '' }), pv('small', { capacity: '3Gi', className: '' }), pvc('c1', { request: '2Gi', className: '' })],
    expected: { 'c1.volume': 'small', 'PersistentVolume/big': 'Available', 'PersistentVolume/small': 'Bound', c1: 'Bound' },
  },
  {
    name: 'the access-mode group with the fewest modes is searched first',
    rule: '§2.1 step 1: a RWO claim binds the 10Gi [RWO] volume before the 2Gi [RWO,ROX,RWX] one',
    objects: [pv('pv-a', { capacity: '10Gi', className: '' }), pv('pv-b', { capacity: '2Gi', modes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'], className: '' }), pvc('c1', { request: '1Gi', className: '' })],
    expected: { 'c1.volume': 'pv-a', c1: 'Bound' },
  },
  {
    name: 'capacity compares numerically: 1G does not satisfy 1Gi',
    rule: '§2.1 step 2',
    objects: [pv('pv-1g', { capacity: '1G', className: '' }), pvc('c1', { request: '1Gi', className: '' })],
    expected: { c1: 'Pending', 'PersistentVolume/pv-1g': 'Available' },
    claimEvents: { c1: ['Normal FailedBinding no persistent volumes available for this claim and no storage class is set'] },
  },
  {
    name: 'access modes must be a subset of the volume\'s',
    rule: '§2.1 step 1 / §6: the PV\'s modes must be a superset of the claim\'s',
    objects: [pv('rwo', { className: '' }), pvc('c1', { modes: ['ReadWriteMany'], className: '' })],
    expected: { c1: 'Pending' },
  },
  {
    name: 'storage classes must be string-equal; a missing class object does not matter for static binding',
    rule: '§2.2',
    objects: [pv('manual-pv', { className: 'manual' }), pvc('other', { className: '' }), pvc('c1', { className: 'manual' })],
    expected: { 'c1.volume': 'manual-pv', other: 'Pending' },
  },
  {
    name: 'volume mode must match',
    rule: '§2.1 step 3',
    objects: [pv('block', { volumeMode: 'Block', className: '' }), pvc('c1', { className: '' })],
    expected: { c1: 'Pending', 'PersistentVolume/block': 'Available' },
  },
  {
    name: 'a claim selector must match the volume labels',
    rule: '§2.1 step 10',
    objects: [pv('plain', { capacity: '2Gi', className: '' }), pv('fast', { capacity: '9Gi', labels: { tier: 'fast' }, className: '' }), pvc('c1', { selector: { tier: 'fast' }, className: '' })],
    expected: { 'c1.volume': 'fast' },
  },
  {
    name: 'a volume pre-bound by claimRef is reserved for that claim, even when a smaller one fits',
    rule: '§2.3 volume side + §2.1 steps 1 and 7',
    objects: [pv('reserved', { capacity: '10Gi', claimRef: { name: 'c2' }, className: '' }), pv('small', { capacity: '1Gi', className: '' }), pvc('c1', { request: '5Gi', className: '' }), pvc('c2', { request: '1Gi', className: '' })],
    expected: { c1: 'Pending', 'c2.volume': 'reserved', 'PersistentVolume/small': 'Available' },
  },
  {
    name: 'a claim naming a too small volume gets VolumeMismatch',
    rule: '§2.3 claim side: checkVolumeSatisfyClaim',
    objects: [pv('tiny', { capacity: '1Gi', className: '' }), pvc('c1', { request: '2Gi', volumeName: 'tiny', className: '' })],
    expected: { c1: 'Pending' },
    claimEvents: { c1: ['Warning VolumeMismatch Cannot bind to requested volume "tiny": requested PV is too small'] },
  },
  {
    name: 'a claim naming a volume bound elsewhere gets FailedBinding',
    rule: '§2.3 claim side: already bound to a different claim',
    objects: [pv('taken', { claimRef: { name: 'owner' }, className: '' }), pvc('owner', { className: '' }), pvc('c1', { volumeName: 'taken', className: '' })],
    expected: { 'owner.volume': 'taken', c1: 'Pending' },
    claimEvents: { c1: ['Warning FailedBinding volume "taken" already bound to a different claim.'] },
  },
  {
    name: 'a claim naming a volume that does not exist waits silently',
    rule: '§2.3 claim side: no event',
    objects: [pvc('c1', { volumeName: 'later', className: '' })],
    expected: { c1: 'Pending' },
    claimEvents: { c1: [] },
  },
  {
    name: 'a missing StorageClass fails provisioning with its NotFound message',
    rule: '§2.2 / §4.2',
    objects: [pvc('c1', { className: 'fast' })],
    expected: { c1: 'Pending' },
    claimEvents: { c1: ['Warning ProvisioningFailed storageclass.storage.k8s.io "fast" not found'] },
  },
  {
    name: 'kubernetes.io/no-provisioner with Immediate binding has no plugin',
    rule: '§4.2',
    objects: [storageClass('local', { provisioner: 'kubernetes.io/no-provisioner' }), pvc('c1', { className: 'local' })],
    expected: { c1: 'Pending' },
    claimEvents: { c1: ['Warning ProvisioningFailed no volume plugin matched name: kubernetes.io/no-provisioner'] },
  },
  {
    name: 'an external provisioner that is not running leaves the claim Pending with v1.34\'s message',
    rule: '§4.4 and §14 (ExternalProvisioning text)',
    objects: [storageClass('nas', { provisioner: 'example.com/nas' }), pvc('c1', { className: 'nas' })],
    expected: { c1: 'Pending' },
    claimEvents: { c1: [`Normal ExternalProvisioning ${EXTERNAL_MSG}`] },
  },
  {
    name: 'WaitForFirstConsumer with no pod waits for a consumer',
    rule: '§2.1 step 3.2 / §5.4 step 1',
    preset: 'kind',
    objects: [pvc('c1')],
    expected: { c1: 'Pending' },
    claimEvents: { c1: ['Normal WaitForFirstConsumer waiting for first consumer to be created before binding'] },
  },
  {
    name: 'WaitForFirstConsumer: the scheduler picks a node, local-path provisions there, the claim binds',
    rule: '§5.4 steps 2-4, §4.5',
    preset: 'kind',
    objects: [pvc('c1', { request: '2Gi' }), pod('p1', { claims: ['c1'] })],
    expected: { c1: 'Bound', 'Pod/p1': 'Running' },
    claimEvents: {
      c1: [
        'Normal WaitForPodScheduled waiting for pod p1 to be scheduled',
        "Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path'",
        'Normal Provisioning External provisioner is provisioning volume for claim "default/c1"',
        'Normal ProvisioningSucceeded Successfully provisioned volume pvc-',
      ],
    },
    oneSync: false,
  },
];

function check(tc: TestCluster, c: Case): void {
  for (const [key, want] of Object.entries(c.expected)) {
    if (key.endsWith('.volume')) {
      expect(tc.get('PersistentVolumeClaim', `default/${key.slice(0, -7)}`)?.spec?.volumeName, key).toBe(want);
    } else if (key.includes('/')) {
      const [kind, name] = key.split('/') as ['PersistentVolume' | 'Pod', string];
      expect(tc.phase(kind, kind === 'Pod' ? `default/${name}` : name), key).toBe(want);
    } else {
      expect(tc.phase('PersistentVolumeClaim', `default/${key}`), key).toBe(want);
    }
  }
  for (const [claim, lines] of Object.entries(c.claimEvents ?? {})) {
    const got = tc.events('PersistentVolumeClaim', claim);
    expect(got.length, `events of ${claim}: ${got.join(' | ')}`).toBe(lines.length);
    lines.forEach((prefix, i) => expect(got[i]).toContain(prefix));
  }
}

describe.each(cases)('persistentvolume-binder: $name ($rule)', (c) => {
  it('settles to the expected state and events', () => {
    const tc = TestCluster.of(c.preset ?? 'bare');
    tc.apply(...c.objects);
    check(tc, c);
    // Idempotence: one more pass of every controller changes no object.
    const txn = beginTxn(tc.state);
    const steps: Step[] = [];
    for (const controller of CONTROLLERS) runOnce(txn, controller, steps);
    expect(steps.flatMap((s) => s.changes)).toEqual([]);
  });

  if (c.oneSync !== false) {
    it('reaches the same binding in a single binder sync', () => {
      const tc = TestCluster.of(c.preset ?? 'bare');
      const txn = beginTxn(tc.state);
      applyDocuments(txn, parseManifestText(yaml(...c.objects)), { mode: 'create' });
      // Volumes need one sync to become Available before claims can match them; the binder
      // does both in one pass (volumes first), like syncVolume before syncClaim.
      runOnce(txn, pvBinder, []);
      tc.state = txn.state;
      for (const [key, want] of Object.entries(c.expected)) {
        if (key.endsWith('.volume')) expect(tc.get('PersistentVolumeClaim', `default/${key.slice(0, -7)}`)?.spec?.volumeName, key).toBe(want);
      }
    });
  }
});

describe('binding details', () => {
  it('writes the binding both ways with the controller annotations, and the claim reports the volume\'s size and modes (§1.4-1.6)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('example-pv', { capacity: '5Gi', modes: ['ReadWriteOnce', 'ReadWriteMany'], className: '' }), pvc('example-pvc', { request: '2Gi', className: '' }));
    const claim = tc.get('PersistentVolumeClaim', 'default/example-pvc')!;
    const volume = tc.get('PersistentVolume', 'example-pv')!;
    expect(volume.spec?.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'example-pvc', uid: claim.metadata.uid });
    expect(volume.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    expect(claim.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claim.status).toMatchObject({ phase: 'Bound', capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce', 'ReadWriteMany'] });
  });

  it('a user pre-bound claim gets bind-completed but not bound-by-controller (§1.5)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('named', { className: '' }), pvc('c1', { volumeName: 'named', className: '' }));
    const claim = tc.get('PersistentVolumeClaim', 'default/c1')!;
    expect(claim.metadata.annotations?.['pv.kubernetes.io/bind-completed']).toBe('yes');
    expect(claim.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBeUndefined();
  });

  it('a PV pre-bound by claimRef gets no bound-by-controller annotation (§1.5)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('reserved', { claimRef: { name: 'c1' }, className: '' }), pvc('c1', { className: '' }));
    expect(tc.phase('PersistentVolumeClaim', 'default/c1')).toBe('Bound');
    expect(tc.get('PersistentVolume', 'reserved')!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBeUndefined();
  });

  it('n claims and n equal volumes bind one to one (no volume bound twice)', () => {
    const tc = TestCluster.of('bare');
    const objects = Array.from({ length: 20 }, (_, i) => [pv(`v${i}`, { className: '' }), pvc(`c${i}`, { className: '' })]).flat();
    tc.apply(...objects);
    const names = Array.from({ length: 20 }, (_, i) => tc.get('PersistentVolumeClaim', `default/c${i}`)!.spec!.volumeName);
    expect(new Set(names).size).toBe(20);
    expect(names.every(Boolean)).toBe(true);
  });
});

describe('the recorded decision (state.binding), which explanations read', () => {
  it('records every volume with the first condition it fails and why the claim waits, and drops it once bound', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c', { className: '', request: '2Gi' }), pv('tiny', { capacity: '1Gi', className: '' }));
    expect(tc.state.binding?.['default/c']).toMatchObject({ decision: 'no-class', volumes: [{ name: 'tiny', failed: 'too small: 1Gi < 2Gi requested' }] });
    tc.apply(pv('big', { capacity: '5Gi', className: '' }));
    expect(tc.phase('PersistentVolumeClaim', 'default/c')).toBe('Bound');
    expect(tc.state.binding?.['default/c']).toBeUndefined();
  });

  it('says what a claim waits for: a consumer, a named volume, a provisioner', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pvc('wffc'), pvc('named', { className: '', volumeName: 'later' }), storageClass('ext', { provisioner: 'example.com/nfs', mode: 'Immediate' }), pvc('ext', { className: 'ext' }));
    expect(tc.state.binding?.['default/wffc']?.decision).toBe('wait-for-first-consumer');
    expect(tc.state.binding?.['default/named']?.decision).toBe('named-volume-missing');
    expect(tc.state.binding?.['default/ext']?.decision).toBe('provisioning');
  });

  it('is worked out again only when the claim or a volume changed, and goes with its claim', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c', { className: '', request: '2Gi' }), pv('tiny', { capacity: '1Gi', className: '' }));
    const first = tc.state.binding!['default/c']!;
    tc.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unrelated' }, data: { a: 'b' } });
    expect(tc.state.binding!['default/c']).toBe(first);
    tc.apply(pv('tiny', { capacity: '1Gi', className: '', labels: { moved: 'yes' } }));
    expect(tc.state.binding!['default/c']).not.toBe(first);
    tc.state = applyManifest(tc.state, yaml(pvc('c', { className: '', request: '2Gi' })), { mode: 'delete' }).state;
    expect(tc.state.binding?.['default/c']).toBeUndefined();
  });
});
