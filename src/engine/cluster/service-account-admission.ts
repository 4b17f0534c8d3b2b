// The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount), on pod create:
// the pod runs as `default` unless it names an account; the account must exist; its
// imagePullSecrets are copied when the pod has none; and unless the pod or the account opts out
// (`automountServiceAccountToken: false`), a projected `kube-api-access-<5 chars>` volume
// (token, the cluster CA, the namespace) is mounted read-only in every container.
import type { Container, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { Kind, Stored } from '../api/objects.ts';
import { randomSuffix } from '../runtime/ids.ts';
import type { ApiError } from './errors.ts';
import type { Txn } from './store.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const SERVICE_ACCOUNT_VOLUME_PREFIX = 'kube-api-access-';
export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and 7 s, so the kubelet's refresh shows. */
export const TOKEN_EXPIRATION_SECONDS = 3607;

type Pod = Stored<'Pod'>;

export function admitPodServiceAccount(txn: Txn, pod: Pod): { ok: true; object: Pod } | { ok: false; error: ApiError } {
  const spec = pod.spec ?? { containers: [] };
  // The deprecated `serviceAccount` stands in when only it was given; both end up equal.
  const legacy = spec.serviceAccount;
  const name = spec.serviceAccountName && !(spec.serviceAccountName === DEFAULT_SERVICE_ACCOUNT && legacy) ? spec.serviceAccountName : legacy || DEFAULT_SERVICE_ACCOUNT;
  const ns = pod.metadata.namespace ?? 'default';
  const sa = txn.get('ServiceAccount', `${ns}/${name}`);
  // The plugin retries the `default` account for a moment, because the serviceaccount-controller
  // creates it as soon as the namespace exists: in a fresh namespace the pod is admitted (the
  // controller makes the account in the same settle). Any other missing account is refused.
  if (!sa && name !== DEFAULT_SERVICE_ACCOUNT) {
    const podName = pod.metadata.name || pod.metadata.generateName || 'Unknown';
    return {
      ok: false,
      error: {
        reason: 'Forbidden',
        message: `pods "${podName}" is forbidden: error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`,
      },
    };
  }
  let next: Pod = { ...pod, spec: { ...spec, serviceAccountName: name, serviceAccount: name } };
  if (shouldAutomount(pod, sa)) next = mountToken(txn, next);
  if ((spec.imagePullSecrets ?? []).length === 0 && (sa?.imagePullSecrets ?? []).length > 0) {
    next = { ...next, spec: { ...next.spec!, imagePullSecrets: sa!.imagePullSecrets!.map((s) => ({ name: s.name })) } };
  }
  return { ok: true, object: next };
}

/** The pod's preference wins, then the account's; the default is to mount. */
function shouldAutomount(pod: Pod, sa: Stored<'ServiceAccount'> | undefined): boolean {
  if (pod.spec?.automountServiceAccountToken !== undefined) return pod.spec.automountServiceAccountToken;
  if (sa?.automountServiceAccountToken !== undefined) return sa.automountServiceAccountToken;
  return true;
}

/**
 * mountServiceAccountToken: reuse a `kube-api-access-*` volume the pod already has (a manifest
 * copied from `kubectl get -o yaml`), else name a new one; every container without a mount at the
 * token path gets one; the volume is added only if some container needs it.
 */
function mountToken(txn: Txn, pod: Pod): Pod {
  const spec = pod.spec!;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX));
  const volumeName = existing?.name ?? `${SERVICE_ACCOUNT_VOLUME_PREFIX}${randomSuffix(txn.state, 5)}`;
  const mount: VolumeMount = { name: volumeName, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH };
  let needed = false;
  const withMount = (c: Container): Container => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === API_TOKEN_MOUNT_PATH)) return c;
    needed = true;
    return { ...c, volumeMounts: [...(c.volumeMounts ?? []), mount] };
  };
  const initContainers = spec.initContainers?.map(withMount);
  const containers = (spec.containers ?? []).map(withMount);
  const volumes = !existing && needed ? [...(spec.volumes ?? []), tokenVolume(volumeName)] : spec.volumes;
  return {
    ...pod,
    spec: { ...spec, ...(initContainers ? { initContainers } : {}), containers, ...(volumes ? { volumes } : {}) },
  };
}

/** The volume this plugin adds (or one copied from `kubectl get -o yaml`): projected, named `kube-api-access-*`. */
export function isServiceAccountTokenVolume(v: Volume): boolean {
  return v.name.startsWith(SERVICE_ACCOUNT_VOLUME_PREFIX) && v.projected !== undefined;
}

/** TokenVolumeSource, with the defaults the API server then fills in (as `kubectl get -o yaml` shows). */
export function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/**
 * `kubectl apply` of a pod's own manifest again: a strategic merge keeps list entries the server
 * added (containers and volumes merge by name, mounts by path), so the token volume and its
 * mounts stay. Our three-way merge replaces lists whole; this puts those entries back.
 */
export function keepServiceAccountToken<T>(live: Stored<Kind>, merged: T): T {
  if (live.kind !== 'Pod') return merged;
  const pod = merged as unknown as Pod;
  const token = (live.spec?.volumes ?? []).find(isServiceAccountTokenVolume);
  if (!token || !pod.spec) return merged;
  const liveMount = (name: string, list: readonly Container[] | undefined) =>
    list?.find((c) => c.name === name)?.volumeMounts?.find((m) => m.name === token.name && m.mountPath === API_TOKEN_MOUNT_PATH);
  const restore = (list: readonly Container[] | undefined, liveList: readonly Container[] | undefined) =>
    list?.map((c) => {
      const m = liveMount(c.name, liveList);
      if (!m || (c.volumeMounts ?? []).some((x) => x.mountPath === API_TOKEN_MOUNT_PATH)) return c;
      return { ...c, volumeMounts: [...(c.volumeMounts ?? []), m] };
    });
  const volumes = pod.spec.volumes ?? [];
  return {
    ...pod,
    spec: {
      ...pod.spec,
      containers: restore(pod.spec.containers, live.spec?.containers) ?? [],
      ...(pod.spec.initContainers ? { initContainers: restore(pod.spec.initContainers, live.spec?.initContainers) } : {}),
      volumes: volumes.some((v) => v.name === token.name) ? volumes : [...volumes, token],
    },
  } as unknown as T;
}
