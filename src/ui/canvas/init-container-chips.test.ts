// A pod card lists its init containers before its app containers, marked `init` (runs to
// completion first) or `sidecar` (restartPolicy Always, runs beside the app), with their restarts,
// and its status is kubectl's: Init:0/1 while an init container runs.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { viewOf } from '../../engine/index.ts';
import { cardOfPod } from './cards.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: wait, image: busybox:1.28, command: [sleep, "60"]}
  - {name: agent, image: busybox:1.28, restartPolicy: Always, command: [sleep, "3600"]}
  containers:
  - {name: app, image: nginx}
`;

describe('init containers on the pod card', () => {
  it('init and sidecar chips come first; the status is Init:0/2 while the first runs', () => {
    const state = applyManifest(createCluster({ preset: 'kind' }), POD, { mode: 'apply' }).state;
    const pod = viewOf(state).get('Pod', 'default/p')!;
    const card = cardOfPod(pod, state.now);
    expect(card.chips?.filter((c) => c.kind === 'container').map((c) => c.label)).toEqual(['init wait', 'sidecar agent', 'app']);
    // On a narrow card the init and sidecar chips give way first, so the app's container stays readable.
    expect(card.chips?.filter((c) => c.kind === 'container').map((c) => c.yields === true)).toEqual([true, true, false]);
    expect(card.status).toBe('Init:0/2');
  });
});
