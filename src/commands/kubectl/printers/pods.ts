// Pods: the `kubectl get pods` table (printers.go `printPod`) and `kubectl describe pod`
// (describe.go `describePod`), plus the container and pod-template sections that Deployments and
// ReplicaSets reuse.
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Event,
  Pod,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
} from 'kubernetes-types/core/v1';
import { humanDuration } from '../../../lib/duration.ts';
import type { Column } from './columns.ts';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import {
  DescribeWriter,
  compareStrings,
  formatLabelSelector,
  intOrString,
  parseTime,
  rfc1123z,
  since,
  type PrefixWriter,
} from './format.ts';
import { addQuantities as addQuantity, canonicalQuantity, compareQuantities as compareQuantity, parseQuantity as parseEngineQuantity, quantityMilliValue, quantityValue, ZERO_QUANTITY as ZERO, type Quantity } from '../../../engine/api/quantity.ts';

/** A quantity from an object field, or undefined when absent or malformed. */
function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  const r = parseEngineQuantity(input);
  return r.ok ? r.quantity : undefined;
}
import { describeVolumes } from './volumes.ts';

// ---------------------------------------------------------------------------------------------
// Table

interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** READY, STATUS and RESTARTS of `printPod`, including init containers and sidecars. */
export function summarizePod(pod: Pod, now: number): PodSummary {
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = pod.spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestartDate = 0;
  let lastRestartableInitRestartDate = 0;

  const phase = pod.status?.phase ?? '';
  let reason: string = pod.status?.reason || phase;
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of pod.spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  const finished = (s: ContainerStatus): number | undefined => parseTime(s.lastState?.terminated?.finishedAt);

  let initializing = false;
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  const initCount = pod.spec?.initContainers?.length ?? 0;
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    if (!container) continue;
    restarts += container.restartCount ?? 0;
    const f = finished(container);
    if (f !== undefined && f > lastRestartDate) lastRestartDate = f;
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount ?? 0;
      if (f !== undefined && f > lastRestartableInitRestartDate) lastRestartableInitRestartDate = f;
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestartDate = lastRestartableInitRestartDate;
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      if (!container) continue;
      restarts += container.restartCount ?? 0;
      const f = finished(container);
      if (f !== undefined && f > lastRestartDate) lastRestartDate = f;
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartDate !== 0) {
    restartsText = `${restarts} (${humanDuration(now - lastRestartDate)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function podIP(pod: Pod): string {
  return pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '';
}

export const POD_COLUMNS: Column<Pod>[] = [
  { header: 'NAME', cell: (pod) => pod.metadata?.name ?? '' },
  { header: 'READY', cell: (pod, { now }) => summarizePod(pod, now).ready },
  { header: 'STATUS', cell: (pod, { now }) => summarizePod(pod, now).status },
  { header: 'RESTARTS', cell: (pod, { now }) => summarizePod(pod, now).restarts },
  { header: 'AGE', cell: (pod, { now }) => since(pod.metadata?.creationTimestamp, now) },
  { header: 'IP', wide: true, cell: (pod) => podIP(pod) || '<none>' },
  { header: 'NODE', wide: true, cell: (pod) => pod.spec?.nodeName || '<none>' },
  { header: 'NOMINATED NODE', wide: true, cell: (pod) => pod.status?.nominatedNodeName || '<none>' },
  {
    header: 'READINESS GATES',
    wide: true,
    cell: (pod) => {
      const gates = pod.spec?.readinessGates ?? [];
      if (gates.length === 0) return '<none>';
      let trueConditions = 0;
      for (const gate of gates) {
        const c = (pod.status?.conditions ?? []).find((cond) => cond.type === gate.conditionType);
        if (c?.status === 'True') trueConditions++;
      }
      return `${trueConditions}/${gates.length}`;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Describe

/** `printController`: `Kind/name` of the controlling owner reference. */
export function controllerOf(meta: { ownerReferences?: { controller?: boolean; kind: string; name: string }[] } | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describePod(pod: Pod, now: number, events: readonly Event[] | undefined): string {
  const w = new DescribeWriter();
  const meta = pod.metadata ?? {};
  const spec = pod.spec;
  const status = pod.status ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec?.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec?.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec?.nodeName) {
    w.write(0, 'Node:\t<none>\n');
  } else {
    w.write(0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
  }
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  const seccomp = spec?.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) {
    w.write(0, 'IPs:\t<none>\n');
  } else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);

  const resolver = envValueRetriever(pod);
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec?.initContainers ?? [], status.initContainerStatuses, resolver, w, '');
  }
  describeContainers('Containers', spec?.containers ?? [], status.containerStatuses, resolver, w, '');
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = (status.conditions ?? []).find((cond) => cond.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec?.volumes, w, '', now);
  w.write(0, `QoS Class:\t${status.qosClass || computePodQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
  describeTopologySpreadConstraints(pod.spec, w, '');
  describeEvents(
    w,
    eventsAbout({ kind: 'Pod', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events, { anyKind: true }),
    now,
  );
  return w.toString();
}

function describeTopologySpreadConstraints(spec: Pod['spec'], w: PrefixWriter, space: string): void {
  const tscs = [...(spec?.topologySpreadConstraints ?? [])].sort((a, b) => compareStrings(a.topologyKey, b.topologyKey));
  if (tscs.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  tscs.forEach((tsc, i) => {
    if (i !== 0) {
      w.write(0, space);
      w.write(0, '\t');
    }
    let text = `${tsc.topologyKey}:${tsc.whenUnsatisfiable} when max skew ${tsc.maxSkew} is exceeded`;
    if (tsc.labelSelector) text += ` for selector ${formatLabelSelector(tsc.labelSelector)}`;
    w.write(0, `${text}\n`);
  });
}

type EnvResolver = (e: EnvVar) => string;

/** `DescribePodTemplate` (Deployments, ReplicaSets). */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter, now: number): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  }
  const spec = template.spec;
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec?.initContainers ?? [], undefined, undefined, w, '  ');
  }
  describeContainers('Containers', spec?.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec?.volumes, w, '  ', now);
  describeTopologySpreadConstraints(spec, w, '  ');
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations);
}

