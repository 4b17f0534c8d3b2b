// What survives what: the lesson of the course, checked end to end through kubectl exec.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import { treeEntries } from '../../engine/index.ts';

function run(script: string, preset: 'bare' | 'kind' | 'multi-az' = 'kind') {
  return runScript(script, { preset, quiet: true, files: { read: () => undefined } });
}

const podWith = (name: string, volume: string) => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: v, mountPath: /data}
  volumes:
  - name: v
    ${volume}
EOF
`;
const claim = (name: string, extra = '') => `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]${extra}
  resources:
    requests:
      storage: 1Gi
EOF
`;

describe('data lifecycles', () => {
  it("a claim's data outlives its pod (local-path on kind)", () => {
    const r = run(claim('data') + podWith('writer', 'persistentVolumeClaim: {claimName: data}') + "kubectl exec writer -- sh -c 'echo persisted > /data/f'\nkubectl delete pod writer\n" + podWith('reader', 'persistentVolumeClaim: {claimName: data}') + 'kubectl exec reader -- cat /data/f\n');
    expect(r.stdout.trim().split('\n').pop()).toBe('persisted');
  });

  it('an emptyDir dies with its pod', () => {
    const r = run(podWith('a', 'emptyDir: {}') + "kubectl exec a -- sh -c 'echo gone > /data/f'\nkubectl delete pod a\n" + podWith('a', 'emptyDir: {}') + 'kubectl exec a -- cat /data/f\n');
    expect(r.stderr).toBe("cat: can't open '/data/f': No such file or directory\ncommand terminated with exit code 1\n");
  });

  it('a Retained volume keeps its data; once an admin frees it, a new claim finds it there (§7)', () => {
    const pv = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: keep
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/keep
EOF
`;
    const script =
      pv +
      claim('first', '\n  storageClassName: ""') +
      podWith('w', 'persistentVolumeClaim: {claimName: first}') +
      "kubectl exec w -- sh -c 'echo still-here > /data/f'\nkubectl delete pod w\nkubectl delete pvc first\nkubectl get pv keep -o name\n" +
      `kubectl patch pv keep --type merge -p '{"spec":{"claimRef":null}}'\n` +
      claim('second', '\n  storageClassName: ""') +
      podWith('r', 'persistentVolumeClaim: {claimName: second}') +
      'kubectl exec r -- cat /data/f\n';
    const r = run(script, 'bare');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').pop()).toBe('still-here');
  });

  it("Delete removes a provisioned volume's data with it", () => {
    const r = run(claim('data') + podWith('w', 'persistentVolumeClaim: {claimName: data}') + "kubectl exec w -- sh -c 'echo x > /data/f'\nkubectl delete pod w\nkubectl delete pvc data\n");
    expect(Object.values(r.state.nodeFiles).some((tree) => treeEntries(tree).some(([p]) => p.startsWith('/var/local-path-provisioner/pvc-')))).toBe(false);
  });

  it("a CSI volume's data follows the volume, not the node", () => {
    const script =
      claim('data') +
      podWith('w', 'persistentVolumeClaim: {claimName: data}') +
      "kubectl exec w -- sh -c 'echo on-ebs > /data/f'\nkubectl delete pod w\n" +
      podWith('r', 'persistentVolumeClaim: {claimName: data}') +
      'kubectl exec r -- cat /data/f\n';
    expect(run(script, 'multi-az').stdout.trim().split('\n').pop()).toBe('on-ebs');
  });

  it("a container's writable layer is its own: a new pod starts from the image again", () => {
    const r = run(podWith('a', 'emptyDir: {}') + "kubectl exec a -- sh -c 'echo mine > /etc/note'\nkubectl exec a -- cat /etc/note\nkubectl delete pod a\n" + podWith('a', 'emptyDir: {}') + 'kubectl exec a -- cat /etc/note\n');
    expect(r.stdout).toContain('mine\n');
    expect(r.stderr).toContain("cat: can't open '/etc/note': No such file or directory");
  });
});

