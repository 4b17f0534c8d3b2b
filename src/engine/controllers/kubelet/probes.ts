// The kubelet's probes (pkg/kubelet/prober): liveness and readiness, by exec in the container
// (its image's shell, as `kubectl exec`), httpGet against the pod's own web servers, or tcpSocket
// to a listening port. A probe runs every periodSeconds from initialDelaySeconds after the
// container started; failureThreshold failures in a row make it fail: a liveness failure kills
// the container ("Container x failed liveness probe, will be restarted"; the restart policy and
// back-off then decide, restarts.ts), a readiness failure takes the container out of Ready (and
// so the pod out of its Services' endpoints) until a probe passes again.
// In time: a probe that passes changes nothing, so it is not run on the clock at all but each
// time the kubelet syncs the pod (after a command, a process's wake, a restart): what could make
// it fail. A failing one is due at each period's tick (`dueAt`, a wake), each tick an Unhealthy
// event, until it passes or reaches its threshold. So a pod whose probes always pass is idle for
// `sleep`, and one that fails over and over is a periodic cycle the clock can skip.
// Not simulated: startupProbe gating (a startup probe is treated as passing), successThreshold
// above 1, timeoutSeconds, grpc probes, and the probe's own lines in a server's access log.
import type { Container, ContainerStatus, Probe } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import type { ContainerRecord, ProbeWorker } from '../../cluster/state.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import { containerKey } from '../../containers/mounts.ts';
import { execIn, stopsOnSigterm } from '../../containers/runtime.ts';
import { httpRequest, type HttpOutcome } from '../../net/http.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

type Pod = Stored<'Pod'>;
type ProbeType = 'liveness' | 'readiness';

const SIGKILL_EXIT = 137;

/** Every instant a failing probe of any container is due next (for the kubelet's wakeTimes). */
export function probeWakes(record: ContainerRecord): (number | undefined)[] {
  if (record.exitAt !== undefined || !record.probes) return [];
  return [record.probes.liveness?.dueAt, record.probes.readiness?.dueAt];
}

/** Readiness at a container's start: one with a readiness probe is not ready until the probe passes. */
export function readyAtStart(c: Container): boolean {
  return !c.readinessProbe;
}

/** One pass of the pod's probe workers; called on every sync of a Running pod. */
export function runProbes(ctx: ControllerContext, podKey: string): void {
  const pod = ctx.txn.get('Pod', podKey);
  if (!pod || pod.status?.phase !== 'Running') return;
  for (const c of pod.spec?.containers ?? []) {
    if (c.readinessProbe) probeOne(ctx, podKey, c, 'readiness', c.readinessProbe);
    if (c.livenessProbe) probeOne(ctx, podKey, c, 'liveness', c.livenessProbe);
  }
}

