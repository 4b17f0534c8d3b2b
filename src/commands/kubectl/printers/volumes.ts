// Volume source sections of describe (pod `Volumes:` and PV `Source:`), ported from describe.go's
// print*VolumeSource functions. The first line of each block is written at level 2; the following
// lines carry their own four spaces, exactly like kubectl's format strings.
import type {
  CSIPersistentVolumeSource,
  CSIVolumeSource,
  ConfigMapVolumeSource,
  DownwardAPIVolumeSource,
  EmptyDirVolumeSource,
  EphemeralVolumeSource,
  HostPathVolumeSource,
  LocalVolumeSource,
  NFSVolumeSource,
  PersistentVolumeClaim,
  PersistentVolumeClaimVolumeSource,
  PersistentVolumeSpec,
  ProjectedVolumeSource,
  SecretVolumeSource,
  Volume,
} from 'kubernetes-types/core/v1';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import {
  accessModesString,
  compareStrings,
  nestedWriter,
  persistentVolumeClaimClass,
  since,
  type PrefixWriter,
} from './format.ts';
import { canonicalQuantity, compareQuantities as compareQuantity, parseQuantity as parseEngineQuantity, type Quantity, ZERO_QUANTITY as ZERO } from '../../../engine/api/quantity.ts';

/** A quantity from an object field, or undefined when absent or malformed. */
function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  const r = parseEngineQuantity(input);
  return r.ok ? r.quantity : undefined;
}

const MAX_ANNOTATION_LEN = 140;