describe('read-only mounts (§6)', () => {
  const rox = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: shared
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadOnlyMany]
  storageClassName: ""
  nfs:
    server: 10.0.0.5
    path: /exports
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ro
spec:
  accessModes: [ReadOnlyMany]
  storageClassName: ""
  resources:
    requests:
      storage: 1Gi
EOF
`;
  it('ReadOnlyMany alone does not stop writes: access modes only pick the volume', () => {
    const r = run(rox + podWith('w', 'persistentVolumeClaim: {claimName: ro}') + "kubectl exec w -- sh -c 'echo written > /data/f && cat /data/f'\n", 'bare');
    expect(r.stdout.trim().split('\n').pop()).toBe('written');
  });

  it("readOnly on the pod's volume does", () => {
    const r = run(rox + podWith('w', 'persistentVolumeClaim: {claimName: ro, readOnly: true}') + "kubectl exec w -- sh -c 'echo written > /data/f'\n", 'bare');
    expect(r.stderr).toBe("sh: can't create /data/f: Read-only file system\ncommand terminated with exit code 1\n");
  });
});

describe('the Docker host behind `sudo`: where volumes and bind mounts live', () => {
  it('a named volume is /var/lib/docker/volumes/NAME/_data on the host, both ways', () => {
    const r = run(`docker volume create my-vol
docker run --rm -v my-vol:/app busybox sh -c 'echo "from the container" > /app/file.txt'
sudo ls /var/lib/docker/volumes
sudo cat /var/lib/docker/volumes/my-vol/_data/file.txt
sudo sh -c 'echo "from the host" > /var/lib/docker/volumes/my-vol/_data/file.txt'
docker run --rm -v my-vol:/app busybox cat /app/file.txt
`);
    expect(r.stdout).toBe('my-vol\nmy-vol\nfrom the container\nfrom the host\n');
  });

  it("a container's writable layer is its overlay2 diff directory on the host, and goes with docker rm", () => {
    const r = run(`docker run -d --name c1 busybox sleep 3600
docker exec c1 sh -c 'echo delta > /notes.txt'
sudo ls /var/lib/docker/overlay2
docker rm -f c1
sudo ls /var/lib/docker/overlay2
`);
    const dir = r.stdout.split('\n')[1]!;
    expect(dir).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout.endsWith(`${dir}\nc1\n`)).toBe(true);
    const again = run(`docker run -d --name c1 busybox sleep 3600
docker exec c1 sh -c 'echo delta > /notes.txt'
sudo cat /var/lib/docker/overlay2/${dir}/diff/notes.txt
`);
    expect(again.stdout.endsWith('delta\n')).toBe(true);
  });

  it('a bind mount is the host directory; a path the host lacks fails like ls', () => {
    const r = run(`docker run --rm -v /srv/site:/site busybox sh -c 'echo hi > /site/index.html'
sudo cat /srv/site/index.html
sudo ls /nope
`);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toContain('ls: /nope: No such file or directory\n');
    expect(r.exitCode).toBe(1);
  });
});

const podRunning = (name: string, command: string, extra = '') => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "${command}"]
    volumeMounts:
    - {name: scratch, mountPath: /scratch}
  volumes:
  - name: scratch
    emptyDir: {}
EOF
`;

describe('container restarts (restartPolicy; the kubelet restarts a container from its image)', () => {
  it('a restart resets the writable layer but keeps the emptyDir', () => {
    const r = run(`${podRunning('crash', 'echo started >> /scratch/starts; sleep 30')}
kubectl exec crash -- sh -c 'echo mine > /mine.txt; echo shared > /scratch/shared.txt'
sleep 45
kubectl get pod crash
kubectl exec crash -- cat /mine.txt
kubectl exec crash -- cat /scratch/shared.txt /scratch/starts
`);
    expect(r.stdout).toContain('crash   1/1     Running   1 (15s ago)   45s\n');
    expect(r.stderr).toContain("cat: can't open '/mine.txt': No such file or directory");
    expect(r.stdout).toContain('shared\nstarted\nstarted\n');
  });

  it('Always: a command that keeps failing goes into CrashLoopBackOff, restarted after 10 s, 20 s, 40 s…', () => {
    const r = run(`${podRunning('loop', 'echo try; exit 1')}
kubectl get pod loop
sleep 15
kubectl get pod loop
sleep 45
kubectl get pod loop
kubectl logs loop --previous
kubectl get events --field-selector reason=BackOff
kubectl exec loop -- ls
`);
    expect(r.stderr).toBe('error: unable to upgrade connection: container not found ("app")\n');
    expect(r.stdout).toContain('loop   0/1     CrashLoopBackOff   1 (0s ago)   0s\n');
    expect(r.stdout).toContain('loop   0/1     CrashLoopBackOff   2 (0s ago)   15s\n');
    expect(r.stdout).toContain('loop   0/1     CrashLoopBackOff   3 (15s ago)   60s\n');
    expect(r.stdout).toContain('loop   0/1     CrashLoopBackOff   3 (15s ago)   60s\ntry\n');
    expect(r.stdout).toMatch(/Warning {3}BackOff {3}pod\/loop {3}Back-off restarting failed container app in pod loop_default\([0-9a-f-]+\)/);
  });

  it('Never and OnFailure: a command that ends is not restarted; the pod Succeeds or Fails', () => {
    const r = run(`${podRunning('ok', 'echo done', '  restartPolicy: Never\n')}
${podRunning('bad', 'exit 2', '  restartPolicy: Never\n')}
${podRunning('retry', 'exit 0', '  restartPolicy: OnFailure\n')}
kubectl get pods
kubectl logs ok
kubectl logs ok --previous
`);
    expect(r.stderr).toBe('Error from server (BadRequest): previous terminated container "app" in pod "ok" not found\n');
    expect(r.stdout).toContain('bad     0/1     Error       0          0s\nok      0/1     Completed   0          0s\nretry   0/1     Completed   0          0s\n');
    expect(r.stdout.endsWith('retry   0/1     Completed   0          0s\ndone\n')).toBe(true);
  });
});
