// Storage kinds: PersistentVolume, PersistentVolumeClaim, StorageClass, CSIDriver and
// VolumeAttachment tables (printers.go), and the PV, PVC and StorageClass describers (describe.go).
import type { Event, PersistentVolume, PersistentVolumeClaim, VolumeNodeAffinity } from 'kubernetes-types/core/v1';
import type { CSIDriver, StorageClass, VolumeAttachment } from 'kubernetes-types/storage/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printNamesMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import {
  DescribeWriter,
  accessModesString,
  formatLabels,
  hasDefaultClassAnnotation,
  persistentVolumeClass,
  persistentVolumeClaimClass,
  rfc1123z,
  since,
  type PrefixWriter,
} from './format.ts';
import { canonicalQuantity } from '../../../engine/api/quantity.ts';
import { describePersistentVolumeSource, printPersistentVolumeClaimFields } from './volumes.ts';

// ---------------------------------------------------------------------------------------------
// Tables

export const PERSISTENT_VOLUME_COLUMNS: Column<PersistentVolume>[] = [
  { header: 'NAME', cell: (pv) => pv.metadata?.name ?? '' },
  { header: 'CAPACITY', cell: (pv) => canonicalQuantity(pv.spec?.capacity?.['storage'] ?? '0') },
  { header: 'ACCESS MODES', cell: (pv) => accessModesString(pv.spec?.accessModes) },
  { header: 'RECLAIM POLICY', cell: (pv) => pv.spec?.persistentVolumeReclaimPolicy ?? '' },
  { header: 'STATUS', cell: (pv) => (pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '')) },
  {
    header: 'CLAIM',
    cell: (pv) => (pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : ''),
  },
  { header: 'STORAGECLASS', cell: (pv) => persistentVolumeClass(pv) },
  { header: 'VOLUMEATTRIBUTESCLASS', cell: (pv) => pv.spec?.volumeAttributesClassName ?? '<unset>' },
  { header: 'REASON', cell: (pv) => pv.status?.reason ?? '' },
  { header: 'AGE', cell: (pv, { now }) => since(pv.metadata?.creationTimestamp, now) },
  { header: 'VOLUMEMODE', wide: true, cell: (pv) => pv.spec?.volumeMode ?? '<unset>' },
];

export const PERSISTENT_VOLUME_CLAIM_COLUMNS: Column<PersistentVolumeClaim>[] = [
  { header: 'NAME', cell: (pvc) => pvc.metadata?.name ?? '' },
  { header: 'STATUS', cell: (pvc) => (pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '')) },
  { header: 'VOLUME', cell: (pvc) => pvc.spec?.volumeName ?? '' },
  // CAPACITY and ACCESS MODES come from status, and only once spec.volumeName is set.
  {
    header: 'CAPACITY',
    cell: (pvc) => (pvc.spec?.volumeName ? canonicalQuantity(pvc.status?.capacity?.['storage'] ?? '0') : ''),
  },
  { header: 'ACCESS MODES', cell: (pvc) => (pvc.spec?.volumeName ? accessModesString(pvc.status?.accessModes) : '') },
  { header: 'STORAGECLASS', cell: (pvc) => persistentVolumeClaimClass(pvc) },
  { header: 'VOLUMEATTRIBUTESCLASS', cell: (pvc) => pvc.spec?.volumeAttributesClassName ?? '<unset>' },
  { header: 'AGE', cell: (pvc, { now }) => since(pvc.metadata?.creationTimestamp, now) },
  { header: 'VOLUMEMODE', wide: true, cell: (pvc) => pvc.spec?.volumeMode ?? '<unset>' },
];

export const STORAGE_CLASS_COLUMNS: Column<StorageClass>[] = [
  {
    header: 'NAME',
    // v1.34's table marks every class carrying the default annotation; marking only the effective
    // (newest) default came with KK PR #135964, after v1.34 (semantics reference §11, §14).
    cell: (sc) => {
      const name = sc.metadata?.name ?? '';
      return hasDefaultClassAnnotation(sc.metadata) ? `${name} (default)` : name;
    },
  },
  { header: 'PROVISIONER', cell: (sc) => sc.provisioner ?? '' },
  { header: 'RECLAIMPOLICY', cell: (sc) => sc.reclaimPolicy ?? 'Delete' },
  { header: 'VOLUMEBINDINGMODE', cell: (sc) => sc.volumeBindingMode ?? 'Immediate' },
  { header: 'ALLOWVOLUMEEXPANSION', cell: (sc) => String(sc.allowVolumeExpansion ?? false) },
  { header: 'AGE', cell: (sc, { now }) => since(sc.metadata?.creationTimestamp, now) },
];

