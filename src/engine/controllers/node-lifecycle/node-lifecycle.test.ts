// A machine switched off: the node goes NotReady after the 50 s grace period and is tainted; the
// scheduler keeps away; its pods are evicted 300 s later; a Deployment's replacement lands on
// another node but waits on its read-write-once disk (Multi-Attach) until the old pod is gone and
// the 6-minute force-detach wait has passed; recovery undoes it all.
import { describe, expect, it } from 'vitest';
import { act, advanceClock, deleteObject, powerOff, powerOn, viewOf, type ClusterState, type Stored } from '../../index.ts';
import { explainObject } from '../../explain/index.ts';
import { nodesInZone } from '../../cluster/power.ts';
import { updateObject } from '../../cluster/apply.ts';
import { pod, pvc } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';

const web = (claim?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx:1.27', ...(claim ? { volumeMounts: [{ name: 'data', mountPath: '/data' }] } : {}) }],
        ...(claim ? { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] } : {}),
      },
    },
  },
});

function fail(tc: TestCluster, ...nodes: string[]): void {
  tc.state = act(tc.state, 'power off', (txn) => nodes.forEach((n) => powerOff(txn, n))).state;
}
function recover(tc: TestCluster, ...nodes: string[]): void {
  tc.state = act(tc.state, 'power on', (txn) => nodes.forEach((n) => powerOn(txn, n))).state;
}
function sleep(tc: TestCluster, seconds: number): void {
  tc.state = advanceClock(tc.state, seconds).state;
}
const node = (tc: TestCluster, name: string) => tc.get('Node', name)!;
const ready = (n: Stored<'Node'>) => n.status?.conditions?.find((c) => c.type === 'Ready');
const taints = (n: Stored<'Node'>) => (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
const pods = (state: ClusterState) => viewOf(state).list('Pod');
const webPods = (tc: TestCluster) => pods(tc.state).filter((p) => p.metadata.labels?.['app'] === 'web');

describe('node failure', () => {
  it('the node stays Ready for the 50 s grace period, then its conditions go Unknown and it is tainted unreachable', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pod('p', { nodeSelector: { 'kubernetes.io/hostname': 'worker-a1' } }));
    fail(tc, 'worker-a1');
    sleep(tc, 45);
    expect(ready(node(tc, 'worker-a1'))?.status).toBe('True');
    sleep(tc, 5);
    const n = node(tc, 'worker-a1');
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(n.status?.conditions?.find((c) => c.type === type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    expect(taints(n)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(tc.events('Node', 'worker-a1')).toEqual(['Normal NodeNotReady Node worker-a1 status is now: NodeNotReady']);
    // MarkPodsNotReady: the pod is no longer Ready, but its last reported phase and containers stay.
    const p = tc.get('Pod', 'default/p')!;
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(p.status?.phase).toBe('Running');
    expect(tc.events('Pod', 'p')).toContain('Warning NodeNotReady Node is not ready');
    // Only that node.
    expect(ready(node(tc, 'worker-a2'))?.status).toBe('True');
    expect(node(tc, 'worker-a2').spec?.taints).toBeUndefined();
  });

  it('the scheduler keeps new pods off it: untolerated unreachable taint', () => {
    const tc = TestCluster.of('multi-az');
    fail(tc, 'worker-a1');
    sleep(tc, 60);
    tc.apply(pod('pinned', { nodeSelector: { 'kubernetes.io/hostname': 'worker-a1' } }), pod('free'));
    expect(tc.get('Pod', 'default/pinned')!.spec?.nodeName).toBeUndefined();
    expect(tc.events('Pod', 'pinned').at(-1)).toBe(
      "Warning FailedScheduling 0/6 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 5 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.",
    );
    expect(tc.get('Pod', 'default/free')!.spec?.nodeName).not.toBe('worker-a1');
    const why = explainObject(viewOf(tc.state), 'pod/pinned', 'default');
    expect(why.ok && why.explanation.fixes).toContain(
      'TaintToleration: the node is not Ready (its kubelet is silent); the taint goes once it posts Ready again (kubesim node recover NODE)',
    );
  });

  it('pods are evicted when their 300 s toleration of the NoExecute taint runs out, and stay Terminating; the Deployment replaces its pod elsewhere', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(web());
    const [original] = webPods(tc);
    const where = original!.spec!.nodeName!;
    fail(tc, where);
    sleep(tc, 50); // NotReady and tainted now
    sleep(tc, 285);
    expect(tc.get('Pod', `default/${original!.metadata.name}`)!.metadata.deletionTimestamp).toBeUndefined();
    sleep(tc, 15);
    const evicted = tc.get('Pod', `default/${original!.metadata.name}`)!;
    expect(evicted.metadata.deletionTimestamp).toBeDefined(); // no kubelet to finish it
    // An ordinary graceful delete: the pod's own 30 s grace, and the timestamp is when it ends.
    expect(evicted.metadata.deletionGracePeriodSeconds).toBe(30);
    const evictedAt = Date.parse(evicted.status!.conditions!.find((c) => c.type === 'DisruptionTarget')!.lastTransitionTime!);
    expect(Date.parse(evicted.metadata.deletionTimestamp!)).toBe(evictedAt + 30_000);
    expect(evicted.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(tc.events('Pod', original!.metadata.name)).toContain(`Normal TaintManagerEviction Marking for deletion Pod default/${original!.metadata.name}`);
    const replacement = webPods(tc).find((p) => p.metadata.name !== original!.metadata.name)!;
    expect(replacement.spec?.nodeName).toBeDefined();
    expect(replacement.spec?.nodeName).not.toBe(where);
    expect(replacement.status?.phase).toBe('Running');
  });

  it('a read-write-once disk stays attached to the dead node: Multi-Attach until the old pod is gone and 6 minutes more have passed', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('data'), web('data'));
    const [original] = webPods(tc);
    const oldNode = original!.spec!.nodeName!;
    const volume = tc.get('PersistentVolumeClaim', 'default/data')!.spec!.volumeName!;
    fail(tc, oldNode);
    sleep(tc, 360); // NotReady at 50 s, evicted at 350 s
    const replacement = webPods(tc).find((p) => p.metadata.name !== original!.metadata.name)!;
    const zone = node(tc, oldNode).metadata.labels?.['topology.kubernetes.io/zone'];
    expect(node(tc, replacement.spec!.nodeName!).metadata.labels?.['topology.kubernetes.io/zone']).toBe(zone); // the disk's zone
    expect(tc.events('Pod', replacement.metadata.name)).toContain(`Warning FailedAttachVolume Multi-Attach error for volume "${volume}" Volume is already used by pod(s) ${original!.metadata.name}`);

    // The Terminating pod still wants the volume on its node: nothing changes however long we wait.
    sleep(tc, 600);
    expect(tc.phase('Pod', `default/${replacement.metadata.name}`)).toBe('Pending');

    // Forced out of the API, the old pod no longer wants it, but the dead node never unmounted it.
    tc.state = act(tc.state, 'force delete', (txn) => deleteObject(txn, 'Pod', `default/${original!.metadata.name}`, { gracePeriodSeconds: 0 })).state;
    expect(tc.get('Pod', `default/${original!.metadata.name}`)).toBeUndefined();
    sleep(tc, 360);
    expect(viewOf(tc.state).list('VolumeAttachment').map((va) => va.spec.nodeName)).toEqual([oldNode]);
    expect(tc.phase('Pod', `default/${replacement.metadata.name}`)).toBe('Pending');
    const detach = advanceClock(tc.state, 15);
    tc.state = detach.state;
    expect(detach.steps.map((s) => s.summary)).toContain(
      `attachdetach-controller force-detaching volume ${volume} from node ${oldNode}: it is still mounted there, but maxWaitForUnmountDuration 6m0s has expired and the node is not Ready`,
    );
    expect(viewOf(tc.state).list('VolumeAttachment').map((va) => va.spec.nodeName)).toEqual([replacement.spec!.nodeName]);
    expect(tc.phase('Pod', `default/${replacement.metadata.name}`)).toBe('Running');
    expect(tc.state.detachRequestedAt).toBeUndefined();
  });

  it('the out-of-service taint (non-graceful node shutdown): the pod is deleted and the disk detached at once', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('data'), web('data'));
    const [original] = webPods(tc);
    const oldNode = original!.spec!.nodeName!;
    fail(tc, oldNode);
    sleep(tc, 60);
    const r = act(tc.state, 'taint', (txn) => {
      const n = txn.get('Node', oldNode)!;
      // kubectl taint: an update of the node, through the learner's door.
      updateObject(txn, n, { ...n, spec: { ...n.spec, taints: [...(n.spec?.taints ?? []), { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute', timeAdded: '2026-01-01T00:01:00Z' }] } });
    });
    tc.state = r.state;
    expect(r.steps.map((s) => s.actor)).toEqual(expect.arrayContaining(['taint-eviction-controller', 'pod-garbage-collector', 'attachdetach-controller']));
    expect(tc.get('Pod', `default/${original!.metadata.name}`)).toBeUndefined();
    const pods = webPods(tc);
    expect(pods).toHaveLength(1);
    expect(pods[0]!.spec?.nodeName).not.toBe(oldNode);
    expect(pods[0]!.status?.phase).toBe('Running');
  });

  it('recovery: Ready again, taints gone, the Terminating pod finished, its disk detached at once for the replacement', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('data'), web('data'));
    const [original] = webPods(tc);
    const oldNode = original!.spec!.nodeName!;
    fail(tc, oldNode);
    sleep(tc, 360);
    recover(tc, oldNode);
    const n = node(tc, oldNode);
    expect(ready(n)).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(n.spec?.taints).toBeUndefined();
    expect(tc.events('Node', oldNode)).toEqual(expect.arrayContaining(['Normal Starting Starting kubelet.', `Normal NodeReady Node ${oldNode} status is now: NodeReady`]));
    expect(tc.get('Pod', `default/${original!.metadata.name}`)).toBeUndefined();
    const pods = webPods(tc);
    expect(pods).toHaveLength(1);
    expect(pods[0]!.status?.phase).toBe('Running');
    expect(tc.state.poweredOff).toBeUndefined();
  });

  it('a pod that was not evicted restarts after the machine comes back: last state Unknown (255), a new sandbox, its emptyDir kept', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cache' },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': 'worker-b1' },
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] }],
        volumes: [{ name: 'scratch', emptyDir: {} }],
      },
    });
    const uid = tc.get('Pod', 'default/cache')!.metadata.uid;
    tc.state = { ...tc.state, volumeData: { ...tc.state.volumeData, [`emptydir/${uid}/scratch`]: { '/a': { type: 'File', mode: 0o644, content: 'kept' } } as never } };
    fail(tc, 'worker-b1');
    sleep(tc, 120);
    recover(tc, 'worker-b1');
    const status = tc.get('Pod', 'default/cache')!.status!.containerStatuses![0]!;
    expect(status.restartCount).toBe(1);
    expect(status.state?.running).toBeDefined();
    expect(status.lastState?.terminated).toMatchObject({ reason: 'Unknown', exitCode: 255 });
    expect(tc.events('Pod', 'cache')).toContain('Normal SandboxChanged Pod sandbox changed, it will be killed and re-created.');
    expect(tc.state.volumeData[`emptydir/${uid}/scratch`]).toBeDefined();
  });

  it('a zone going down fails every node of the zone, and only those', () => {
    const tc = TestCluster.of('multi-az');
    fail(tc, ...nodesInZone(viewOf(tc.state), 'us-east-1b').map((n) => n.metadata.name));
    sleep(tc, 60);
    const notReady = viewOf(tc.state).list('Node').filter((n) => ready(n)?.status !== 'True').map((n) => n.metadata.name);
    expect(notReady).toEqual(['worker-b1', 'worker-b2']);
    // Another zone is healthy, so this is not "master disruption": the zone's nodes are tainted NoExecute.
    expect(taints(node(tc, 'worker-b2'))).toContain('node.kubernetes.io/unreachable:NoExecute');
  });

  it('when every zone has lost all its nodes, nothing is evicted (master disruption mode): a one-node cluster keeps its pods', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('p'));
    fail(tc, 'kind-control-plane');
    sleep(tc, 900);
    expect(taints(node(tc, 'kind-control-plane'))).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    expect(tc.get('Pod', 'default/p')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a failed node deleted from the API takes its machine with it: registered again, it is a new, running one', () => {
    const tc = TestCluster.of('multi-az');
    fail(tc, 'worker-c2');
    tc.state = act(tc.state, 'delete node', (txn) => deleteObject(txn, 'Node', 'worker-c2')).state;
    expect(tc.state.poweredOff).toBeUndefined();
    tc.apply({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-c2', labels: { 'topology.kubernetes.io/zone': 'us-east-1c' } } });
    sleep(tc, 120);
    expect(ready(node(tc, 'worker-c2'))?.status).toBe('True');
  });

  it('is level-triggered: a settled failed cluster stays as it is when the controllers run again', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(web());
    fail(tc, webPods(tc)[0]!.spec!.nodeName!);
    sleep(tc, 400);
    const again = act(tc.state, 'nothing', () => undefined);
    expect(again.steps).toEqual([]);
    expect(again.state.objects).toEqual(tc.state.objects);
  });
});
