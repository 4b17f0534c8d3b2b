// The course's Secret section, command by command: base64 encoding and decoding, frontend-secret
// (DB_USER, DB_PASSWORD) applied, frontend-deploy updated to read it as environment variables,
// and the alternative of mounting it as files under /etc/secrets.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

const ENCODE = `echo -n 'frontenduser' | base64      # ZnJvbnRlbmR1c2Vy
echo -n 'frontendpass' | base64      # ZnJvbnRlbmRwYXNz
echo 'ZnJvbnRlbmR1c2Vy' | base64 --decode   # frontenduser
echo 'ZnJvbnRlbmRwYXNz' | base64 --decode   # frontendpass
`;

const SECRET = `cat <<'EOF' > frontend-secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: frontend-secret
type: Opaque

data:
  DB_USER: ZnJvbnRlbmR1c2Vy
  DB_PASSWORD: ZnJvbnRlbmRwYXNz

EOF
kubectl apply -f frontend-secret.yaml
`;

const deploy = (extraContainer = '', extraSpec = '') => `cat <<'EOF' > frontend-deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend-deploy
spec:
  replicas: 1
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
        - name: frontend-container
          image: nginx
          env:
            - name: DB_USER
              valueFrom:
                secretKeyRef:
                  name: frontend-secret
                  key: DB_USER
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: frontend-secret
                  key: DB_PASSWORD
${extraContainer}${extraSpec}
EOF
kubectl apply -f frontend-deploy.yaml
kubectl get pods -l app=frontend
POD=$(kubectl get pods -l app=frontend -o jsonpath='{.items[0].metadata.name}')
`;

// The course types the two echo lines inside `kubectl exec -it <pod-name> -- /bin/sh`; a script
// gives them to the shell on its stdin, so kubectl warns it has no terminal (exec.go, SetupTTY).
const SHELL = `kubectl exec -it $POD -- /bin/sh <<'EOF'
echo $DB_USER
echo $DB_PASSWORD
EOF
`;

describe('course: Secrets', () => {
  it('base64: echo -n encodes without a newline; --decode gives the words back', () => {
    const r = runCourse(ENCODE);
    expect(r.stderr).toBe('');
    expect(r.out("echo -n 'frontenduser' | base64      # ZnJvbnRlbmR1c2Vy")).toBe('ZnJvbnRlbmR1c2Vy\n');
    expect(r.out("echo -n 'frontendpass' | base64      # ZnJvbnRlbmRwYXNz")).toBe('ZnJvbnRlbmRwYXNz\n');
    // The decoded words end without a newline, as the encoded ones had none.
    expect(r.stdout).toContain("$ echo 'ZnJvbnRlbmR1c2Vy' | base64 --decode   # frontenduser\nfrontenduser\n$ ");
    expect(r.stdout.endsWith("$ echo 'ZnJvbnRlbmRwYXNz' | base64 --decode   # frontendpass\nfrontendpass")).toBe(true);
  });

  it('without -n, echo adds a newline and the encoding differs', () => {
    const r = runCourse("echo 'frontenduser' | base64\n");
    expect(r.out("echo 'frontenduser' | base64")).toBe('ZnJvbnRlbmR1c2VyCg==\n');
  });

  it('frontend-deploy reads frontend-secret as plain environment variables', () => {
    const r = runCourse(SECRET + deploy() + SHELL);
    expect(r.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    expect(r.out('kubectl apply -f frontend-secret.yaml')).toBe('secret/frontend-secret created\n');
    expect(r.out('kubectl apply -f frontend-deploy.yaml')).toBe('deployment.apps/frontend-deploy created\n');
    expect(r.out('kubectl get pods -l app=frontend')).toMatch(/^NAME +READY   STATUS    RESTARTS   AGE\nfrontend-deploy-[a-z0-9]{8,10}-[a-z0-9]{5} +1\/1     Running   0          \d+s\n$/);
    expect(r.out("kubectl exec -it $POD -- /bin/sh <<'EOF'")).toBe('frontenduser\nfrontendpass\n');
  });

  it('applied over the earlier frontend-deploy (3 replicas, hard-coded env), it is configured to 1 pod', () => {
    // The course's "without ConfigMap" Deployment, the one this demo builds on.
    const HARDCODED = `kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend-deploy
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
        - name: frontend-container
          image: nginx
          env:
            - name: APP
              value: frontend
            - name: ENVIRONMENT
              value: production
EOF
`;
    const r = runCourse(HARDCODED + SECRET + deploy() + 'kubectl exec $POD -- printenv DB_USER APP\n');
    expect(r.out('kubectl apply -f frontend-deploy.yaml')).toBe('deployment.apps/frontend-deploy configured\n');
    expect(r.out('kubectl get pods -l app=frontend').split('\n')).toHaveLength(3);
    // printenv prints what it finds and fails for the rest: APP left with the old template.
    expect(r.out('kubectl exec $POD -- printenv DB_USER APP')).toBe('frontenduser\n');
    expect(r.stderr).toBe('command terminated with exit code 1\n');
  });

  it('mounted as files: one file per key under /etc/secrets, decoded, read-only', () => {
    const r = runCourse(
      SECRET +
        deploy(
          '          volumeMounts:\n            - name: secret-volume               # the volume below\n              mountPath: /etc/secrets           # one file per key\n              readOnly: true                    # no writes from the container\n',
          '      volumes:\n        - name: secret-volume                # referenced by volumeMounts\n          secret:\n            secretName: frontend-secret     # every key becomes a file\n',
        ) +
        'kubectl exec $POD -- ls /etc/secrets\nkubectl exec $POD -- cat /etc/secrets/DB_USER\n' +
        "kubectl exec $POD -- sh -c 'echo x > /etc/secrets/DB_USER'\n",
    );
    expect(r.out('kubectl exec $POD -- ls /etc/secrets')).toBe('DB_PASSWORD\nDB_USER\n');
    // The file holds the decoded value, with no newline (the runner ends the line before the next `$`).
    expect(r.stdout).toContain('$ kubectl exec $POD -- cat /etc/secrets/DB_USER\nfrontenduser\n$ ');
    // nginx's image is Debian: its sh is dash.
    expect(r.stderr).toBe('sh: 1: cannot create /etc/secrets/DB_USER: Read-only file system\ncommand terminated with exit code 2\n');
  });
});
