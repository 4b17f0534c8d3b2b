// The kubelet expands $(VAR) in env values, command and args before the container starts; the
// container's shell then sees plain text. Checked against kubelet's expansion rules
// (third_party/forked/golang/expansion) and what a real pod logs.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function podLogs(container: string): string {
  const script = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
${container}
EOF
kubectl logs p
`;
  const r = runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
  expect(r.stderr).toBe('');
  return r.stdout.slice(r.stdout.indexOf('pod/p created\n') + 'pod/p created\n'.length);
}

describe("the kubelet's $(VAR) expansion", () => {
  it('expands command and args from the env, leaves undefined names and unescapes $$', () => {
    const out = podLogs(`  - name: c
    image: busybox
    env:
    - {name: GREETING, value: hello}
    - {name: TARGET, value: world}
    command: ["sh", "-c"]
    args: ["echo '$(GREETING) $(TARGET)'; echo '$(NOPE) $$(GREETING)'; echo $$(echo ran by the shell)"]`);
    expect(out).toBe('hello world\n$(NOPE) $(GREETING)\nran by the shell\n');
  });

  it('an env value refers to variables defined before it and to the service variables, not to later ones or the runtime', () => {
    const out = podLogs(`  - name: c
    image: busybox
    env:
    - {name: A, value: first}
    - {name: B, value: "$(A)-second-$(C)"}
    - {name: C, value: third}
    - {name: API, value: "https://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)"}
    - {name: HOST, value: "$(HOSTNAME)"}
    command: ["sh", "-c", "echo \\"$B\\"; echo \\"$API\\"; echo \\"$HOST\\""]`);
    expect(out).toBe('first-second-$(C)\nhttps://10.96.0.1:443\n$(HOSTNAME)\n');
  });

  it('a variable from envFrom and from a ConfigMap key expands in args', () => {
    const r = runScript(`kubectl create configmap settings --from-literal=MODE=fast --from-literal=LEVEL=3
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: busybox
    envFrom:
    - configMapRef: {name: settings}
    env:
    - name: LVL
      valueFrom:
        configMapKeyRef: {name: settings, key: LEVEL}
    command: ["echo", "mode=$(MODE)", "level=$(LVL)"]
EOF
kubectl logs p
`, { preset: 'kind', quiet: true, files: { read: () => undefined } });
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('mode=fast level=3\n')).toBe(true);
  });
});
