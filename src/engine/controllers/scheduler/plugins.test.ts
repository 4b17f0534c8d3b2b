// The scheduler's filter plugins, one table: each case cites its rule and runs as one scheduler
// sync (everything else settled) and until settled.
import { describe, expect, it } from 'vitest';
import { pod, pv, pvc } from '../../testing/builders.ts';
import type { TestCluster } from '../../testing/harness.ts';
import { runCase, type ControllerCase } from '../../testing/table.ts';
import { scheduler } from './index.ts';

const NOT_HELPFUL = (n: number) => `preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;
const node = (name: string, labels: Record<string, string> = {}, spec: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec });
const withSpec = (p: ReturnType<typeof pod>, spec: Record<string, unknown>) => ({ ...p, spec: { ...p.spec, ...spec } });
const nodeOf = (tc: TestCluster, name: string) => tc.get('Pod', `default/${name}`)!.spec?.nodeName;
const verdict = (tc: TestCluster, podName: string) => tc.state.scheduling[`default/${podName}`];

const cases: ControllerCase[] = [
  {
    name: 'NodeUnschedulable: a cordoned node is skipped',
    rule: '§5.1 default filter order: NodeUnschedulable',
    preset: 'empty',
    given: [node('a', {}, { unschedulable: true }), node('b')],
    objects: [pod('p')],
    check: (tc) => expect(nodeOf(tc, 'p')).toBe('b'),
  },
  {
    name: 'NodeUnschedulable: tolerating node.kubernetes.io/unschedulable lets a pod onto a cordoned node',
    rule: '§5.1 NodeUnschedulable honours the unschedulable toleration',
    preset: 'empty',
    given: [node('a', {}, { unschedulable: true })],
    objects: [withSpec(pod('p'), { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] })],
    check: (tc) => expect(nodeOf(tc, 'p')).toBe('a'),
  },
  {
    name: 'TaintToleration: a NoSchedule taint keeps pods off',
    rule: '§5.1 TaintToleration; message `node(s) had untolerated taint {k: v}`',
    preset: 'empty',
    given: [node('gpu', {}, { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] })],
    objects: [pod('p')],
    check: (tc) => expect(tc.events('Pod', 'p')).toEqual([`Warning FailedScheduling 0/1 nodes are available: 1 node(s) had untolerated taint {gpu: true}. ${NOT_HELPFUL(1)}`]),
  },
  {
    name: 'TaintToleration: an Equal toleration admits the pod',
    rule: '§5.1 TaintToleration',
    preset: 'empty',
    given: [node('gpu', {}, { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] })],
    objects: [withSpec(pod('p'), { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' }] })],
    check: (tc) => expect(nodeOf(tc, 'p')).toBe('gpu'),
  },
  {
    name: 'TaintToleration: PreferNoSchedule does not filter',
    rule: '§5.1 TaintToleration filters NoSchedule and NoExecute only',
    preset: 'empty',
    given: [node('soft', {}, { taints: [{ key: 'maybe', effect: 'PreferNoSchedule' }] })],
    objects: [pod('p')],
    check: (tc) => expect(nodeOf(tc, 'p')).toBe('soft'),
  },
  {
    name: 'NodeAffinity: nodeSelector',
    rule: '§5.1 NodeAffinity includes nodeSelector',
    preset: 'empty',
    given: [node('hdd', { disk: 'hdd' }), node('ssd', { disk: 'ssd' })],
    objects: [pod('p', { nodeSelector: { disk: 'ssd' } })],
    check: (tc) => expect(nodeOf(tc, 'p')).toBe('ssd'),
  },
  {
    name: 'NodeAffinity: required node affinity with In',
    rule: '§5.1 NodeAffinity (requiredDuringSchedulingIgnoredDuringExecution)',
    preset: 'multi-az',
    objects: [
      withSpec(pod('p'), {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1c'] }] }] } } },
      }),
    ],
    check: (tc) => expect(nodeOf(tc, 'p')).toMatch(/^worker-c/),
  },
  {
    name: 'NodeAffinity: a node that fails the pod\'s selector never reaches VolumeBinding',
    rule: '§5.1: per node the first failing filter gives the reason',
    preset: 'kind-multinode',
    given: [pv('local', { className: '', nodeAffinityHost: 'kind-worker' }), pvc('c', { className: '' })],
    objects: [pod('p', { claims: ['c'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } })],
    check: (tc) => {
      expect(verdict(tc, 'p')!.nodes['kind-worker2']!.plugin).toBe('VolumeBinding');
      expect(verdict(tc, 'p')!.nodes['kind-worker']!.plugin).toBe('NodeAffinity');
    },
  },
  {
    name: 'VolumeBinding PreFilter: a claim in another namespace is not found',
    rule: '§5.2: claims must be in the pod\'s namespace',
    preset: 'bare',
    given: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }, pvc('shared', { namespace: 'team-a', className: '' })],
    objects: [pod('p', { claims: ['shared'] })],
    check: (tc) => expect(tc.events('Pod', 'p')).toEqual([`Warning FailedScheduling 0/1 nodes are available: persistentvolumeclaim "shared" not found. ${NOT_HELPFUL(1)}`]),
  },
  {
    name: 'VolumeBinding PreFilter: a claim being deleted',
    rule: '§5.2 / §8: persistentvolumeclaim "<name>" is being deleted',
    preset: 'bare',
    given: [pv('v', { className: '' }), pvc('c', { className: '' }), pod('holder', { claims: ['c'] })],
    prepare: (txn) => void txn.delete('PersistentVolumeClaim', 'default/c'),
    objects: [pod('late', { claims: ['c'] })],
    check: (tc) => expect(tc.events('Pod', 'late')).toEqual([`Warning FailedScheduling 0/1 nodes are available: persistentvolumeclaim "c" is being deleted. ${NOT_HELPFUL(1)}`]),
  },
  {
    name: 'VolumeBinding: a WaitForFirstConsumer claim gets selected-node for the chosen node',
    rule: '§5.4 step 3: provisioning: the scheduler writes volume.kubernetes.io/selected-node',
    preset: 'kind-multinode',
    objects: [pvc('c'), pod('p', { claims: ['c'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker' } })],
    check: (tc) => expect(tc.get('PersistentVolumeClaim', 'default/c')!.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('kind-worker'),
  },
  {
    name: 'VolumeBinding: a static WaitForFirstConsumer volume is reserved by the scheduler (claimRef)',
    rule: '§5.4 step 3: static match: the scheduler writes pv.spec.claimRef',
    preset: 'kind-multinode',
    given: [
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
      pv('disk', { className: 'local', nodeAffinityHost: 'kind-worker2' }),
      pvc('c', { className: 'local' }),
    ],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(tc.get('PersistentVolume', 'disk')!.spec?.claimRef).toMatchObject({ name: 'c', namespace: 'default' }),
  },
  {
    name: 'VolumeBinding: a bound volume\'s node affinity excludes other nodes',
    rule: '§5.3 (v1.34 wording, §14)',
    preset: 'kind-multinode',
    given: [pv('local', { className: '', nodeAffinityHost: 'kind-worker' }), pvc('c', { className: '' })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(nodeOf(tc, 'p')).toBe('kind-worker'),
  },
  {
    name: 'VolumeZone: a volume labelled with a zone keeps pods in that zone',
    rule: '§5.3: node(s) had no available volume zone',
    preset: 'multi-az',
    given: [{ ...pv('zoned', { className: '' }), metadata: { name: 'zoned', labels: { 'topology.kubernetes.io/zone': 'us-east-1b' } } }, pvc('c', { className: '' })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(nodeOf(tc, 'p')).toMatch(/^worker-b/),
  },
  {
    name: 'VolumeRestrictions: ReadWriteOncePod admits one scheduled pod',
    rule: '§6: node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode',
    preset: 'kind',
    given: [pvc('solo', { modes: ['ReadWriteOncePod'] }), pod('first', { claims: ['solo'] })],
    objects: [pod('second', { claims: ['solo'] })],
    check: (tc) => {
      expect(nodeOf(tc, 'second')).toBeUndefined();
      expect(verdict(tc, 'second')!.nodes['kind-control-plane']).toEqual({
        plugin: 'VolumeRestrictions',
        reason: 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode',
      });
    },
  },
  {
    name: 'scoring: the least busy node wins',
    rule: 'schedule_one: highest score (simplified to fewest pods, then name)',
    preset: 'empty',
    given: [node('a'), node('b'), pod('first')],
    objects: [pod('second')],
    check: (tc) => expect([nodeOf(tc, 'first'), nodeOf(tc, 'second')].sort()).toEqual(['a', 'b']),
  },
];

describe.each(cases)('scheduler: $name ($rule)', (c) => {
  it('single sync', () => void runCase(scheduler, c, 'single'));
  it('settled', () => void runCase(scheduler, c, 'settled'));
});
