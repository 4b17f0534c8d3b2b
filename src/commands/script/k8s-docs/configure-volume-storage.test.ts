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

  // The page installs procps to run `ps aux` (typed at the terminal: src/store/k8s-docs-interactive.test.ts).
  // One-off execs see the same container: apt-get fetches the lists, unpacks procps into the
  // writable layer, and ps runs, directly and in bash; the restart the page causes takes it away.
  it('installs procps with apt-get: ps aux lists redis-server as PID 1, until the container restarts', () => {
    const f = follow(POD + 'kubectl exec cache -- apt-get update\nkubectl exec cache -- apt-get install -y procps\nkubectl exec cache -- ps aux\nkubectl exec cache -- bash -c "kill 1"\nkubectl exec cache -- bash -c "ps aux"\n');
    expect(f.out('kubectl exec cache -- apt-get update')).toMatch(/^Get:1 http:\/\/deb\.debian\.org\/debian bookworm InRelease \[151 kB\]\n[\s\S]*\nReading package lists\.\.\.\n$/);
    const install = f.step('kubectl exec cache -- apt-get install -y procps');
    expect(install.stdout).toMatch(/\nUnpacking procps \(2:4\.0\.2-3\) \.\.\.\nSetting up procps \(2:4\.0\.2-3\) \.\.\.\n$/);
    expect(install.stderr).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(f.out('kubectl exec cache -- ps aux')).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'redis          1  0.0  0.0  33308  3828 ?        Ssl  00:00   0:00 redis-server *:6379\n' +
        'root           8  0.0  0.0   8088  4096 ?        Rs   00:00   0:00 ps aux\n',
    );
    expect(f.step('kubectl exec cache -- bash -c "ps aux"').stderr).toBe('bash: line 1: ps: command not found\ncommand terminated with exit code 127\n');
  });
});