function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = byName.get(container.name);
    describeContainerBasicInfo(container, status, space, w);
    describeContainerCommand(container, w);
    if (status) describeContainerState(status, w);
    describeResources(container.resources, w, 2);
    describeContainerProbe(container, w);
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w);
    describeContainerEnvVars(container, resolver, w);
    describeContainerVolumes(container, w);
  }
}

function describeContainerBasicInfo(container: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  const nameIndent = space.length > 0 ? ' ' : '';
  w.write(1, `${nameIndent}${container.name}:\n`);
  if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(2, `Image:\t${container.image ?? ''}\n`);
  if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  if (ports.includes(',')) w.write(2, `Ports:\t${ports}\n`);
  else w.write(2, `Port:\t${ports || '<none>'}\n`);
  const hostPorts = (container.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
  if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
  else w.write(2, `Host Port:\t${hostPorts || '<none>'}\n`);
  const seccomp = container.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  if ((container.command ?? []).length > 0) {
    w.write(2, 'Command:\n');
    for (const c of container.command ?? []) for (const s of c.split('\n')) w.write(3, `${s}\n`);
  }
  if ((container.args ?? []).length > 0) {
    w.write(2, 'Args:\n');
    for (const a of container.args ?? []) for (const s of a.split('\n')) w.write(3, `${s}\n`);
  }
}

function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  const limitNames = Object.keys(limits).sort(compareStrings);
  if (limitNames.length > 0) w.write(level, 'Limits:\n');
  for (const name of limitNames) w.write(level + 1, `${name}:\t${canonicalQuantity(limits[name])}\n`);
  const requestNames = Object.keys(requests).sort(compareStrings);
  if (requestNames.length > 0) w.write(level, 'Requests:\n');
  for (const name of requestNames) w.write(level + 1, `${name}:\t${canonicalQuantity(requests[name])}\n`);
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(2, `${stateName}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${stateName}:\tWaiting\n`);
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
  w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

/** `DescribeProbe`, with the API server's defaults for unset numbers. */
function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const port = intOrString(probe.httpGet.port);
    const rawHost = probe.httpGet.host ?? '';
    const host = rawHost.includes(':') ? `[${rawHost}]` : rawHost;
    const authority = port ? `${host}:${port}` : host;
    return `http-get ${scheme}://${authority}${probe.httpGet.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerProbe(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
  if (container.readinessProbe) w.write(2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
  if (container.startupProbe) w.write(2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
}

function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => compareStrings(a.mountPath, b.mountPath));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(container.volumeDevices ?? [])].sort((a, b) => compareStrings(a.devicePath, b.devicePath));
  if (devices.length > 0) {
    w.write(2, `Devices:${none}\n`);
    for (const d of devices) w.write(3, `${d.devicePath} from ${d.name}\n`);
  }
}

function describeContainerEnvVars(container: Container, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => {
        w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
      continue;
    }
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(resource, from.resourceFieldRef.divisor, container);
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`);
    }
  }
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(2, 'Environment Variables from:\n');
  for (const e of container.envFrom ?? []) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

