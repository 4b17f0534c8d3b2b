// kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/:
// `$(VAR)` in an env value refers to variables defined above it; one defined below stays as
// written, and `$$(VAR)` is an escaped, literal `$(VAR)`.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const SCRIPT = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: chained-envars
spec:
  containers:
    - name: chained-envars
      args:
        - while true; do echo -en '\\n'; printf EARLY_REFERENCE=$EARLY_REFERENCE'\\n'; printf BACKEND_URL=$BACKEND_URL'\\n';printf LITERAL_REFERENCE=$LITERAL_REFERENCE'\\n'; sleep 30; done;
      command:
        - sh
        - -c
      image: busybox:1.28
      env:
        - name: BACKEND_PORT
          value: "8443"
        - name: BACKEND_HOST
          value: "10.20.30.40"
        - name: EARLY_REFERENCE
          value: "$(SCHEME)://$(BACKEND_HOST):$(BACKEND_PORT)"
        - name: SCHEME
          value: "https"
        - name: BACKEND_URL
          value: "$(SCHEME)://$(BACKEND_HOST):$(BACKEND_PORT)"
        - name: LITERAL_REFERENCE
          value: "$$(SCHEME)://$(BACKEND_HOST):$(BACKEND_PORT)"
YAML
kubectl get pods chained-envars
kubectl logs pod/chained-envars
`;

describe('Define Dependent Environment Variables', () => {
  const f = follow(SCRIPT);

  it('creates the pod, which runs', () => {
    expect(f.out("kubectl apply -f - <<'YAML'")).toBe('pod/chained-envars created\n');
    expect(f.out('kubectl get pods chained-envars')).toBe('NAME             READY   STATUS    RESTARTS   AGE\nchained-envars   1/1     Running   0          0s\n');
  });

  it('resolves references to variables above, keeps those below and escaped ones as written', () => {
    expect(f.out('kubectl logs pod/chained-envars')).toBe(
      '\nEARLY_REFERENCE=$(SCHEME)://10.20.30.40:8443\nBACKEND_URL=https://10.20.30.40:8443\nLITERAL_REFERENCE=$(SCHEME)://10.20.30.40:8443\n',
    );
  });
});
