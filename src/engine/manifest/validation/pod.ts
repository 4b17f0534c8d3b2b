// Pod spec validation (pkg/apis/core/validation ValidatePodSpec), the subset a storage
// playground meets: containers, volumes and their mounts, restart policy, downward API paths.
import type { Container, DownwardAPIVolumeFile, EnvVar, Pod, PodSpec, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import { duplicate, invalid, notFound, required, unsupported, type FieldError } from './field-errors.ts';
import { validateLabels } from './metadata.ts';
import { validateResources } from './resources.ts';
import { isDns1123Label, nameMessages } from './names.ts';

const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'] as const;

/** The volume-source fields of a pod Volume; exactly one must be set. */
export const POD_VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'persistentVolumeClaim', 'configMap', 'secret', 'downwardAPI', 'projected',
  'ephemeral', 'csi', 'nfs', 'image', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile',
  'iscsi', 'fc', 'cephfs', 'rbd', 'cinder', 'flexVolume', 'glusterfs', 'portworxVolume', 'quobyte', 'scaleIO',
  'storageos', 'vsphereVolume', 'photonPersistentDisk', 'flocker', 'gitRepo',
] as const;

const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
] as const;
const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'] as const;
const SUBSCRIPTED = /^metadata\.(labels|annotations)\['[^']+'\]$/;

export function volumeSourceOf(v: Volume): string | undefined {
  return POD_VOLUME_SOURCES.find((f) => (v as unknown as Record<string, unknown>)[f] !== undefined);
}

export function validatePod(pod: Pod): FieldError[] {
  return validatePodSpec(pod.spec, 'spec');
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec) return [required(path)];
  const volumeNames = new Set<string>();
  // A null list entry decodes to the zero value on the server, and fails as an empty one would.
  (spec.volumes ?? []).map((v) => v ?? ({} as Volume)).forEach((v, i) => {
    const vp = `${path}.volumes[${i}]`;
    if (!v.name) errors.push(required(`${vp}.name`));
    else if (!isDns1123Label(v.name)) errors.push(...nameMessages(v.name, 'label').map((m) => invalid(`${vp}.name`, v.name, m)));
    else if (volumeNames.has(v.name)) errors.push(duplicate(`${vp}.name`, v.name));
    else volumeNames.add(v.name);
    const sources = POD_VOLUME_SOURCES.filter((f) => (v as unknown as Record<string, unknown>)[f] !== undefined);
    if (sources.length === 0) errors.push(required(vp, 'must specify a volume type'));
    if (sources.length > 1) errors.push({ type: 'Forbidden', field: `${vp}.${sources[1]}`, detail: 'may not specify more than 1 volume type' });
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errors.push(required(`${vp}.persistentVolumeClaim.claimName`));
    if (v.hostPath && !v.hostPath.path) errors.push(required(`${vp}.hostPath.path`));
    if (v.hostPath?.path?.split('/').includes('..')) errors.push(invalid(`${vp}.hostPath.path`, v.hostPath.path, "must not contain '..'"));
    if (v.configMap && !v.configMap.name) errors.push(required(`${vp}.configMap.name`));
    if (v.secret && !v.secret.secretName) errors.push(required(`${vp}.secret.secretName`));
    (v.configMap?.items ?? []).forEach((item, j) => errors.push(...keyToPathErrors(item, `${vp}.configMap.items[${j}]`)));
    (v.secret?.items ?? []).forEach((item, j) => errors.push(...keyToPathErrors(item, `${vp}.secret.items[${j}]`)));
    (v.downwardAPI?.items ?? []).forEach((item, j) => errors.push(...downwardFileErrors(item, `${vp}.downwardAPI.items[${j}]`)));
    (v.projected?.sources ?? []).forEach((source, j) => {
      const sp = `${vp}.projected.sources[${j}]`;
      (source?.configMap?.items ?? []).forEach((item, k) => errors.push(...keyToPathErrors(item, `${sp}.configMap.items[${k}]`)));
      (source?.secret?.items ?? []).forEach((item, k) => errors.push(...keyToPathErrors(item, `${sp}.secret.items[${k}]`)));
      (source?.downwardAPI?.items ?? []).forEach((item, k) => errors.push(...downwardFileErrors(item, `${sp}.downwardAPI.items[${k}]`)));
      if (source?.serviceAccountToken) {
        if (!source.serviceAccountToken.path) errors.push(required(`${sp}.serviceAccountToken.path`));
        else errors.push(...localPathErrors(source.serviceAccountToken.path, `${sp}.serviceAccountToken.path`));
      }
    });
  });

  if (!spec.containers || spec.containers.length === 0) errors.push(required(`${path}.containers`));
  const containerNames = new Set<string>();
  (spec.containers ?? []).map((c) => c ?? ({} as Container)).forEach((c, i) => {
    const cp = `${path}.containers[${i}]`;
    if (!c.name) errors.push(required(`${cp}.name`));
    else if (!isDns1123Label(c.name)) errors.push(...nameMessages(c.name, 'label').map((m) => invalid(`${cp}.name`, c.name, m)));
    else if (containerNames.has(c.name)) errors.push(duplicate(`${cp}.name`, c.name));
    else containerNames.add(c.name);
    errors.push(...containerCommonErrors(c, cp, volumeNames));
  });
  // validateInitContainers: after the app containers, and no name may repeat across both lists
  // (the kubelet keys a pod's containers by name).
  (spec.initContainers ?? []).map((c) => c ?? ({} as Container)).forEach((c, i) => {
    const cp = `${path}.initContainers[${i}]`;
    if (!c.name) errors.push(required(`${cp}.name`));
    else if (!isDns1123Label(c.name)) errors.push(...nameMessages(c.name, 'label').map((m) => invalid(`${cp}.name`, c.name, m)));
    else if (containerNames.has(c.name)) errors.push(duplicate(`${cp}.name`, c.name));
    else containerNames.add(c.name);
    errors.push(...containerCommonErrors(c, cp, volumeNames));
  });
  errors.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.restartPolicy !== undefined && !(RESTART_POLICIES as readonly string[]).includes(spec.restartPolicy)) {
    errors.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  return errors;
}

