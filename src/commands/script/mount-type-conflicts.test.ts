// Whole scripts for a volume of the wrong type over what the image has: a directory over a file
// (or a file over a directory) cannot be mounted by runc, so the container never starts. Under
// the kubelet: RunContainerError, CrashLoopBackOff, RESTARTS counting with the back-off. On the
// Docker host: `docker run` fails with the daemon's hint and the container stays Created.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

const POD = `kubectl create configmap page --from-literal=index.html=hello
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html/index.html
  volumes:
  - name: html
    configMap:
      name: page
EOF
`;

describe('kubelet: a ConfigMap volume over nginx\'s index.html', () => {
  it('never starts; the back-off doubles between attempts, each one counted in RESTARTS', () => {
    const r = run(`${POD}kubectl get pod web --no-headers
sleep 10
kubectl get pod web --no-headers
sleep 20
kubectl get pod web --no-headers
kubectl get pod web -o jsonpath='{.status.containerStatuses[0].state.waiting.message}{"\\n"}'
kubectl exec web -- ls
`);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('web '));
    // Attempt 1 fails, attempt 2 follows at once; then 10 s, then 20 s.
    expect(rows[0]).toMatch(/^web +0\/1 +CrashLoopBackOff +1 \(0s ago\) +0s$/);
    expect(rows[1]).toMatch(/^web +0\/1 +CrashLoopBackOff +2 \(0s ago\) +10s$/);
    expect(rows[2]).toMatch(/^web +0\/1 +CrashLoopBackOff +3 \(0s ago\) +30s$/);
    expect(r.stdout).toMatch(/^back-off 40s restarting failed container=nginx pod=web_default\([0-9a-f-]{36}\)$/m);
    // No process to exec into.
    expect(r.stderr).toContain('container not found ("nginx")');
  });

  it('describe: Last State Terminated, Reason StartError, Exit Code 128, started at the zero time; the Failed event', () => {
    const r = run(`${POD}kubectl describe pod web
`);
    expect(r.stdout).toMatch(/ {4}State: {10}Waiting\n {6}Reason: {7}CrashLoopBackOff\n {4}Last State: {5}Terminated\n {6}Reason: {7}StartError\n {6}Message: {6}failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "\/var\/lib\/kubelet\/pods\/[0-9a-f-]{36}\/volumes\/kubernetes\.io~configmap\/html" to rootfs at "\/usr\/share\/nginx\/html\/index\.html": create mountpoint for \/usr\/share\/nginx\/html\/index\.html mount: cannot create subdirectories in "\/run\/containerd\/io\.containerd\.runtime\.v2\.task\/k8s\.io\/[0-9a-f]{64}\/rootfs\/usr\/share\/nginx\/html\/index\.html": not a directory: unknown\n {6}Exit Code: {4}128\n {6}Started: {6}Thu, 01 Jan 1970 00:00:00 \+0000\n/);
    // The retry comes at the same instant, so its events are not counted again.
    expect(r.stdout).toMatch(/Warning +Failed +0s +kubelet +Error: failed to create containerd task: /);
    expect(r.stdout).toMatch(/Warning +BackOff +0s +kubelet +Back-off restarting failed container nginx in pod web_default\(/);
  });
});

describe('docker run: a bind or volume of the wrong type', () => {
  const HINT = ': not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type\n\nRun \'docker run --help\' for more information\n';

  it('a host directory over nginx\'s index.html: the daemon\'s message, exit 125, the container left Created', () => {
    const r = run(`docker pull nginx
docker run -d --name web -v /srv/site:/usr/share/nginx/html/index.html nginx
docker ps -a --filter name=web --format '{{.Names}} {{.Status}}'
`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "/srv/site" to rootfs at "/usr/share/nginx/html/index.html": create mountpoint for /usr/share/nginx/html/index.html mount: cannot create subdirectories in "/var/lib/docker/overlay2/[0-9a-f]{64}/merged/usr/share/nginx/html/index.html"${HINT.replace(/[.?()]/g, '\\$&')}$`,
      ),
    );
    expect(r.stdout).toContain('web Created\n');
  });

  it('a host file over a directory fails in the mount itself; with --rm nothing is left', () => {
    const r = run(`sudo sh -c 'echo hi > /srv/page.html'
docker pull busybox
docker run --rm -v /srv/page.html:/etc busybox true
docker ps -aq | wc -l
`);
    expect(r.stderr).toContain('error mounting "/srv/page.html" to rootfs at "/etc": mount src=/srv/page.html, dst=/etc, dstFd=/proc/thread-self/fd/7, flags=MS_BIND|MS_REC' + HINT);
    // Only kind's node container remains.
    expect(r.stdout).toContain('1\n');
  });

  it('missing mount points are made in the writable layer, parents too', () => {
    const r = run(`docker pull busybox
docker run --rm -v /srv/site:/a/b/c busybox ls -ld /a /a/b /a/b/c
`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('drw')).map((l) => `${l.slice(0, 10)} ${l.split(' ').pop()}`)).toEqual(['drwxr-xr-x /a', 'drwxr-xr-x /a/b', 'drwxr-xr-x /a/b/c']);
  });
});
