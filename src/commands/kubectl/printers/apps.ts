// Deployments and ReplicaSets: tables (printers.go) and describers (describe.go).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Container, Event, Pod } from 'kubernetes-types/core/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, formatLabelSelector, intOrString, rfc1123z, selectorString, since } from './format.ts';
import { controllerOf, describePodTemplate } from './pods.ts';

/** `layoutContainerCells`: container names and images, comma-separated. */
function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

export const DEPLOYMENT_COLUMNS: Column<Deployment>[] = [
  { header: 'NAME', cell: (d) => d.metadata?.name ?? '' },
  { header: 'READY', cell: (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}` },
  { header: 'UP-TO-DATE', cell: (d) => String(d.status?.updatedReplicas ?? 0) },
  { header: 'AVAILABLE', cell: (d) => String(d.status?.availableReplicas ?? 0) },
  { header: 'AGE', cell: (d, { now }) => since(d.metadata?.creationTimestamp, now) },
  { header: 'CONTAINERS', wide: true, cell: (d) => containerCells(d.spec?.template?.spec?.containers)[0] },
  { header: 'IMAGES', wide: true, cell: (d) => containerCells(d.spec?.template?.spec?.containers)[1] },
  { header: 'SELECTOR', wide: true, cell: (d) => selectorString(d.spec?.selector) },
];

export const REPLICA_SET_COLUMNS: Column<ReplicaSet>[] = [
  { header: 'NAME', cell: (rs) => rs.metadata?.name ?? '' },
  { header: 'DESIRED', cell: (rs) => String(rs.spec?.replicas ?? 1) },
  { header: 'CURRENT', cell: (rs) => String(rs.status?.replicas ?? 0) },
  { header: 'READY', cell: (rs) => String(rs.status?.readyReplicas ?? 0) },
  { header: 'AGE', cell: (rs, { now }) => since(rs.metadata?.creationTimestamp, now) },
  { header: 'CONTAINERS', wide: true, cell: (rs) => containerCells(rs.spec?.template?.spec?.containers)[0] },
  { header: 'IMAGES', wide: true, cell: (rs) => containerCells(rs.spec?.template?.spec?.containers)[1] },
  { header: 'SELECTOR', wide: true, cell: (rs) => formatLabelSelector(rs.spec?.selector) },
];

function replicaSetsByLabels(sets: readonly ReplicaSet[]): string {
  const list = sets.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`);
  return list.length === 0 ? '<none>' : list.join(', ');
}

export function describeDeployment(
  d: Deployment,
  now: number,
  events: readonly Event[] | undefined,
  replicaSets: { old: readonly ReplicaSet[]; new?: ReplicaSet } | undefined,
): string {
  const w = new DescribeWriter();
  const meta = d.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
  const s = d.status ?? {};
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategy = d.spec?.strategy;
  w.write(0, `StrategyType:\t${strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  if (strategy?.rollingUpdate || (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate;
    w.write(
      0,
      `RollingUpdateStrategy:\t${intOrString(ru?.maxUnavailable ?? '25%')} max unavailable, ${intOrString(ru?.maxSurge ?? '25%')} max surge\n`,
    );
  }
  describePodTemplate(d.spec?.template, w, now);
  const conditions = s.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const oldSets = replicaSets?.old ?? [];
  const newSets = replicaSets?.new ? [replicaSets.new] : [];
  if (oldSets.length > 0 || newSets.length > 0) {
    w.write(0, `OldReplicaSets:\t${replicaSetsByLabels(oldSets)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsByLabels(newSets)}\n`);
  }
  describeEvents(
    w,
    eventsAbout({ kind: 'Deployment', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events),
    now,
  );
  return w.toString();
}

export function describeReplicaSet(
  rs: ReplicaSet,
  now: number,
  events: readonly Event[] | undefined,
  pods: readonly Pod[] | undefined,
): string {
  const w = new DescribeWriter();
  const meta = rs.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of pods ?? []) {
    const owner = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
    if (!owner || (meta.uid ? owner.uid !== meta.uid : owner.name !== meta.name)) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') counts[phase]++;
  }
  w.write(0, 'Pods Status:\t');
  w.write(0, `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
  describePodTemplate(rs.spec?.template, w, now);
  const conditions = rs.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(
    w,
    eventsAbout({ kind: 'ReplicaSet', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events),
    now,
  );
  return w.toString();
}
