// The files a ConfigMap, Secret, downward API or projected volume shows, laid out the way the
// kubelet's atomic writer does: the data in a timestamped directory, `..data` pointing at it,
// and each name a symlink through `..data` (so `ls -l` shows `labels -> ..data/labels`).
import type { DownwardAPIVolumeFile, KeyToPath, Volume } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import type { Txn } from '../cluster/store.ts';
import { base64Decode } from '../../lib/base64.ts';
import { serviceAccountToken } from './service-account-token.ts';
import { treeOf, type FsEntry, type FsTree } from '../fs/tree.ts';
import { getOwn, hasOwn } from '../../lib/own.ts';
import { resourceFieldValue } from './resource-field.ts';

type Reader = Pick<Txn, 'get'>;
type Pod = Stored<'Pod'>;

/** `key="value"` lines, sorted by key, values quoted like Go's %q, no trailing newline (fieldpath.FormatMap). */
export function formatMap(map: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}

/** A downward API field's value, as in env and in volume files. */
export function fieldValue(pod: Pod, fieldPath: string): string | undefined {
  const sub = /^metadata\.(labels|annotations)\['([^']+)'\]$/.exec(fieldPath);
  if (sub) return getOwn(sub[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations, sub[2]!) ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'metadata.labels':
      return formatMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default:
      return undefined;
  }
}

interface ProjectedFile {
  path: string;
  content: string;
  mode: number;
}

/** The files of one projected-style volume, or undefined if it is not one. */
export function projectedFiles(view: Reader, pod: Pod, volume: Volume): ProjectedFile[] | undefined {
  const ns = pod.metadata.namespace!;
  if (volume.configMap) return configMapFiles(view, ns, volume.configMap.name ?? '', volume.configMap.items, volume.configMap.defaultMode ?? 0o644);
  if (volume.secret) return secretFiles(view, ns, volume.secret.secretName ?? '', volume.secret.items, volume.secret.defaultMode ?? 0o644);
  if (volume.downwardAPI) return downwardFiles(view, pod, volume.downwardAPI.items ?? [], volume.downwardAPI.defaultMode ?? 0o644);
  if (volume.projected) {
    const mode = volume.projected.defaultMode ?? 0o644;
    return (volume.projected.sources ?? []).flatMap((s) => [
      ...(s.configMap ? configMapFiles(view, ns, s.configMap.name ?? '', s.configMap.items, mode) : []),
      ...(s.secret ? secretFiles(view, ns, s.secret.name ?? '', s.secret.items, mode) : []),
      ...(s.downwardAPI ? downwardFiles(view, pod, s.downwardAPI.items ?? [], mode) : []),
      ...(s.serviceAccountToken ? [{ path: s.serviceAccountToken.path, content: serviceAccountToken(view, pod, s.serviceAccountToken.expirationSeconds ?? 3600, s.serviceAccountToken.audience), mode }] : []),
    ]);
  }
  return undefined;
}

function configMapFiles(view: Reader, ns: string, name: string, items: readonly KeyToPath[] | undefined, mode: number): ProjectedFile[] {
  const data = view.get('ConfigMap', `${ns}/${name}`)?.data ?? {};
  return select(data, items, mode);
}

function secretFiles(view: Reader, ns: string, name: string, items: readonly KeyToPath[] | undefined, mode: number): ProjectedFile[] {
  const data = view.get('Secret', `${ns}/${name}`)?.data ?? {};
  const decoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64Decode(v)]));
  return select(decoded, items, mode);
}

function select(data: Record<string, string>, items: readonly KeyToPath[] | undefined, mode: number): ProjectedFile[] {
  if (!items?.length) return Object.keys(data).sort().map((k) => ({ path: k, content: data[k]!, mode }));
  return items.filter((i) => hasOwn(data, i.key)).map((i) => ({ path: i.path, content: data[i.key]!, mode: i.mode ?? mode }));
}

function downwardFiles(view: Reader, pod: Pod, items: readonly DownwardAPIVolumeFile[], mode: number): ProjectedFile[] {
  const allocatable = () => (pod.spec?.nodeName ? view.get('Node', pod.spec.nodeName)?.status?.allocatable : undefined);
  const container = (name: string | undefined) => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
  return items.map((i) => ({
    path: i.path,
    // A volume names the container whose requests or limits it shows (containerName is required there).
    content: i.fieldRef ? fieldValue(pod, i.fieldRef.fieldPath) ?? '' : i.resourceFieldRef ? resourceFieldValue(container(i.resourceFieldRef.containerName), i.resourceFieldRef, allocatable()) ?? '0' : '0',
    mode: i.mode ?? mode,
  }));
}

/** The atomic writer's layout of a file set, rooted at `/`. */
export function atomicLayout(files: readonly ProjectedFile[], stamp: string): FsTree {
  const dataDir = `..${stamp}`;
  const tree: Record<string, FsEntry> = {
    '/': { type: 'Directory', mode: 0o777 },
    [`/${dataDir}`]: { type: 'Directory', mode: 0o755 },
    '/..data': { type: 'Symlink', mode: 0o777, target: dataDir },
  };
  for (const f of files) {
    // Validation refuses items without a path; a state from before that rule still must not crash.
    const parts = typeof f.path === 'string' ? f.path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..') : [];
    if (parts.length === 0) continue;
    for (let i = 1; i < parts.length; i++) tree[`/${dataDir}/${parts.slice(0, i).join('/')}`] = { type: 'Directory', mode: 0o755 };
    tree[`/${dataDir}/${parts.join('/')}`] = { type: 'File', mode: f.mode, content: f.content };
    const top = parts[0]!;
    tree[`/${top}`] = { type: 'Symlink', mode: 0o777, target: `..data/${top}` };
  }
  return treeOf(tree);
}
