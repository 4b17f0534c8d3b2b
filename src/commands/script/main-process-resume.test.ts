// Containers whose main process waits for something, end to end through kubectl and docker: the
// process goes on from where it slept (engine/containers/main-process.ts), so a file another
// command makes meanwhile ends its wait at its next wake, in a pod, in an init container (the pod
// leaves Init:0/1) and on the Docker host.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  const r = runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
  // docker run's first pull reports its progress on stderr; nothing else may go there.
  expect(r.stderr.replace(/^Unable to find image[^]*?Status: Downloaded newer image for busybox:latest\n/, '')).toBe('');
  return r.stdout;
}

describe('a main process waiting for a file', () => {
  it('in a pod: an until loop sees the file kubectl exec made, prints done at its next wake, and sleeps on', () => {
    const out = run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: w
spec:
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "until [ -f /tmp/go ]; do echo waiting; sleep 1; done; echo done; sleep 3600"]
EOF
sleep 3
kubectl exec w -- touch /tmp/go
sleep 3
kubectl logs w
kubectl get pod w --no-headers
`);
    expect(out).toMatch(/^pod\/w created\n(waiting\n){4}done\nw +1\/1 +Running +0 +6s\n$/);
  });

  it('in an init container: the pod stays Init:0/1 until the file exists, then the app starts', () => {
    const out = run(`kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: wait
    image: busybox:1.28
    command: ['sh', '-c', 'i=0; until [ -f /work/ready ]; do i=$((i+1)); sleep 1; done; echo "ready after $i"']
    volumeMounts: [{name: w, mountPath: /work}]
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 3600']
    volumeMounts: [{name: w, mountPath: /work}]
  volumes: [{name: w, emptyDir: {}}]
EOF
sleep 5
kubectl get pod p --no-headers
kubectl exec p -c wait -- touch /work/ready
sleep 2
kubectl get pod p --no-headers
kubectl logs p -c wait
`);
    expect(out).toMatch(/^pod\/p created\np +0\/1 +Init:0\/1 +0 +5s\np +1\/1 +Running +0 +7s\nready after 6\n$/);
  });

  it('on the Docker host: the container ends at the wake after docker exec made the file', () => {
    const out = run(`docker run -d --name w busybox sh -c 'i=0; until [ -f /tmp/go ]; do i=$((i+1)); sleep 1; done; echo "done after $i"'
sleep 3
docker exec w touch /tmp/go
sleep 2
docker logs w
docker ps -a --format '{{.Names}} {{.Status}}' | grep '^w '
`);
    // The first line is the container's id.
    expect(out.split('\n').slice(1).join('\n')).toBe('done after 4\nw Exited (0) 1 second ago\n');
  });
});