export function printHostPathVolumeSource(hostPath: HostPathVolumeSource, w: PrefixWriter): void {
  const type = hostPath.type === undefined || hostPath.type === null ? '<none>' : hostPath.type;
  w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path}\n    HostPathType:\t${type}\n`);
}

function printEmptyDirVolumeSource(emptyDir: EmptyDirVolumeSource, w: PrefixWriter): void {
  const limit = parseQuantity(emptyDir.sizeLimit);
  const sizeLimit = limit && compareQuantity(limit, ZERO) > 0 ? canonicalQuantity(emptyDir.sizeLimit) : '<unset>';
  w.write(
    2,
    `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`,
  );
}

function printSecretVolumeSource(secret: SecretVolumeSource, w: PrefixWriter): void {
  w.write(
    2,
    `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${secret.secretName ?? ''}\n    Optional:\t${secret.optional === true}\n`,
  );
}

function printConfigMapVolumeSource(configMap: ConfigMapVolumeSource, w: PrefixWriter): void {
  w.write(
    2,
    `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${configMap.name ?? ''}\n    Optional:\t${configMap.optional === true}\n`,
  );
}

function printProjectedVolumeSource(projected: ProjectedVolumeSource, w: PrefixWriter): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of projected.sources ?? []) {
    if (source.secret) {
      w.write(2, `SecretName:\t${source.secret.name ?? ''}\n    Optional:\t${source.secret.optional === true}\n`);
    } else if (source.downwardAPI) {
      w.write(2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      w.write(2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    Optional:\t${source.configMap.optional === true}\n`);
    } else if (source.serviceAccountToken) {
      // The API server defaults expirationSeconds to 3600.
      w.write(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

function printNFSVolumeSource(nfs: NFSVolumeSource, w: PrefixWriter): void {
  w.write(
    2,
    `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${nfs.server}\n    Path:\t${nfs.path}\n    ReadOnly:\t${nfs.readOnly === true}\n`,
  );
}

function printPersistentVolumeClaimVolumeSource(claim: PersistentVolumeClaimVolumeSource, w: PrefixWriter): void {
  w.write(
    2,
    `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${claim.claimName}\n    ReadOnly:\t${claim.readOnly === true}\n`,
  );
}

function printEphemeralVolumeSource(ephemeral: EphemeralVolumeSource, w: PrefixWriter, now: number): void {
  w.write(2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  const template = ephemeral.volumeClaimTemplate;
  if (template) {
    const pvc: PersistentVolumeClaim = { metadata: template.metadata ?? {}, spec: template.spec };
    printPersistentVolumeClaimFields(nestedWriter(w, 2), pvc, false, now);
  }
}

function printDownwardAPIVolumeSource(d: DownwardAPIVolumeSource, w: PrefixWriter): void {
  w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of d.items ?? []) {
    if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
}

function printCSIVolumeSource(csi: CSIVolumeSource, w: PrefixWriter): void {
  w.write(
    2,
    `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    ReadOnly:\t${csi.readOnly === true}\n`,
  );
  printCSIVolumeAttributes(w, csi.volumeAttributes);
}

function printCSIPersistentVolumeSource(csi: CSIPersistentVolumeSource, w: PrefixWriter): void {
  w.write(
    2,
    `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    VolumeHandle:\t${csi.volumeHandle}\n    ReadOnly:\t${csi.readOnly === true}\n`,
  );
  printCSIVolumeAttributes(w, csi.volumeAttributes);
}

/**
 * `printCSIPersistentVolumeAttributesMultilineIndent`. Faithful to kubectl, including its quirk:
 * each `key=value` is written at level 2, so it gets four extra spaces after the tab.
 */
function printCSIVolumeAttributes(w: PrefixWriter, attributes: Readonly<Record<string, string>> | undefined): void {
  w.write(2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(2, '');
      w.write(2, '\t');
    }
    const line = `${key}=${attributes?.[key] ?? ''}`;
    w.write(2, line.length > MAX_ANNOTATION_LEN ? `${line.slice(0, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`);
  });
}

function printLocalVolumeSource(local: LocalVolumeSource, w: PrefixWriter): void {
  w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${local.path}\n`);
}

/** `describeVolumes` of a pod (or a pod template, with `space` = two spaces). */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string, now: number): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? ' ' : '';
  for (const volume of volumes) {
    w.write(1, `${nameIndent}${volume.name}:\n`);
    if (volume.hostPath) printHostPathVolumeSource(volume.hostPath, w);
    else if (volume.emptyDir) printEmptyDirVolumeSource(volume.emptyDir, w);
    else if (volume.secret) printSecretVolumeSource(volume.secret, w);
    else if (volume.configMap) printConfigMapVolumeSource(volume.configMap, w);
    else if (volume.nfs) printNFSVolumeSource(volume.nfs, w);
    else if (volume.persistentVolumeClaim) printPersistentVolumeClaimVolumeSource(volume.persistentVolumeClaim, w);
    else if (volume.ephemeral) printEphemeralVolumeSource(volume.ephemeral, w, now);
    else if (volume.downwardAPI) printDownwardAPIVolumeSource(volume.downwardAPI, w);
    else if (volume.projected) printProjectedVolumeSource(volume.projected, w);
    else if (volume.csi) printCSIVolumeSource(volume.csi, w);
    else w.write(1, '<unknown>\n');
  }
}

/** The `Source:` block of a PersistentVolume. */
export function describePersistentVolumeSource(spec: PersistentVolumeSpec | undefined, w: PrefixWriter): void {
  if (spec?.hostPath) printHostPathVolumeSource(spec.hostPath, w);
  else if (spec?.nfs) printNFSVolumeSource(spec.nfs, w);
  else if (spec?.local) printLocalVolumeSource(spec.local, w);
  else if (spec?.csi) printCSIPersistentVolumeSource(spec.csi, w);
  else w.write(1, '<unknown>\n');
}

/**
 * `printPersistentVolumeClaim`: the body of `describe pvc`, also used (with `isFullPVC` false) for
 * an ephemeral volume's claim template.
 */
export function printPersistentVolumeClaimFields(
  w: PrefixWriter,
  pvc: PersistentVolumeClaim,
  isFullPVC: boolean,
  now: number,
): void {
  if (isFullPVC) {
    w.write(0, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(0, `Namespace:\t${pvc.metadata?.namespace ?? ''}\n`);
  }
  w.write(0, `StorageClass:\t${persistentVolumeClaimClass(pvc)}\n`);
  if (isFullPVC) {
    if (pvc.metadata?.deletionTimestamp) {
      w.write(0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, now)})\n`);
    } else {
      w.write(0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    }
  }
  w.write(0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations);
  if (isFullPVC) w.write(0, `Finalizers:\t[${(pvc.metadata?.finalizers ?? []).join(' ')}]\n`);
  let capacity = '';
  let accessModes = '';
  if (pvc.spec?.volumeName) {
    accessModes = accessModesString(pvc.status?.accessModes);
    capacity = canonicalQuantity(pvc.status?.capacity?.['storage'] ?? '0');
  }
  w.write(0, `Capacity:\t${capacity}\n`);
  w.write(0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const dataSource = pvc.spec?.dataSource;
  if (dataSource) {
    w.write(0, 'DataSource:\n');
    if (dataSource.apiGroup !== undefined && dataSource.apiGroup !== null) w.write(1, `APIGroup:\t${dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${dataSource.kind}\n`);
    w.write(1, `Name:\t${dataSource.name}\n`);
  }
}