/** Go's `%q` for the ASCII strings we meet. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** `fieldpath.FormatMap`: `key="value"` lines sorted by key, no trailing newline. */
function formatMap(m: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(m ?? {})
    .sort(compareStrings)
    .map((k) => `${k}=${goQuote(m?.[k] ?? '')}`)
    .join('\n');
}

/**
 * `EnvValueRetriever`: kubectl's `fieldpath.ExtractFieldPathAsString` only knows metadata fields,
 * so `spec.nodeName`, `status.podIP` and friends print an empty value.
 */
function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? '';
    const meta = pod.metadata ?? {};
    const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
    if (sub) {
      const map = sub[1] === 'metadata.labels' ? meta.labels : meta.annotations;
      return (map && Object.prototype.hasOwnProperty.call(map, sub[2] ?? '') ? map[sub[2] ?? ''] : undefined) ?? '';
    }
    switch (path) {
      case 'metadata.annotations':
        return formatMap(meta.annotations);
      case 'metadata.labels':
        return formatMap(meta.labels);
      case 'metadata.name':
        return meta.name ?? '';
      case 'metadata.namespace':
        return meta.namespace ?? '';
      case 'metadata.uid':
        return meta.uid ?? '';
      default:
        return '';
    }
  };
}

/** `resourcehelper.ExtractContainerResourceValue` for the standard resources. */
function containerResourceValue(resource: string, divisorText: string | undefined, container: Container): string {
  const divisorParsed = parseQuantity(divisorText);
  const divisor = divisorParsed && divisorParsed.nanos !== 0n ? divisorParsed : (parseQuantity('1') ?? ZERO);
  const [kind, name] = resource.split('.', 2) as [string, string | undefined];
  if (!name || (kind !== 'limits' && kind !== 'requests')) return '';
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const q = parseQuantity(list?.[name]) ?? ZERO;
  if (name === 'cpu') return ceilDiv(quantityMilliValue(q), quantityMilliValue(divisor));
  if (name === 'memory' || name === 'ephemeral-storage') return ceilDiv(quantityValue(q), quantityValue(divisor));
  return '';
}

function ceilDiv(a: bigint, b: bigint): string {
  if (b === 0n) return '0';
  const q = a / b;
  return String(a % b !== 0n && a > 0n ? q + 1n : q);
}

/** `qos.ComputePodQOS` over cpu and memory. */
export function computePodQOS(pod: Pod): string {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let isGuaranteed = true;
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const supported = (name: string): boolean => name === 'cpu' || name === 'memory';
  const accumulate = (into: Map<string, Quantity>, name: string, q: Quantity): void => {
    const prev = into.get(name);
    into.set(name, prev ? addQuantity(q, prev) : q);
  };
  for (const c of all) {
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantity(text);
      if (supported(name) && q && compareQuantity(q, ZERO) > 0) accumulate(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, text] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantity(text);
      if (supported(name) && q && compareQuantity(q, ZERO) > 0) {
        found.add(name);
        accumulate(limits, name, q);
      }
    }
    if (!(found.has('memory') && found.has('cpu'))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/**
 * `resourcehelper.PodRequestsAndLimits`, simplified: the sum over containers, raised to any
 * larger init container, plus pod overhead.
 */
export function podRequestsAndLimits(pod: Pod): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const sum = (which: 'requests' | 'limits'): Map<string, Quantity> => {
    const out = new Map<string, Quantity>();
    for (const c of pod.spec?.containers ?? []) {
      for (const [name, text] of Object.entries(c.resources?.[which] ?? {})) {
        const q = parseQuantity(text);
        if (!q) continue;
        const prev = out.get(name);
        out.set(name, prev ? addQuantity(prev, q) : q);
      }
    }
    for (const c of pod.spec?.initContainers ?? []) {
      for (const [name, text] of Object.entries(c.resources?.[which] ?? {})) {
        const q = parseQuantity(text);
        if (!q) continue;
        const prev = out.get(name);
        if (!prev || compareQuantity(q, prev) > 0) out.set(name, q);
      }
    }
    for (const [name, text] of Object.entries(pod.spec?.overhead ?? {})) {
      const q = parseQuantity(text);
      if (!q) continue;
      const prev = out.get(name);
      out.set(name, prev ? addQuantity(prev, q) : q);
    }
    return out;
  };
  return { requests: sum('requests'), limits: sum('limits') };
}

