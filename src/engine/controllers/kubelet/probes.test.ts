// The kubelet's liveness and readiness probes (probes.ts): exec in the container, httpGet against
// the pod's own web server, tcpSocket to a listening port; a liveness failure at its threshold
// kills the container, which restarts; a readiness failure takes the pod out of Ready and its
// Service's endpoints; probes that keep passing or keep failing leave `sleep` quick.
import { describe, expect, it } from 'vitest';
import { advanceClock } from '../../runtime/simulation.ts';
import { TestCluster } from '../../testing/harness.ts';
import { execInPod } from '../../containers/runtime.ts';

// kubernetes.io, "Configure Liveness, Readiness and Startup Probes": the exec liveness example.
const LIVENESS_EXEC = `apiVersion: v1
kind: Pod
metadata: {name: liveness-exec}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const WEB = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: nginx
    image: nginx
    ports: [{name: http, containerPort: 80}]
    readinessProbe:
      httpGet: {path: /ready.html, port: http}
      periodSeconds: 5
    livenessProbe:
      tcpSocket: {port: 80}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

function sleep(tc: TestCluster, seconds: number): void {
  tc.state = advanceClock(tc.state, seconds).state;
}

const status = (tc: TestCluster, pod: string) => tc.get('Pod', `default/${pod}`)!.status!;

describe('liveness probe', () => {
  it('passes while the file is there; then fails, kills the container (SIGKILL after the grace period) and it restarts', () => {
    const tc = TestCluster.of('kind');
    tc.apply(LIVENESS_EXEC);
    sleep(tc, 29);
    expect(tc.events('Pod', 'liveness-exec').filter((e) => /Unhealthy|Killing/.test(e))).toEqual([]);
    sleep(tc, 31);
    expect(tc.events('Pod', 'liveness-exec').filter((e) => /Unhealthy|Killing/.test(e))).toEqual([
      "Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      'Normal Killing Container liveness failed liveness probe, will be restarted',
    ]);
    // sh as PID 1 ignores SIGTERM: still running until the 30 s grace period ends.
    expect(status(tc, 'liveness-exec').containerStatuses![0]!.restartCount).toBe(0);
    sleep(tc, 40);
    const s = status(tc, 'liveness-exec').containerStatuses![0]!;
    expect(s.restartCount).toBe(1);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(s.state?.running).toBeDefined();
  });

  it('restartPolicy Never: the kill is not followed by a restart', () => {
    const tc = TestCluster.of('kind');
    tc.apply(LIVENESS_EXEC.replace('spec:\n', 'spec:\n  restartPolicy: Never\n'));
    sleep(tc, 120);
    expect(tc.events('Pod', 'liveness-exec')).toContain('Normal Killing Container liveness failed liveness probe');
    expect(tc.phase('Pod', 'default/liveness-exec')).toBe('Failed');
  });
});

describe('readiness probe', () => {
  it('not ready while the page is missing (404), ready once it exists, with the Service endpoints following', () => {
    const tc = TestCluster.of('kind');
    tc.apply(WEB);
    sleep(tc, 20);
    expect(status(tc, 'web').containerStatuses![0]!.ready).toBe(false);
    expect(status(tc, 'web').conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' });
    expect(tc.events('Pod', 'web')).toContain('Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 404');
    // The endpoints controller lists it under notReadyAddresses, not addresses.
    expect(tc.get('Endpoints', 'default/web')?.subsets?.[0]?.addresses).toBeUndefined();
    expect(tc.get('Endpoints', 'default/web')?.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual([status(tc, 'web').podIP]);

    const wrote = execInPod(tc.state, 'default', 'web', 'nginx', ['sh', '-c', 'echo ok > /usr/share/nginx/html/ready.html'], '');
    if (!wrote.ok) throw new Error('exec failed');
    tc.state = wrote.state;
    sleep(tc, 5);
    expect(status(tc, 'web').containerStatuses![0]!.ready).toBe(true);
    expect(status(tc, 'web').conditions!.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(tc.get('Endpoints', 'default/web')?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual([status(tc, 'web').podIP]);
    // The tcpSocket liveness probe finds nginx listening on 80: never killed.
    expect(tc.events('Pod', 'web').filter((e) => e.includes('Liveness'))).toEqual([]);
  });

  it('httpGet to a port nothing listens on: connection refused, in the kubelet words', () => {
    const tc = TestCluster.of('kind');
    tc.apply(WEB.replace('port: http}', 'port: 8080}'));
    sleep(tc, 15);
    const ip = status(tc, 'web').podIP;
    expect(tc.events('Pod', 'web')).toContain(`Warning Unhealthy Readiness probe failed: Get "http://${ip}:8080/ready.html": dial tcp ${ip}:8080: connect: connection refused`);
  });
});

describe('probes in time', () => {
  it('sleep 9999999 stays quick with a probe that always fails and one that crash-loops its container', () => {
    const tc = TestCluster.of('kind');
    tc.apply(WEB);
    tc.apply(LIVENESS_EXEC);
    const t0 = performance.now();
    sleep(tc, 9_999_999);
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(status(tc, 'web').containerStatuses![0]!.ready).toBe(false);
    expect(status(tc, 'liveness-exec').containerStatuses![0]!.restartCount).toBeGreaterThan(20_000);
  });
});
