// kubernetes.io/docs/tasks/configure-pod-container/configure-volume-storage/: a Redis pod with an
// emptyDir at /data/redis; a file written there outlives the container, which the kubelet
// restarts after its process is killed (restartPolicy Always).
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const POD = `cat <<'YAML' > cache.yaml
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis
    volumeMounts:
    - name: cache-storage
      mountPath: /data/redis
  volumes:
  - name: cache-storage
    emptyDir: {}
YAML
kubectl apply -f cache.yaml
kubectl get pod cache
`;

describe('Configure a Pod to Use a Volume for Storage', () => {
  it('creates the pod, which runs', () => {
    const f = follow(POD);
    expect(f.out('kubectl apply -f cache.yaml')).toBe('pod/cache created\n');
    expect(f.out('kubectl get pod cache')).toBe('NAME    READY   STATUS    RESTARTS   AGE\ncache   1/1     Running   0          0s\n');
  });

  it('keeps the file in the emptyDir across a restart of the killed container', () => {
    const f = follow(
      POD +
        `kubectl exec cache -- bash -c 'cd /data/redis/ && echo Hello > test-file'
kubectl exec cache -- bash -c 'kill 1'
sleep 2
kubectl get pod cache
kubectl exec cache -- bash -c 'cd /data/redis/ && ls'
kubectl exec cache -- cat /data/redis/test-file
kubectl delete pod cache
kubectl get pod cache
`,
    );
    // The killed redis-server exits and the kubelet starts the container again: RESTARTS 1.
    expect(f.out('kubectl get pod cache', 1)).toBe('NAME    READY   STATUS    RESTARTS     AGE\ncache   1/1     Running   1 (2s ago)   2s\n');
    expect(f.out("kubectl exec cache -- bash -c 'cd /data/redis/ && ls'")).toBe('test-file\n');
    expect(f.out('kubectl exec cache -- cat /data/redis/test-file')).toBe('Hello\n');
    expect(f.out('kubectl delete pod cache')).toBe('pod "cache" deleted from default namespace\n');
    expect(f.step('kubectl get pod cache', 2).stderr).toBe('Error from server (NotFound): pods "cache" not found\n');
  });

  it('loses a file written outside the volume when the container restarts', () => {
    const f = follow(
      POD +
        `kubectl exec cache -- bash -c 'echo Hello > /tmp/test-file'
kubectl exec cache -- bash -c 'kill 1'
kubectl exec cache -- ls /tmp
`,
    );
    expect(f.out('kubectl exec cache -- ls /tmp')).toBe('');
  });

  it("starts a shell in the redis image's working directory, /data", () => {
    const f = follow(POD + 'kubectl exec cache -- pwd\n');
    expect(f.out('kubectl exec cache -- pwd')).toBe('/data\n');
  });

  it("runs the page's shell session fed to bash on stdin", () => {
    const f = follow(
      POD +
        `kubectl exec -i cache -- /bin/bash <<'SH'
pwd
cd /data/redis/
echo Hello > test-file
ls
SH
`,
    );
    expect(f.out("kubectl exec -i cache -- /bin/bash <<'SH'")).toBe('/data\ntest-file\n');
  });

  it("a pod's workingDir wins over the image's", () => {
    const f = follow(`kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: elsewhere
spec:
  containers:
  - name: redis
    image: redis
    workingDir: /tmp
YAML
kubectl exec elsewhere -- pwd
`);
    expect(f.out('kubectl exec elsewhere -- pwd')).toBe('/tmp\n');
  });

  it('cannot exec ps before procps is installed: the Debian-based image has none', () => {
    const f = follow(POD + 'kubectl exec cache -- ps aux\n');
    expect(f.step('kubectl exec cache -- ps aux').stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{32}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown\n$/,
    );
  });

  // The page installs procps to run `ps aux`; the simulated cluster has no network, so apt-get
  // fails as it does when deb.debian.org does not resolve, says why, and ps stays missing.
  it('tries to install procps: apt-get cannot reach the mirror, and ps stays missing', () => {
    const f = follow(POD + 'kubectl exec cache -- apt-get update\nkubectl exec cache -- apt-get install -y procps\nkubectl exec cache -- ps aux\nkubectl exec cache -- bash -c "ps aux"\n');
    const update = f.step('kubectl exec cache -- apt-get update');
    expect(update.stdout).toBe(
      "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\nErr:2 http://deb.debian.org/debian bookworm-updates InRelease\n  Temporary failure resolving 'deb.debian.org'\n" +
        "Err:3 http://deb.debian.org/debian-security bookworm-security InRelease\n  Temporary failure resolving 'deb.debian.org'\nReading package lists...\n",
    );
    expect(update.stderr).toContain("W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving 'deb.debian.org'\n");
    expect(update.stderr).toMatch(/W: Some index files failed to download\. They have been ignored, or old ones used instead\.\nkubesim: the simulated cluster has no network, so packages cannot be downloaded\n$/);
    const install = f.step('kubectl exec cache -- apt-get install -y procps');
    expect(install.stdout).toBe('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    expect(install.stderr).toBe('E: Unable to locate package procps\nkubesim: the simulated cluster has no network, so packages cannot be downloaded\ncommand terminated with exit code 100\n');
    expect(f.step('kubectl exec cache -- ps aux').stderr).toMatch(/exec: "ps": executable file not found in \$PATH: unknown\n$/);
    expect(f.step('kubectl exec cache -- bash -c "ps aux"').stderr).toBe('bash: line 1: ps: command not found\ncommand terminated with exit code 127\n');
  });
});
