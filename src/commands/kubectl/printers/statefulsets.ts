// StatefulSets: the table (printers.go printStatefulSet) and the describer (describe.go
// describeStatefulSet, describeVolumeClaimTemplates).
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Event, PersistentVolumeClaim, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, goSlice, rfc1123z, selectorString, since, type PrefixWriter } from './format.ts';
import { describePodTemplate } from './pods.ts';

/** `layoutContainerCells`: container names and images, comma-separated. */
export function containerCells(template: PodTemplateSpec | undefined): [string, string] {
  const list = template?.spec?.containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

export const STATEFUL_SET_COLUMNS: Column<StatefulSet>[] = [
  { header: 'NAME', cell: (s) => s.metadata?.name ?? '' },
  { header: 'READY', cell: (s) => `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}` },
  { header: 'AGE', cell: (s, { now }) => since(s.metadata?.creationTimestamp, now) },
  { header: 'CONTAINERS', wide: true, cell: (s) => containerCells(s.spec?.template)[0] },
  { header: 'IMAGES', wide: true, cell: (s) => containerCells(s.spec?.template)[1] },
];

/** `getPodStatusForController`: the set's own pods (controller uid) by phase. */
export function podCounts(owner: { metadata?: { uid?: string } }, pods: readonly Pod[] | undefined): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of pods ?? []) {
    const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
    if (!ref || ref.uid !== owner.metadata?.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeStatefulSet(s: StatefulSet, now: number, events: readonly Event[] | undefined, pods: readonly Pod[] | undefined): string {
  const w = new DescribeWriter();
  const meta = s.metadata ?? {};
  const spec = s.spec;
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  // kubectl 1.34 prints neither the Service name nor the pod management policy (added in 1.37).
  w.write(0, `Replicas:\t${spec?.replicas ?? 1} desired | ${s.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
  const ru = spec?.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podCounts(s, pods)}\n`);
  describePodTemplate(spec?.template, w, now);
  describeVolumeClaimTemplates(spec?.volumeClaimTemplates ?? [], w);
  describeEvents(w, eventsAbout({ kind: 'StatefulSet', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events), now);
  return w.toString();
}

function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[], w: PrefixWriter): void {
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    // GetPersistentVolumeClaimClass: the beta annotation first, then the field.
    const cls = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
    w.write(1, `StorageClass:\t${cls}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const capacity = pvc.spec?.resources?.requests?.['storage'];
    w.write(1, `Capacity:\t${capacity === undefined ? '<default>' : String(capacity)}\n`);
    w.write(1, `Access Modes:\t${goSlice(pvc.spec?.accessModes)}\n`);
  }
}