export const CSI_DRIVER_COLUMNS: Column<CSIDriver>[] = [
  { header: 'NAME', cell: (d) => d.metadata?.name ?? '' },
  { header: 'ATTACHREQUIRED', cell: (d) => String(d.spec?.attachRequired ?? true) },
  { header: 'PODINFOONMOUNT', cell: (d) => String(d.spec?.podInfoOnMount ?? false) },
  { header: 'STORAGECAPACITY', cell: (d) => String(d.spec?.storageCapacity ?? false) },
  {
    header: 'TOKENREQUESTS',
    cell: (d) => (d.spec?.tokenRequests ? d.spec.tokenRequests.map((t) => t.audience).join(',') : '<unset>'),
  },
  { header: 'REQUIRESREPUBLISH', cell: (d) => String(d.spec?.requiresRepublish ?? false) },
  { header: 'MODES', cell: (d) => (d.spec?.volumeLifecycleModes ?? []).join(',') || '<none>' },
  { header: 'AGE', cell: (d, { now }) => since(d.metadata?.creationTimestamp, now) },
];

export const VOLUME_ATTACHMENT_COLUMNS: Column<VolumeAttachment>[] = [
  { header: 'NAME', cell: (va) => va.metadata?.name ?? '' },
  { header: 'ATTACHER', cell: (va) => va.spec?.attacher ?? '' },
  { header: 'PV', cell: (va) => va.spec?.source?.persistentVolumeName ?? '' },
  { header: 'NODE', cell: (va) => va.spec?.nodeName ?? '' },
  { header: 'ATTACHED', cell: (va) => String(va.status?.attached ?? false) },
  { header: 'AGE', cell: (va, { now }) => since(va.metadata?.creationTimestamp, now) },
];

// ---------------------------------------------------------------------------------------------
// Describe

export function describePersistentVolume(pv: PersistentVolume, now: number, events: readonly Event[] | undefined): string {
  const w = new DescribeWriter();
  const meta = pv.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `Finalizers:\t[${(meta.finalizers ?? []).join(' ')}]\n`);
  w.write(0, `StorageClass:\t${persistentVolumeClass(pv)}\n`);
  if (meta.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
  } else {
    w.write(0, `Status:\t${pv.status?.phase ?? ''}\n`);
  }
  const claimRef = pv.spec?.claimRef;
  w.write(0, `Claim:\t${claimRef ? `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesString(pv.spec?.accessModes)}\n`);
  if (pv.spec?.volumeMode) w.write(0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${canonicalQuantity(pv.spec?.capacity?.['storage'] ?? '0')}\n`);
  printVolumeNodeAffinity(w, pv.spec?.nodeAffinity);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  describePersistentVolumeSource(pv.spec, w);
  describeEvents(w, eventsAbout({ kind: 'PersistentVolume', name: meta.name ?? '', uid: meta.uid }, events), now);
  return w.toString();
}

function printVolumeNodeAffinity(w: PrefixWriter, affinity: VolumeNodeAffinity | undefined): void {
  w.write(0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(2, '\t');
      let expr = `${req.key} ${req.operator.toLowerCase()}`;
      if (req.values && req.values.length > 0) expr += ` [${req.values.join(', ')}]`;
      w.write(0, `${expr}\n`);
    });
  });
}

export function describePersistentVolumeClaim(
  pvc: PersistentVolumeClaim,
  now: number,
  events: readonly Event[] | undefined,
  usedBy: readonly string[] | undefined,
): string {
  const w = new DescribeWriter();
  printPersistentVolumeClaimFields(w, pvc, true, now);
  printNamesMultiline(w, 'Used By', usedBy);
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  const meta = pvc.metadata ?? {};
  describeEvents(
    w,
    eventsAbout({ kind: 'PersistentVolumeClaim', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events),
    now,
  );
  return w.toString();
}

export function describeStorageClass(sc: StorageClass, now: number, events: readonly Event[] | undefined): string {
  const w = new DescribeWriter();
  const meta = sc.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `IsDefaultClass:\t${hasDefaultClassAnnotation(meta) ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(meta.annotations)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  const mountOptions = sc.mountOptions ?? [];
  if (mountOptions.length === 0) {
    w.write(0, 'MountOptions:\t<none>\n');
  } else {
    w.write(0, 'MountOptions:\n');
    for (const option of mountOptions) w.write(1, `${option}\n`);
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (sc.allowedTopologies) {
    w.write(0, 'AllowedTopologies:\t');
    if (sc.allowedTopologies.length === 0) {
      w.writeLine('<none>');
    } else {
      w.writeLine('');
      sc.allowedTopologies.forEach((term, i) => {
        w.write(1, `Term ${i}:\t`);
        const reqs = term.matchLabelExpressions ?? [];
        if (reqs.length === 0) {
          w.writeLine('<none>');
          return;
        }
        reqs.forEach((req, j) => {
          if (j !== 0) w.write(1, '\t');
          let expr = `${req.key} in`;
          if (req.values.length > 0) expr += ` [${req.values.join(', ')}]`;
          w.write(0, `${expr}\n`);
        });
      });
    }
  }
  describeEvents(w, eventsAbout({ kind: 'StorageClass', name: meta.name ?? '', uid: meta.uid }, events), now);
  return w.toString();
}
