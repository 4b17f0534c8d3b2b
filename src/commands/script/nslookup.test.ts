// nslookup as the kubernetes.io pages use it, through kubectl as a learner types it: the DNS for
// Services and Pods page and the StatefulSet tutorial (`nslookup web-0.nginx` from busybox:1.28,
// a headless Service's pods one line each), the newer busybox's output for the same names, and
// the init-container example whose pod stays `Init:0/2` until the Services it waits for exist.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

const SETUP = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata: {name: myservice}
spec:
  selector: {app: my}
  ports: [{port: 80, targetPort: 9376}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: old}
spec:
  containers: [{name: c, image: busybox:1.28, command: [sleep, "3600"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: new}
spec:
  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
EOF
kubectl get svc myservice -o jsonpath='{.spec.clusterIP}'; echo
kubectl get pod web-0 -o jsonpath='{.status.podIP}'; echo
kubectl get pod web-1 -o jsonpath='{.status.podIP}'; echo
`;

/** The script's output after SETUP's five lines: the cluster IP and the two pod IPs, then the rest. */
function afterSetup(stdout: string) {
  const lines = stdout.split('\n');
  expect(lines.slice(0, 5)).toEqual(['service/myservice created', 'service/nginx created', 'statefulset.apps/web created', 'pod/old created', 'pod/new created']);
  const [svc, web0, web1] = lines.slice(5, 8);
  return { svc: svc!, web0: web0!, web1: web1!, rest: lines.slice(8).join('\n') };
}

const OLD_SERVER = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';
const NEW_SERVER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

describe('nslookup from busybox:1.28, as the kubernetes.io DNS pages show it', () => {
  it('finds the StatefulSet pods, the headless Service, a Service and kubernetes.default', () => {
    const r = run(`${SETUP}kubectl exec old -- nslookup web-0.nginx
kubectl exec old -- nslookup nginx
kubectl exec old -- nslookup myservice
kubectl exec old -- nslookup kubernetes.default
`);
    expect(r.stderr).toBe('');
    const { svc, web0, web1, rest } = afterSetup(r.stdout);
    expect(rest).toBe(
      [
        `${OLD_SERVER}Name:      web-0.nginx\nAddress 1: ${web0} web-0.nginx.default.svc.cluster.local`,
        `${OLD_SERVER}Name:      nginx\nAddress 1: ${web0} web-0.nginx.default.svc.cluster.local\nAddress 2: ${web1} web-1.nginx.default.svc.cluster.local`,
        `${OLD_SERVER}Name:      myservice\nAddress 1: ${svc} myservice.default.svc.cluster.local`,
        `${OLD_SERVER}Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local`,
        '',
      ].join('\n'),
    );
  });

  it("fails on a name nothing answers, and on one outside the cluster (no way out): kubectl says the status", () => {
    const r = run(`${SETUP}kubectl exec old -- nslookup nothere\nkubectl exec old -- nslookup google.com\n`);
    expect(afterSetup(r.stdout).rest).toBe(`${OLD_SERVER}${OLD_SERVER}`);
    expect(r.stderr).toBe("nslookup: can't resolve 'nothere'\ncommand terminated with exit code 1\nnslookup: can't resolve 'google.com'\ncommand terminated with exit code 1\n");
  });

  it('works in a throwaway pod as the StatefulSet tutorial runs it', () => {
    const r = run(`${SETUP}kubectl run -i --rm --image busybox:1.28 dns-test --restart=Never -- nslookup web-1.nginx\n`);
    const { web1, rest } = afterSetup(r.stdout);
    expect(rest).toBe(`${OLD_SERVER}Name:      web-1.nginx\nAddress 1: ${web1} web-1.nginx.default.svc.cluster.local\npod "dns-test" deleted from default namespace\n`);
  });
});

describe('nslookup from the current busybox', () => {
  it('prints each reply; a short name is tried under each search domain, so the NXDOMAINs make it fail', () => {
    const r = run(`${SETUP}kubectl exec new -- nslookup myservice.default.svc.cluster.local\nkubectl exec new -- nslookup myservice\n`);
    const { svc, rest } = afterSetup(r.stdout);
    const nx = (n: string) => `** server can't find ${n}: NXDOMAIN\n\n`;
    const answer = `Name:\tmyservice.default.svc.cluster.local\nAddress: ${svc}\n\n`;
    expect(rest).toBe(`${NEW_SERVER}${answer}\n${NEW_SERVER}${answer}${nx('myservice.svc.cluster.local')}${nx('myservice.cluster.local')}\n${nx('myservice.svc.cluster.local')}${nx('myservice.cluster.local')}`);
    expect(r.stderr).toBe('command terminated with exit code 1\n');
  });

  it('lists the headless Service by pod, and sends a dotted short name upstream, where nothing answers', () => {
    const r = run(`${SETUP}kubectl exec new -- nslookup nginx.default.svc.cluster.local\nkubectl exec new -- nslookup google.com\n`);
    const { web0, web1, rest } = afterSetup(r.stdout);
    const servfail = "** server can't find google.com: SERVFAIL\n\n";
    expect(rest).toBe(`${NEW_SERVER}Name:\tnginx.default.svc.cluster.local\nAddress: ${web0}\nName:\tnginx.default.svc.cluster.local\nAddress: ${web1}\n\n\n${NEW_SERVER}${servfail}${servfail}`);
  });

  it('is not in a Debian-based image, which has getent', () => {
    const r = run(`${SETUP}kubectl exec web-0 -- sh -c 'nslookup myservice'\nkubectl exec web-0 -- getent hosts myservice\n`);
    expect(afterSetup(r.stdout).rest).toBe(`${afterSetup(r.stdout).svc.padEnd(15)} myservice.default.svc.cluster.local\n`);
    expect(r.stderr).toBe('sh: 1: nslookup: not found\ncommand terminated with exit code 127\n');
  });
});

const MYAPP = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
EOF
`;

const SERVICES = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
EOF
`;

describe('the kubernetes.io init-container example (myapp-pod)', () => {
  it('stays Init:0/2, its first init container logging its failed lookups, until the Services exist; then runs', () => {
    const r = run(`${MYAPP}sleep 10
kubectl get pod myapp-pod
kubectl logs myapp-pod -c init-myservice | head -5
${SERVICES}sleep 10
kubectl get pod myapp-pod
kubectl logs myapp-pod -c init-mydb | tail -4
kubectl logs myapp-pod
`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['pod/myapp-pod created', 'NAME        READY   STATUS     RESTARTS   AGE', 'myapp-pod   0/1     Init:0/2   0          10s']);
    // The lookup fails (nslookup's error goes to the log too), then the loop's own line.
    expect(lines.slice(3, 8)).toEqual([
      'Server:    10.96.0.10',
      'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
      '',
      "nslookup: can't resolve 'myservice.default.svc.cluster.local'",
      'waiting for myservice',
    ]);
    expect(lines.slice(8, 12)).toEqual(['service/myservice created', 'service/mydb created', 'NAME        READY   STATUS    RESTARTS   AGE', 'myapp-pod   1/1     Running   0          20s']);
    expect(lines[12]).toBe('Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local');
    expect(lines.slice(13, 15)).toEqual(['', 'Name:      mydb.default.svc.cluster.local']);
    expect(lines[15]).toMatch(/^Address 1: 10\.96\.\d+\.\d+ mydb\.default\.svc\.cluster\.local$/);
    expect(lines.slice(16)).toEqual(['The app is running!', '']);
  });
});