function probeOne(ctx: ControllerContext, podKey: string, c: Container, type: ProbeType, probe: Probe): void {
  const pod = ctx.txn.get('Pod', podKey)!;
  const key = containerKey(pod, c.name);
  const record = ctx.txn.state.containers[key];
  const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
  // Only a running process is probed; one being killed already is left alone.
  if (!record || record.exitAt !== undefined || !status?.state?.running || record.startedAt === undefined) return;
  const period = (probe.periodSeconds ?? 10) * 1000;
  const first = record.startedAt + (probe.initialDelaySeconds ?? 0) * 1000;
  const worker: ProbeWorker = record.probes?.[type] ?? { failures: 0 };
  // The first tick at or after now (a probe runs on its worker's ticks only).
  const tick = ctx.now <= first ? first : first + Math.ceil((ctx.now - first) / period) * period;
  if (ctx.now < first) {
    // Before the initial delay: not ready (readiness), and nothing to do until then.
    setWorker(ctx, key, type, { ...worker, dueAt: first });
    return;
  }
  const result = runProbe(ctx, pod, c, probe);
  if (result.ok) {
    if (worker.failures > 0 || worker.dueAt !== undefined || record.probes?.[type] === undefined) setWorker(ctx, key, type, { failures: 0 });
    if (type === 'readiness' && !status.ready) setReady(ctx, podKey, c.name, true);
    return;
  }
  // A new instance with a readiness probe is not ready until its probe passes.
  if (type === 'readiness' && record.probes?.readiness === undefined && status.ready) setReady(ctx, podKey, c.name, false);
  // Failing: one failure at each of its ticks from the first at or after now. The kubelet syncs on
  // the resync grid (at or after a wake), so the ticks passed since the last sync are caught up.
  const threshold = probe.failureThreshold ?? 3;
  const label = type === 'liveness' ? 'Liveness' : 'Readiness';
  if (type === 'readiness' && worker.failures >= threshold) {
    // Failed for good: it stays so until a sync finds it passing. Its event repeats with each sync,
    // not on the clock, so `sleep` skips those resyncs (idle-resyncs.ts) and still counts them.
    ctx.event(pod, 'Warning', 'Unhealthy', `${label} probe failed: ${result.output}`);
    if (worker.dueAt !== undefined) setWorker(ctx, key, type, { failures: worker.failures });
    return;
  }
  let failures = worker.failures;
  let due = worker.dueAt ?? tick;
  // Each failing tick is an Unhealthy event (those of one sync share its timestamp, so they count once).
  if (due <= ctx.now) ctx.event(pod, 'Warning', 'Unhealthy', `${label} probe failed: ${result.output}`);
  while (due <= ctx.now) {
    failures = Math.min(failures + 1, threshold);
    // A liveness probe at its threshold kills the container at this tick.
    if (type === 'liveness' && failures >= threshold) break;
    due += period;
  }
  if (failures < threshold) {
    setWorker(ctx, key, type, { failures, dueAt: due });
    if (failures > worker.failures) ctx.step(`${type} probe of container ${c.name} in pod ${podKey} failed (${failures} of ${threshold})`);
    return;
  }
  if (type === 'readiness') {
    // At its threshold it stays failed; the next probe that passes makes it ready again.
    setWorker(ctx, key, type, { failures });
    if (status.ready) setReady(ctx, podKey, c.name, false);
    else if (failures > worker.failures) ctx.step(`readiness probe of container ${c.name} in pod ${podKey} failed ${failures} times`);
    return;
  }
  // Liveness: killed at the failing tick as the kubelet kills (SIGTERM, then SIGKILL after the grace
  // period); restarts.ts then restarts it per the restart policy.
  const grace = (probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  const sigterm = stopsOnSigterm(pod, c.name);
  const restart = (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
  ctx.event(pod, 'Normal', 'Killing', `Container ${c.name} failed liveness probe${restart ? ', will be restarted' : ''}`);
  const { probes: _forgotten, ...rest } = ctx.txn.state.containers[key]!;
  ctx.txn.state.containers[key] = { ...rest, exitAt: sigterm ? due : due + grace, exitCode: sigterm ? 0 : SIGKILL_EXIT };
  ctx.step(`liveness probe of container ${c.name} in pod ${podKey} failed ${failures} times: the kubelet kills it${sigterm ? '' : ` (PID 1 ignores SIGTERM: killed when the ${grace / 1000}s grace period ends)`}`);
}

function setWorker(ctx: ControllerContext, key: string, type: ProbeType, worker: ProbeWorker): void {
  const record = ctx.txn.state.containers[key]!;
  const same = JSON.stringify(record.probes?.[type]) === JSON.stringify(worker);
  if (!same) ctx.txn.state.containers[key] = { ...record, probes: { ...record.probes, [type]: worker } };
}

/** The container's ready flag, and the pod's Ready and ContainersReady conditions that follow it. */
function setReady(ctx: ControllerContext, podKey: string, name: string, ready: boolean): void {
  const pod = ctx.txn.get('Pod', podKey)!;
  const statuses: ContainerStatus[] = (pod.status?.containerStatuses ?? []).map((s) => (s.name === name ? { ...s, ready } : s));
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const at = rfc3339(ctx.now);
  const conditions = (pod.status?.conditions ?? []).map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady'
      ? unready.length === 0
        ? { type: c.type, status: 'True', lastTransitionTime: c.status === 'True' ? c.lastTransitionTime : at }
        : { type: c.type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastTransitionTime: c.status === 'False' ? c.lastTransitionTime : at }
      : c,
  );
  updateStatus(ctx.txn, { ...pod, status: { ...pod.status, conditions, containerStatuses: statuses } });
  ctx.step(`readiness probe of container ${name} in pod ${podKey} ${ready ? 'passed: the container is ready' : 'failed: the container is not ready'}`);
}

/** One run of the probe: whether it passed, and the output the kubelet puts in its event. */
function runProbe(ctx: ControllerContext, pod: Pod, c: Container, probe: Probe): { ok: boolean; output: string } {
  if (probe.exec?.command?.length) {
    const r = execIn(ctx.txn, pod, c.name, probe.exec.command, '');
    if (r.notFound) return { ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${probe.exec.command[0]}": executable file not found in $PATH: unknown` };
    return { ok: r.code === 0, output: (r.stdout + r.stderr).replace(/\n$/, '') };
  }
  const ip = pod.status?.podIP ?? '';
  if (probe.httpGet) {
    const port = portOf(c, probe.httpGet.port);
    const path = probe.httpGet.path || '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${probe.httpGet.host || ip}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const outcome = ask(ctx, pod, port, path);
    if (outcome.kind === 'response') {
      const code = outcome.response.status;
      return code >= 200 && code < 400 ? { ok: true, output: '' } : { ok: false, output: `HTTP probe failed with statuscode: ${code}` };
    }
    if (outcome.kind === 'refused') return { ok: false, output: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
    return { ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
  }
  if (probe.tcpSocket) {
    const port = portOf(c, probe.tcpSocket.port);
    // A web server the engine simulates answers on its port; a server it does not (redis, postgres)
    // is taken to listen on the ports its container declares, as long as it runs its image's own command.
    const declared = !c.command && (c.ports ?? []).some((p) => p.containerPort === port);
    const open = declared || ask(ctx, pod, port, '/').kind === 'response';
    return open ? { ok: true, output: '' } : { ok: false, output: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  // A probe with no handler (grpc) is not simulated: it passes.
  return { ok: true, output: '' };
}

/** The pod's own servers, asked from inside it (what the kubelet reaches at the pod's IP); the request leaves no trace. */
function ask(ctx: ControllerContext, pod: Pod, port: number, path: string): HttpOutcome {
  return httpRequest(ctx.txn.state, { kind: 'pod', pod }, { scheme: 'http', host: '127.0.0.1', port, target: path.startsWith('/') ? path : `/${path}`, hostHeader: `127.0.0.1:${port}` }, 'GET', 'kube-probe/1.34').outcome;
}

/** A probe's port: a number, or the name of one of the container's ports. */
function portOf(c: Container, port: number | string): number {
  if (typeof port === 'number') return port;
  return c.ports?.find((p) => p.name === port)?.containerPort ?? Number(port);
}
