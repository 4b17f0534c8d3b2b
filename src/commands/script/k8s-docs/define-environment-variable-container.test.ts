// kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/: `env`
// values in a pod, seen by `kubectl exec … -- printenv`, and `$(VAR)` references to them in the
// container's command and arguments.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

describe('Define Environment Variables for a Container', () => {
  it('sets the variables, which printenv lists with those of the runtime', () => {
    const f = follow(`kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: greeter
  labels:
    purpose: show-envars
spec:
  containers:
  - name: greeter-container
    image: nginx
    env:
    - name: DEMO_HELLO
      value: "Good morning from the environment"
    - name: DEMO_GOODBYE
      value: "Parting is such sweet sorrow"
YAML
kubectl get pods -l purpose=show-envars
kubectl exec greeter -- printenv
`);
    expect(f.out('kubectl get pods -l purpose=show-envars')).toBe('NAME      READY   STATUS    RESTARTS   AGE\ngreeter   1/1     Running   0          0s\n');
    const env = f.out('kubectl exec greeter -- printenv').split('\n');
    expect(env).toEqual(
      expect.arrayContaining([
        'HOSTNAME=greeter',
        'DEMO_HELLO=Good morning from the environment',
        'DEMO_GOODBYE=Parting is such sweet sorrow',
        'KUBERNETES_SERVICE_HOST=10.96.0.1',
        'KUBERNETES_SERVICE_PORT=443',
      ]),
    );
  });

  it('expands $(VAR) in the arguments before the command runs', () => {
    const f = follow(`kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: print-welcome
spec:
  restartPolicy: Never
  containers:
  - name: env-print-demo
    image: bash
    env:
    - name: WELCOME
      value: "A warm welcome to"
    - name: TITLE
      value: "the Honourable"
    - name: WHO
      value: "Kubernetes"
    command: ["echo"]
    args: ["$(WELCOME) $(TITLE) $(WHO)"]
YAML
kubectl logs print-welcome
kubectl get pod print-welcome
`);
    expect(f.out('kubectl logs print-welcome')).toBe('A warm welcome to the Honourable Kubernetes\n');
    expect(f.out('kubectl get pod print-welcome')).toBe('NAME            READY   STATUS      RESTARTS   AGE\nprint-welcome   0/1     Completed   0          0s\n');
  });

  it('lets env override a variable the image defines', () => {
    const f = follow(`kubectl run override --image=busybox --env=PATH=/custom/bin:/bin --command -- sh -c 'sleep 3600'
kubectl exec override -- printenv PATH
`);
    expect(f.out('kubectl exec override -- printenv PATH')).toBe('/custom/bin:/bin\n');
  });
});
