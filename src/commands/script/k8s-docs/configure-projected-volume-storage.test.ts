// kubernetes.io/docs/tasks/configure-pod-container/configure-projected-volume-storage/: two Secrets
// made from local files with `kubectl create secret generic --from-file`, projected into one
// directory of a pod.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const SCRIPT = `echo -n "operator" > ./user.txt
echo -n "s3cr3t-Pa55" > ./pass.txt
kubectl create secret generic app-user --from-file=./user.txt
kubectl create secret generic app-pass --from-file=./pass.txt
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: all-in-one
spec:
  containers:
  - name: all-in-one
    image: busybox:1.28
    args:
    - sleep
    - "86400"
    volumeMounts:
    - name: all-in-one
      mountPath: "/projected-volume"
      readOnly: true
  volumes:
  - name: all-in-one
    projected:
      sources:
      - secret:
          name: app-user
      - secret:
          name: app-pass
YAML
kubectl get --watch pod all-in-one
kubectl exec all-in-one -- ls /projected-volume/
kubectl exec all-in-one -- sh -c 'cat /projected-volume/user.txt; echo; cat /projected-volume/pass.txt; echo'
kubectl exec all-in-one -- sh -c 'echo x > /projected-volume/user.txt'
kubectl delete pod all-in-one
kubectl delete secrets app-user app-pass
`;

describe('Configure a Pod to Use a Projected Volume for Storage', () => {
  const f = follow(SCRIPT);

  it('creates the two Secrets from files', () => {
    expect(f.out('kubectl create secret generic app-user --from-file=./user.txt')).toBe('secret/app-user created\n');
    expect(f.out('kubectl create secret generic app-pass --from-file=./pass.txt')).toBe('secret/app-pass created\n');
  });

  it('runs the pod', () => {
    // With a script's closed output, --watch prints the current state; a terminal then waits for changes.
    expect(f.out('kubectl get --watch pod all-in-one')).toBe('NAME         READY   STATUS    RESTARTS   AGE\nall-in-one   1/1     Running   0          0s\n');
  });

  it('shows both sources in the one directory, each file named after its key', () => {
    expect(f.out('kubectl exec all-in-one -- ls /projected-volume/')).toBe('pass.txt\nuser.txt\n');
    expect(f.out("kubectl exec all-in-one -- sh -c 'cat /projected-volume/user.txt; echo; cat /projected-volume/pass.txt; echo'")).toBe('operator\ns3cr3t-Pa55\n');
  });

  it('mounts it read-only', () => {
    const step = f.step("kubectl exec all-in-one -- sh -c 'echo x > /projected-volume/user.txt'");
    expect(step.stderr).toBe("sh: can't create /projected-volume/user.txt: Read-only file system\ncommand terminated with exit code 1\n");
  });

  it('cleans up', () => {
    expect(f.out('kubectl delete pod all-in-one')).toBe('pod "all-in-one" deleted from default namespace\n');
    expect(f.out('kubectl delete secrets app-user app-pass')).toBe('secret "app-user" deleted from default namespace\nsecret "app-pass" deleted from default namespace\n');
    expect(f.result.exitCode).toBe(1); // only the write to the read-only volume failed
  });
});
