// kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/: a Secret from a
// manifest with base64 values (or `kubectl create secret generic --from-literal`), read by a pod
// as files in a volume and as environment variables (one key, keys of two Secrets, all keys).
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const SECRET = `echo -n 'svc-reader' | base64
echo -n 'K8s$ecret#42' | base64
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: reader-secret
data:
  username: c3ZjLXJlYWRlcg==
  password: SzhzJGVjcmV0IzQy
YAML
kubectl get secret reader-secret
kubectl describe secret reader-secret
`;

describe('Distribute Credentials Securely Using Secrets', () => {
  it('encodes the values, creates the Secret and describes it without showing them', () => {
    const f = follow(SECRET);
    expect(f.out("echo -n 'svc-reader' | base64")).toBe('c3ZjLXJlYWRlcg==\n');
    expect(f.out("echo -n 'K8s$ecret#42' | base64")).toBe('SzhzJGVjcmV0IzQy\n');
    expect(f.out('kubectl get secret reader-secret')).toBe('NAME            TYPE     DATA   AGE\nreader-secret   Opaque   2      0s\n');
    expect(f.out('kubectl describe secret reader-secret')).toBe(
      'Name:         reader-secret\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  12 bytes\nusername:  10 bytes\n',
    );
  });

  it('makes the same Secret with create secret generic --from-literal', () => {
    const f = follow(`kubectl create secret generic reader-secret --from-literal=username='svc-reader' --from-literal=password='K8s$ecret#42'
kubectl get secret reader-secret -o jsonpath='{.data}'
`);
    expect(f.out("kubectl create secret generic reader-secret --from-literal=username='svc-reader' --from-literal=password='K8s$ecret#42'")).toBe('secret/reader-secret created\n');
    expect(f.out("kubectl get secret reader-secret -o jsonpath='{.data}'")).toBe('{"password":"SzhzJGVjcmV0IzQy","username":"c3ZjLXJlYWRlcg=="}');
  });

  it('shows the decoded values as files of a volume', () => {
    const f = follow(
      SECRET +
        `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: reader-pod
spec:
  containers:
    - name: reader
      image: nginx
      volumeMounts:
        - name: secret-volume
          mountPath: /etc/secret-volume
          readOnly: true
  volumes:
    - name: secret-volume
      secret:
        secretName: reader-secret
YAML
kubectl get pod reader-pod
kubectl exec reader-pod -- bash -c 'cd /etc/secret-volume && ls'
kubectl exec reader-pod -- bash -c 'cd /etc/secret-volume && cat username; echo; cat password; echo'
`,
    );
    expect(f.out('kubectl get pod reader-pod')).toBe('NAME         READY   STATUS    RESTARTS   AGE\nreader-pod   1/1     Running   0          0s\n');
    expect(f.out("kubectl exec reader-pod -- bash -c 'cd /etc/secret-volume && ls'")).toBe('password\nusername\n');
    expect(f.out("kubectl exec reader-pod -- bash -c 'cd /etc/secret-volume && cat username; echo; cat password; echo'")).toBe('svc-reader\nK8s$ecret#42\n');
  });

  const ENV_POD = (name: string, env: string) => `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: envars-test-container
    image: nginx
${env}
YAML
`;

  it('sets a variable from one key of a Secret, and variables from two Secrets', () => {
    const f = follow(
      `kubectl create secret generic api-user --from-literal=api-username='api-admin'
kubectl create secret generic cache-user --from-literal=cache-username='cache-admin'
` +
        ENV_POD(
          'one-secret',
          `    env:
    - name: SECRET_USERNAME
      valueFrom:
        secretKeyRef:
          name: api-user
          key: api-username`,
        ) +
        ENV_POD(
          'two-secrets',
          `    env:
    - name: API_USERNAME
      valueFrom:
        secretKeyRef:
          name: api-user
          key: api-username
    - name: CACHE_USERNAME
      valueFrom:
        secretKeyRef:
          name: cache-user
          key: cache-username`,
        ) +
        `kubectl exec one-secret -- /bin/sh -c 'echo $SECRET_USERNAME'
kubectl exec -i -t two-secrets -- /bin/sh -c 'env | grep _USERNAME'
`,
    );
    expect(f.out("kubectl exec one-secret -- /bin/sh -c 'echo $SECRET_USERNAME'")).toBe('api-admin\n');
    expect(f.out("kubectl exec -i -t two-secrets -- /bin/sh -c 'env | grep _USERNAME'").split('\n').sort()).toEqual(['', 'API_USERNAME=api-admin', 'CACHE_USERNAME=cache-admin']);
  });

  it('makes every key of a Secret a variable with envFrom', () => {
    const f = follow(
      `kubectl create secret generic reader-secret --from-literal=username='svc-reader' --from-literal=password='K8s$ecret#42'
` +
        ENV_POD(
          'all-keys',
          `    envFrom:
    - secretRef:
        name: reader-secret`,
        ) +
        `kubectl exec -i -t all-keys -- /bin/sh -c 'echo "username: $username\\npassword: $password\\n"'
`,
    );
    // dash's echo (nginx is Debian) turns \n into a newline.
    expect(f.out(`kubectl exec -i -t all-keys -- /bin/sh -c 'echo "username: $username\\npassword: $password\\n"'`)).toBe('username: svc-reader\npassword: K8s$ecret#42\n\n');
  });

  const MODES_POD = `kubectl create secret generic key-secret --from-literal=username=svc-reader --from-literal=password=pw
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: keys-pod
spec:
  containers:
  - name: keys
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: keys
      mountPath: "/etc/keys"
      readOnly: true
    - name: locked
      mountPath: "/etc/locked"
  volumes:
  - name: keys
    secret:
      secretName: key-secret
      items:
      - key: username
        path: my-group/my-username
  - name: locked
    secret:
      secretName: key-secret
      defaultMode: 0400
YAML
`;

  it('projects only the listed key, at its path', () => {
    const f = follow(MODES_POD + 'kubectl exec keys-pod -- cat /etc/keys/my-group/my-username\nkubectl exec keys-pod -- ls /etc/keys\nkubectl exec keys-pod -- ls /etc/keys/password\n');
    expect(f.out('kubectl exec keys-pod -- cat /etc/keys/my-group/my-username')).toBe('svc-reader');
    expect(f.out('kubectl exec keys-pod -- ls /etc/keys')).toBe('my-group\n');
    expect(f.step('kubectl exec keys-pod -- ls /etc/keys/password').stderr).toBe("ls: /etc/keys/password: No such file or directory\ncommand terminated with exit code 1\n");
  });

  it('gives the files the defaultMode (0400: -r--------)', () => {
    const f = follow(MODES_POD + 'kubectl exec keys-pod -- ls -l /etc/locked/..data/\n');
    expect(f.out('kubectl exec keys-pod -- ls -l /etc/locked/..data/')).toMatch(/^total 8\n-r-------- +1 root +root +2 .* password\n-r-------- +1 root +root +10 .* username\n$/);
  });

  // -L follows the `..data` symlinks to the files, whose mode is the defaultMode.
  it('shows the mode through the symlinks with ls -lL', () => {
    const f = follow(MODES_POD + 'kubectl exec keys-pod -- ls -lL /etc/locked\n');
    expect(f.out('kubectl exec keys-pod -- ls -lL /etc/locked')).toMatch(/^total \d+\n-r-------- .* password\n-r-------- .* username\n$/);
  });
});
