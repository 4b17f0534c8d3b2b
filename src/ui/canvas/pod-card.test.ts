// A Pending pod held by its volume's zone shows, on its card, the zone it needs: the engine's
// explanation says it (zoneConflict); the card only prints it.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState, type Stored } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { cardOfPod } from './cards.ts';
import { toFlowGraph, type ObjectFlowNode } from './graph.ts';

const STRANDED = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: gp3-now}
provisioner: ebs.csi.aws.com
volumeBindingMode: Immediate
allowedTopologies:
- matchLabelExpressions:
  - {key: topology.kubernetes.io/zone, values: [us-east-1a]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: db}
spec:
  storageClassName: gp3-now
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  nodeSelector: {topology.kubernetes.io/zone: us-east-1c}
  containers:
  - {name: app, image: nginx, volumeMounts: [{name: d, mountPath: /d}]}
  volumes:
  - {name: d, persistentVolumeClaim: {claimName: db}}
`;

const podCard = (state: ClusterState) => toFlowGraph(state).nodes.find((n): n is ObjectFlowNode => n.id === 'Pod:default/app')!.data;

describe('the pod card of a pod stranded by its volume’s zone', () => {
  it('reads "needs zone us-east-1a" first, from the engine’s explanation', () => {
    const state = applyManifest(createCluster({ preset: 'multi-az' }), STRANDED, { mode: 'apply' }).state;
    const card = podCard(state);
    expect(card.status).toBe('Pending');
    expect(card.detail).toBe('needs zone us-east-1a · nginx');
  });

  it('a pod that is not held by a volume shows its image and readiness, as before', () => {
    const state = applyManifest(createCluster({ preset: 'multi-az' }), STRANDED.replace('us-east-1c', 'us-east-1a'), { mode: 'apply' }).state;
    expect(podCard(state).detail).toBe('nginx · 1/1 ready');
  });

  it('cardOfPod puts what it is given first and leaves out readiness', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } as Stored<'Pod'>;
    expect(cardOfPod(pod, 0, 'node kind-worker').detail).toBe('needs node kind-worker · busybox');
    expect(cardOfPod(pod, 0).detail).toBe('busybox · 0/1 ready');
  });
});
