// Small fidelity misses a learner meets (issue 11), each checked end to end through the script
// runner as a learner would type it.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import { accessModesString } from '../kubectl/printers/index.ts';

function run(script: string, preset: 'bare' | 'kind' | 'kind-multinode' = 'bare', quiet = true) {
  return runScript(script, { preset, quiet, files: { read: () => undefined } });
}

const staticPair = (modes: string, pvSize = '5Gi', request = '1Gi') => `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  capacity:
    storage: ${pvSize}
  accessModes: ${modes}
  storageClassName: ""
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: c1
spec:
  accessModes: ${modes}
  storageClassName: ""
  resources:
    requests:
      storage: ${request}
EOF
`;

const podUsing = (claim: string) => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: busybox
    command: [sleep, "3600"]
    volumeMounts:
    - {name: d, mountPath: /data}
  volumes:
  - name: d
    persistentVolumeClaim:
      claimName: ${claim}
EOF
`;

describe('access modes print in kubectl\'s order whatever the spec\'s', () => {
  it('GetAccessModesAsString: RWO, ROX, RWX, RWOP', () => {
    expect(accessModesString(['ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOnce'])).toBe('RWO,ROX,RWX,RWOP');
  });

  it('get pv, get pvc and describe pv/pvc list RWO,ROX,RWX for [RWX, ROX, RWO]', () => {
    const r = run(`${staticPair('[ReadWriteMany, ReadOnlyMany, ReadWriteOnce]')}kubectl get pv,pvc\nkubectl describe pv pv1\nkubectl describe pvc c1\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/persistentvolume\/pv1 +5Gi +RWO,ROX,RWX +Retain +Bound/);
    expect(r.stdout).toMatch(/persistentvolumeclaim\/c1 +Bound +pv1 +5Gi +RWO,ROX,RWX /);
    expect(r.stdout.match(/^Access Modes: +RWO,ROX,RWX$/gm)).toHaveLength(2);
  });
});

describe('a merge patch nulling metadata.finalizers', () => {
  it('removes a Terminating volume; its bound claim goes Lost with ClaimLost; a pod using it cannot be scheduled', () => {
    const r = run(`${staticPair('[ReadWriteOnce]')}kubectl delete pv pv1 --wait=false
kubectl get pv pv1 --no-headers
kubectl patch pv pv1 -p '{"metadata":{"finalizers":null}}'
kubectl get pv
kubectl get pvc c1 --no-headers
kubectl get events --field-selector reason=ClaimLost --no-headers
${podUsing('c1')}kubectl describe pod p
`);
    expect(r.stdout).toMatch(/pv1 .*Terminating/);
    expect(r.stdout).toContain('persistentvolume/pv1 patched\n');
    expect(r.stdout).not.toContain('(no change)');
    expect(r.stdout).toMatch(/^c1 +Lost +pv1 /m);
    expect(r.stdout).toMatch(/Warning +ClaimLost +persistentvolumeclaim\/c1 +Bound claim has lost its PersistentVolume. Data on the volume is lost!/);
    expect(r.stdout).toContain('0/1 nodes are available: persistentvolumeclaim "c1" bound to non-existent persistentvolume "pv1".');
    expect(r.stderr).toContain('No resources found');
  });

  it('removes a claim stuck Terminating while a pod uses it (the classic fix)', () => {
    const r = run(`${staticPair('[ReadWriteOnce]')}${podUsing('c1')}kubectl delete pvc c1 --wait=false
kubectl get pvc c1 --no-headers
kubectl patch pvc c1 -p '{"metadata":{"finalizers":null}}'
kubectl get pvc c1
`);
    expect(r.stdout).toMatch(/^c1 +Terminating /m);
    expect(r.stdout).toContain('persistentvolumeclaim/c1 patched\n');
    expect(r.stderr).toContain('Error from server (NotFound): persistentvolumeclaims "c1" not found');
  });

  it('a patch leaving finalizers out keeps them', () => {
    const r = run(`${staticPair('[ReadWriteOnce]')}kubectl patch pvc c1 -p '{"metadata":{"labels":{"a":"b"}}}'
kubectl get pvc c1 -o jsonpath='{.metadata.finalizers}'
`);
    expect(r.stdout).toContain('["kubernetes.io/pvc-protection"]');
  });
});

