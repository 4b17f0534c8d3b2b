// Whole scripts for two kubelet paths: `kubectl set image` on a bare pod (the container is killed
// and started from the new image, RESTARTS 1, a new writable layer), and a missing ConfigMap
// (the image is pulled before the config error; each retry says the image is already present).
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

const events = (stdout: string) => stdout.split('\n').filter((l) => /^\S+\s+(Normal|Warning)\s/.test(l)).map((l) => l.split(/\s{2,}/).slice(2).join(' | '));

describe('kubectl set image on a pod restarts its container from the new image', () => {
  it('nginx: Killing, Pulling, Pulled; RESTARTS 1; the new image in the status; files outside volumes gone', () => {
    const r = run(`kubectl run web --image=nginx:1.27
kubectl exec web -- sh -c 'echo hi > /tmp/note'
kubectl set image pod/web web=nginx:1.28
kubectl get pod web --no-headers
kubectl get pod web -o jsonpath='{.status.containerStatuses[0].image} {.status.containerStatuses[0].restartCount}{"\\n"}'
kubectl exec web -- cat /tmp/note
kubectl get events --field-selector involvedObject.name=web
`);
    expect(r.stdout).toContain('pod/web image updated\n');
    expect(r.stdout).toMatch(/^web +1\/1 +Running +1 \(0s ago\) +0s$/m);
    expect(r.stdout).toContain('docker.io/library/nginx:1.28 1\n');
    expect(r.stderr).toContain('cat: /tmp/note: No such file or directory');
    expect(events(r.stdout).slice(-3)).toEqual([
      'Killing | pod/web | Container web definition changed, will be restarted',
      'Pulling | pod/web | Pulling image "nginx:1.28"',
      expect.stringMatching(/^Pulled \| pod\/web \| Successfully pulled image "nginx:1\.28" in /),
    ]);
  });

  it('sleep as PID 1 ignores SIGTERM: the old container runs until the 30 s grace period ends, then exits 137', () => {
    const r = run(`kubectl run s --image=busybox:1.36 -- sleep 3600
kubectl set image pod/s s=busybox:1.37
kubectl get pod s -o jsonpath='{.status.containerStatuses[0].image} {.status.containerStatuses[0].restartCount}{"\\n"}'
sleep 30
kubectl get pod s -o jsonpath='{.status.containerStatuses[0].image} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.exitCode}{"\\n"}'
`);
    expect(r.stdout).toContain('docker.io/library/busybox:1.36 0\n');
    expect(r.stdout).toContain('docker.io/library/busybox:1.37 1 137\n');
  });

  it('restartPolicy Never does not stop the restart: the spec changed', () => {
    const r = run(`kubectl run n --image=nginx:1.27 --restart=Never
kubectl set image pod/n n=nginx:1.28
kubectl get pod n --no-headers
`);
    expect(r.stdout).toMatch(/^n +1\/1 +Running +1 \(0s ago\) +0s$/m);
  });
});

describe('a missing ConfigMap: the image is pulled first, then the config error', () => {
  it('Pulling and Pulled before Failed; the retries say "already present" and count up with Failed', () => {
    const r = run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    envFrom: [{configMapRef: {name: settings}}]
EOF
kubectl get events --field-selector involvedObject.name=app
sleep 30
kubectl describe pod app
`);
    const first = r.stdout.slice(0, r.stdout.indexOf('Name:'));
    expect(events(first)).toEqual([
      'Scheduled | pod/app | Successfully assigned default/app to kind-control-plane',
      'Pulling | pod/app | Pulling image "busybox:1.36"',
      expect.stringMatching(/^Pulled \| pod\/app \| Successfully pulled image "busybox:1\.36" in /),
      'Failed | pod/app | Error: configmap "settings" not found',
    ]);
    expect(r.stdout).toMatch(/Warning +Failed +0s \(x3 over 30s\) +kubelet +Error: configmap "settings" not found/);
    expect(r.stdout).toMatch(/Normal +Pulled +0s \(x2 over 15s\) +kubelet +Container image "busybox:1\.36" already present on machine/);
  });
});
