// Discovery as the v1.34 API server serves it, built from the engine's one home for kinds
// (KINDS): `/version`, the legacy `/api`, `/apis`, `/api/v1`, `/apis/G/V` documents, and the
// aggregated form (apidiscovery.k8s.io/v2) kubectl 1.32+ asks for first.
import { ALL_KINDS, KINDS, type Kind, type KindInfo } from '../engine/index.ts';

/** The Accept (and answer Content-Type) of aggregated discovery. */
export const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** What `kubectl version` shows as the server (the same release `kubesim run`'s kubectl version names). */
export const VERSION_INFO = {
  major: '1',
  minor: '34',
  emulationMajor: '1',
  emulationMinor: '34',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '33',
  gitVersion: 'v1.34.0',
  gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45',
  gitTreeState: 'clean',
  buildDate: '2025-08-27T10:15:57Z',
  goVersion: 'go1.24.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The groups we serve, in the API server's priority order (core first, then by group priority). */
const GROUP_ORDER = ['', 'apps', 'batch', 'storage.k8s.io', 'discovery.k8s.io'];

/** `kubectl get all` lists the kinds in the category `all`. */
const ALL_CATEGORY: ReadonlySet<Kind> = new Set<Kind>(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job']);

/** Kinds whose status is its own subresource, and those that scale. */
const WITH_STATUS: ReadonlySet<Kind> = new Set<Kind>([
  'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'VolumeAttachment',
]);
const WITH_SCALE: ReadonlySet<Kind> = new Set<Kind>(['Deployment', 'ReplicaSet', 'StatefulSet']);

/** Namespaces cannot be deleted as a collection (the registry has no DeleteCollection). */
function verbsOf(info: KindInfo): string[] {
  return info.kind === 'Namespace' ? info.verbs.filter((v) => v !== 'deletecollection') : [...info.verbs];
}

function subresourcesOf(kind: Kind): { name: string; verbs: string[]; kind: string; group: string; version: string }[] {
  const subs: { name: string; verbs: string[]; kind: string; group: string; version: string }[] = [];
  if (WITH_STATUS.has(kind)) subs.push({ name: 'status', verbs: ['get', 'patch', 'update'], kind, group: KINDS[kind].group, version: versionOf(KINDS[kind]) });
  if (WITH_SCALE.has(kind)) subs.push({ name: 'scale', verbs: ['get', 'patch', 'update'], kind: 'Scale', group: 'autoscaling', version: 'v1' });
  if (kind === 'Pod') {
    // kubectl drain evicts when /api/v1 lists pods/eviction with its group (CheckEvictionSupport).
    subs.push({ name: 'eviction', verbs: ['create'], kind: 'Eviction', group: 'policy', version: 'v1' });
    subs.push({ name: 'exec', verbs: ['create', 'get'], kind: 'PodExecOptions', group: '', version: 'v1' });
    subs.push({ name: 'log', verbs: ['get'], kind: 'Pod', group: '', version: 'v1' });
  }
  return subs.sort((a, b) => a.name.localeCompare(b.name));
}

function versionOf(info: KindInfo): string {
  return info.apiVersion.includes('/') ? info.apiVersion.slice(info.apiVersion.indexOf('/') + 1) : info.apiVersion;
}

/** Kinds of one group, in the order the server lists resources (alphabetical by plural). */
export function kindsOfGroup(group: string): KindInfo[] {
  return ALL_KINDS.map((k) => KINDS[k])
    .filter((i) => i.group === group)
    .sort((a, b) => a.plural.localeCompare(b.plural));
}

export function groupVersions(): { group: string; version: string; groupVersion: string }[] {
  return GROUP_ORDER.filter((g) => kindsOfGroup(g).length > 0).map((group) => {
    const version = versionOf(kindsOfGroup(group)[0]!);
    return { group, version, groupVersion: group ? `${group}/${version}` : version };
  });
}

/** `/api`: the legacy core versions. */
export function apiVersions(serverAddress: string): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** `/apis`: the named groups. */
export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupVersions()
      .filter((g) => g.group !== '')
      .map((g) => ({ name: g.group, versions: [{ groupVersion: g.groupVersion, version: g.version }], preferredVersion: { groupVersion: g.groupVersion, version: g.version } })),
  };
}

/** `/api/v1`, `/apis/G/V`: the resources of one group version, subresources as `pods/status`. Undefined for one we do not serve. */
export function apiResourceList(group: string, version: string): unknown {
  const kinds = kindsOfGroup(group).filter((i) => versionOf(i) === version);
  if (kinds.length === 0) return undefined;
  const resources = kinds.flatMap((i) => [
    {
      name: i.plural,
      singularName: i.singular,
      namespaced: i.namespaced,
      kind: i.kind,
      verbs: verbsOf(i),
      ...(i.shortNames.length > 0 ? { shortNames: [...i.shortNames] } : {}),
      ...(ALL_CATEGORY.has(i.kind) ? { categories: ['all'] } : {}),
    },
    ...subresourcesOf(i.kind).map((s) => ({
      name: `${i.plural}/${s.name}`,
      singularName: '',
      namespaced: i.namespaced,
      ...(s.group !== i.group ? { group: s.group, version: s.version } : {}),
      kind: s.kind,
      verbs: s.verbs,
    })),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

/** The aggregated document for `/api` (core: one item with no name) or `/apis` (the named groups). */
export function aggregatedDiscovery(legacy: boolean): unknown {
  const items = groupVersions()
    .filter((g) => (g.group === '') === legacy)
    .map((g) => ({
      metadata: { ...(g.group ? { name: g.group } : {}), creationTimestamp: null },
      versions: [
        {
          version: g.version,
          resources: kindsOfGroup(g.group).map((i) => ({
            resource: i.plural,
            responseKind: { group: i.group, version: g.version, kind: i.kind },
            scope: i.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: i.singular,
            verbs: verbsOf(i),
            ...(i.shortNames.length > 0 ? { shortNames: [...i.shortNames] } : {}),
            ...(ALL_CATEGORY.has(i.kind) ? { categories: ['all'] } : {}),
            ...(subresourcesOf(i.kind).length > 0
              ? { subresources: subresourcesOf(i.kind).map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs })) }
              : {}),
          })),
          freshness: 'Current',
        },
      ],
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

/** Whether an Accept header asks for aggregated discovery (client-go lists it first, with v1 after). */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params[0] === 'application/json' && params.includes('g=apidiscovery.k8s.io') && params.includes('v=v2') && params.includes('as=APIGroupDiscoveryList');
  });
}

/** The kind served at `group/version` + `plural`, if any. */
export function kindAt(group: string, version: string, plural: string): KindInfo | undefined {
  return kindsOfGroup(group).find((i) => i.plural === plural && versionOf(i) === version);
}
