// kind's nodes as containers on the Docker host: listed by docker ps in the kind presets only,
// `docker exec` runs on the node's own files, and `docker stop` of a worker switches its machine off.
import { describe, expect, it } from 'vitest';
import type { PresetName } from '../../engine/index.ts';
import { runScript } from './run-script.ts';

const run = (text: string, preset: PresetName = 'kind') => runScript(text, { preset, quiet: true, files: { read: () => undefined } });

const POD = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: notes}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: writer}
spec:
  containers:
  - name: w
    image: busybox
    command: [sh, -c, "echo kept > /notes/n.txt && echo hi > /host/h.txt && sleep 3600"]
    volumeMounts: [{name: notes, mountPath: /notes}, {name: host, mountPath: /host}]
  volumes:
  - {name: notes, persistentVolumeClaim: {claimName: notes}}
  - {name: host, hostPath: {path: /mnt/data, type: DirectoryOrCreate}}
YAML
`;

describe('kind node containers', () => {
  it('docker ps lists each kind node with the node image, entrypoint and API server port', () => {
    const r = run('docker ps', 'kind-multinode');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('CONTAINER ID   IMAGE                  COMMAND                  CREATED          STATUS          PORTS                       NAMES');
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}kindest\/node:v1\.34\.0 {3}"\/usr\/local\/bin\/entr…" {3}40 seconds ago {3}Up 40 seconds {3}127\.0\.0\.1:\d{5}->6443\/tcp {3}kind-control-plane$/);
    expect(lines.slice(2, 4).map((l) => l.split(/ {2,}/).pop())).toEqual(['kind-worker', 'kind-worker2']);
    expect(run('docker ps', 'bare').stdout).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('docker exec runs on the node: the local-path directory pvc-<uid>_<ns>_<claim> and hostPath files are there', () => {
    const r = run(`${POD}kubectl wait --for=condition=Ready pod/writer --timeout=60s
docker exec kind-control-plane ls /var/local-path-provisioner
docker exec kind-control-plane cat /mnt/data/h.txt
docker exec kind-control-plane sh -c 'for d in /var/local-path-provisioner/*; do cat "$d/n.txt"; done'
docker exec kind-control-plane hostname`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\npvc-[0-9a-f-]{36}_default_notes\nhi\nkept\nkind-control-plane\n$/);
  });

  it('inspect shows the node on the kind network with its InternalIP and --hostname', () => {
    const out = JSON.parse(run('docker inspect kind-worker2', 'kind-multinode').stdout) as { Config: { Hostname: string }; NetworkSettings: { Networks: { kind: { IPAddress: string } } } }[];
    expect(out[0]!.NetworkSettings.Networks.kind.IPAddress).toBe('172.18.0.3');
    expect(out[0]!.Config.Hostname).toBe('kind-worker2');
  });

  it('docker stop kind-worker waits out the timeout, exits 137 and powers the node off; docker start brings it back', () => {
    const r = run(`docker stop kind-worker
docker ps -a
sleep 60
kubectl get node kind-worker --no-headers
docker exec kind-worker true
docker start kind-worker
sleep 20
kubectl get node kind-worker --no-headers`, 'kind-multinode');
    expect(r.stdout).toMatch(/^kind-worker\n/);
    expect(r.stdout).toMatch(/Exited \(137\) Less than a second ago {4}.* kind-worker\n/);
    expect(r.stdout).toMatch(/kind-worker +NotReady +<none>/);
    expect(r.stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
    expect(r.stdout).toMatch(/kind-worker\n(.|\n)*kind-worker +Ready +<none>/);
  });

  it('refuses what the playground cannot follow: stopping the API server\'s node, removing a node, reusing a node\'s name', () => {
    const r = run(`docker stop kind-control-plane
docker rm -f kind-control-plane
docker run --name kind-control-plane busybox true`);
    expect(r.stderr).toContain("kubesim: kind-control-plane runs the cluster's API server, which the playground keeps up");
    expect(r.stderr).toContain('kubesim: kind-control-plane is a node of the kind cluster, which the playground keeps: docker stop kind-control-plane switches it off\n');
    expect(r.stderr).toMatch(/docker: Error response from daemon: Conflict\. The container name "\/kind-control-plane" is already in use by container "[0-9a-f]{64}"/);
    expect(run('docker ps -q').stdout).toMatch(/^[0-9a-f]{12}\n$/);
  });
});