describe('resizing a claim bound to a static volume', () => {
  it('growing is refused by PersistentVolumeClaimResize admission, even below the volume\'s capacity', () => {
    // 1Gi request on a 5Gi volume: 3Gi grows the request, so the status.capacity rule does not apply.
    const r = run(`${staticPair('[ReadWriteOnce]')}kubectl patch pvc c1 -p '{"spec":{"resources":{"requests":{"storage":"3Gi"}}}}'\n`);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): persistentvolumeclaims "c1" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize\n',
    );
  });

  it('shrinking to or below status.capacity is invalid', () => {
    const r = run(`${staticPair('[ReadWriteOnce]', '5Gi', '2Gi')}kubectl patch pvc c1 -p '{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}'\n`);
    expect(r.stderr).toContain('spec.resources.requests.storage: Forbidden: field can not be less than status.capacity');
  });
});

describe('a pod\'s spec.nodeName', () => {
  it('cannot be changed by an update once the scheduler has set it', () => {
    const r = run(`kubectl run p --image=busybox -- sleep 3600
kubectl patch pod p -p '{"spec":{"nodeName":"other"}}'
kubectl get pod p -o jsonpath='{.spec.nodeName}'
`);
    expect(r.stderr).toContain('The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,');
    expect(r.stdout).toBe('pod/p created\nnode-1');
  });
});

describe('/proc/mounts in a container', () => {
  it('lists the overlay root, tmpfs for memory emptyDirs, Secrets and the token, the disk for a PV', () => {
    const r = run(`kubectl create secret generic s --from-literal=a=b
${staticPair('[ReadWriteOnce]')}kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: busybox
    command: [sleep, "3600"]
    volumeMounts:
    - {name: m, mountPath: /cache}
    - {name: s, mountPath: /etc/sec}
    - {name: d, mountPath: /data}
  volumes:
  - {name: m, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
  - {name: s, secret: {secretName: s}}
  - {name: d, persistentVolumeClaim: {claimName: c1}}
EOF
kubectl exec p -- cat /proc/mounts
`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[lines.indexOf('secret/s created') + 4]).toBe('overlay / overlay rw,relatime 0 0');
    expect(lines).toContain('tmpfs /cache tmpfs rw,relatime,size=65536k 0 0');
    expect(lines).toContain('tmpfs /etc/sec tmpfs ro,relatime,size=8131288k 0 0');
    expect(lines).toContain('/dev/sda1 /data ext4 rw,relatime 0 0');
    expect(lines).toContain('/dev/sda1 /etc/hosts ext4 rw,relatime 0 0');
    expect(lines).toContain('tmpfs /var/run/secrets/kubernetes.io/serviceaccount tmpfs ro,relatime,size=8131288k 0 0');
    // containerd orders the kubelet's mounts by depth: /data before /etc/sec before the token.
    expect(lines.indexOf('/dev/sda1 /data ext4 rw,relatime 0 0')).toBeLessThan(lines.indexOf('tmpfs /etc/sec tmpfs ro,relatime,size=8131288k 0 0'));
    expect(lines.at(-2)).toMatch(/^tmpfs \/var\/run\/secrets\/kubernetes.io\/serviceaccount /);
  });
});

describe('kubesim run echoes each command on a line of its own', () => {
  it('after output that did not end with a newline', () => {
    const r = run('printf abc\necho next\nprintf "x\\n"\necho y\n', 'bare', false);
    expect(r.stdout).toBe('$ printf abc\nabc\n$ echo next\nnext\n$ printf "x\\n"\nx\n$ echo y\ny\n');
  });

  it('adds nothing when quiet (there is no echo to start)', () => {
    expect(run('printf abc\necho next\n').stdout).toBe('abcnext\n');
  });
});

describe('the pod garbage collector', () => {
  it('force-deletes pods bound to a node that no longer exists', () => {
    const r = run(`kubectl run solo --image=busybox --overrides='{"spec":{"nodeName":"kind-worker"}}' -- sleep 3600
kubectl get pod solo -o jsonpath='{.spec.nodeName}'
kubectl delete node kind-worker
kubectl get pod solo
`, 'kind-multinode');
    expect(r.stdout).toContain('pod/solo created\nkind-worker');
    expect(r.stderr).toContain('Error from server (NotFound): pods "solo" not found');
    expect(r.steps.some((s) => s.actor === 'pod-garbage-collector' && s.summary.includes('default/solo') && s.summary.includes('no longer exists'))).toBe(true);
  });
});
