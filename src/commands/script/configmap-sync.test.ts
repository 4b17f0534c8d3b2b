// A script's view of §12.3: after `kubectl apply` of a changed ConfigMap, `kubectl exec … cat`
// still shows the old file until the kubelet's next sync of the pod (every minute), and `sleep 60`
// is always enough; env keeps the value the container started with.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

const SETUP = `kubectl create configmap cfg --from-literal=greeting=hello
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "99999"]
    env:
    - {name: GREETING, valueFrom: {configMapKeyRef: {name: cfg, key: greeting}}}
    volumeMounts:
    - {name: cfg, mountPath: /cfg}
  volumes:
  - {name: cfg, configMap: {name: cfg}}
EOF
`;
const UPDATE = `kubectl create configmap cfg --from-literal=greeting=bye --dry-run=client -o yaml | kubectl apply -f -
`;
const READ = `kubectl exec box -- sh -c 'cat /cfg/greeting; echo " $GREETING"'
`;

function run(script: string): string {
  const r = runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('a mounted ConfigMap follows an update at the kubelet’s next sync', () => {
  it('right after the apply: the old file; after sleep 60: the new one; env never', () => {
    const out = run(`${SETUP}${READ}${UPDATE}${READ}sleep 60\n${READ}`);
    expect(out.split('\n').filter((l) => / hello$/.test(l))).toEqual(['hello hello', 'hello hello', 'bye hello']);
  });

  it.each([15, 45, 90])('whenever the update comes (%i s after the start), sleep 60 is enough', (after) => {
    const out = run(`${SETUP}sleep ${after}\n${UPDATE}sleep 60\n${READ}`);
    expect(out).toContain('bye hello\n');
  });
});
