// Probes through kubectl: kubernetes.io's exec liveness example (Unhealthy, Killing, the restart
// after the grace period) and a readiness probe holding READY at 0/1 until it passes.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

const LIVENESS = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: liveness-exec, labels: {test: liveness}}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
EOF
`;

const READINESS = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe:
      exec: {command: [cat, /tmp/ready]}
      periodSeconds: 5
EOF
`;

describe('probes through kubectl', () => {
  it('the exec liveness example: Unhealthy and Killing events, then RESTARTS 1', () => {
    const r = run(
      `${LIVENESS}sleep 60\nkubectl get events --field-selector reason=Unhealthy -o jsonpath='{.items[*].message}{"\\n"}'\nkubectl get events --field-selector reason=Killing -o jsonpath='{.items[*].message}{"\\n"}'\nsleep 20\nkubectl get pod liveness-exec\n`,
    );
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'pod/liveness-exec created',
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      'Container liveness failed liveness probe, will be restarted',
      'NAME            READY   STATUS    RESTARTS      AGE',
    ]);
    expect(lines[4]).toMatch(/^liveness-exec {3}1\/1 {5}Running {3}1 \(\d+s ago\) {3}80s$/);
  });

  it('a readiness probe keeps READY at 0/1 until it passes', () => {
    const r = run(`${READINESS}sleep 10\nkubectl get pod web\nkubectl exec web -- touch /tmp/ready\nsleep 5\nkubectl get pod web\n`);
    expect(r.stdout).toBe(['pod/web created', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    0/1     Running   0          10s', 'NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          15s', ''].join('\n'));
  });
});
