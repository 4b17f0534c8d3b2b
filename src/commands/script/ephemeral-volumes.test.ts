// Generic ephemeral volumes: the claim `<pod>-<volume>` is made from the template, owned by the
// pod, provisioned like any claim, and removed with the pod; the pod waits for it meanwhile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

const POD = `kubectl apply -f - <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: scratch
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "echo hi > /scratch/f && sleep 3600"]
    volumeMounts:
    - {name: data, mountPath: /scratch}
  volumes:
  - name: data
    ephemeral:
      volumeClaimTemplate:
        metadata:
          labels: {type: scratch}
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 1Gi
YAML
`;

function run(script: string, preset: 'kind' | 'bare' = 'kind') {
  return runScript(script, { preset, quiet: true, files: { read: (p) => readFileSync(p, 'utf8') } });
}

describe('generic ephemeral volumes', () => {
  it('creates the claim from the template, owned by the pod, and the pod runs on it', () => {
    const r = run(POD + 'kubectl get pvc scratch-data\nkubectl exec scratch -- cat /scratch/f\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/scratch-data\s+Bound\s+pvc-/);
    expect(r.stdout).toContain('hi\n');
    const claim = r.state.objects.PersistentVolumeClaim!['default/scratch-data']!;
    expect(claim.metadata.labels).toEqual({ type: 'scratch' });
    expect(claim.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Pod', name: 'scratch', uid: r.state.objects.Pod!['default/scratch']!.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
  });

  it('removes the claim with its pod', () => {
    const r = run(POD + 'kubectl delete pod scratch\nsleep 40\nkubectl get pvc\n');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });

  it('keeps the pod Pending, saying why, while no claim can be made for it', () => {
    const r = run(POD + 'kubectl get pod scratch\nkubectl describe pod scratch\n', 'bare');
    expect(r.stdout).toMatch(/scratch\s+0\/1\s+Pending/);
    expect(r.stdout).toContain('pod has unbound immediate PersistentVolumeClaims');
  });
});