/**
 * validateContainerCommon: what app and init containers alike must have: an image, resources that
 * parse, mounts of declared volumes at distinct paths, env entries with names.
 */
function containerCommonErrors(c: Container, cp: string, volumeNames: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (!c.image) errors.push(required(`${cp}.image`));
  errors.push(...validateResources(c.resources, `${cp}.resources`));
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).map((m) => m ?? ({} as VolumeMount)).forEach((m, j) => {
    const mp = `${cp}.volumeMounts[${j}]`;
    if (!m.name) errors.push(required(`${mp}.name`));
    else if (!volumeNames.has(m.name)) errors.push(notFound(`${mp}.name`, m.name));
    if (!m.mountPath) errors.push(required(`${mp}.mountPath`));
    else if (mountPaths.has(m.mountPath)) errors.push(invalid(`${mp}.mountPath`, m.mountPath, 'must be unique'));
    else mountPaths.add(m.mountPath);
  });
  (c.env ?? []).map((e) => e ?? ({} as EnvVar)).forEach((e, j) => {
    const fp = e.valueFrom?.fieldRef?.fieldPath;
    if (fp && !(ENV_FIELD_PATHS as readonly string[]).includes(fp) && !SUBSCRIPTED.test(fp)) {
      errors.push(unsupported(`${cp}.env[${j}].valueFrom.fieldRef.fieldPath`, fp, ENV_FIELD_PATHS));
    }
    if (!e.name) errors.push(required(`${cp}.env[${j}].name`));
  });
  return errors;
}

/** validateKeyToPath: a ConfigMap or Secret item names its key and a relative file path. */
function keyToPathErrors(item: { key?: string; path?: string } | null, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!item?.key) errors.push(required(`${at}.key`));
  if (!item?.path) errors.push(required(`${at}.path`));
  else errors.push(...localPathErrors(item.path, `${at}.path`));
  return errors;
}

/** validateDownwardAPIVolumeFile: a path, and a fieldRef (of the fields a volume may show) or a resourceFieldRef. */
function downwardFileErrors(item: DownwardAPIVolumeFile | null, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!item?.path) errors.push(required(`${at}.path`));
  else errors.push(...localPathErrors(item.path, `${at}.path`));
  const fp = item?.fieldRef?.fieldPath;
  if (fp && !(VOLUME_FIELD_PATHS as readonly string[]).includes(fp) && !SUBSCRIPTED.test(fp)) {
    errors.push(unsupported(`${at}.fieldRef.fieldPath`, fp, VOLUME_FIELD_PATHS));
  }
  if (!item?.fieldRef && !item?.resourceFieldRef) errors.push(required(at, 'one of fieldRef and resourceFieldRef is required'));
  return errors;
}

/** ValidateLocalNonReservedPath: a file inside the volume, never outside it. */
function localPathErrors(path: string, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (path.startsWith('/')) errors.push(invalid(at, path, 'must be a relative path'));
  if (path.split('/').includes('..')) errors.push(invalid(at, path, "must not contain '..'"));
  if (path.startsWith('..')) errors.push(invalid(at, path, "must not start with '..'"));
  return errors;
}
