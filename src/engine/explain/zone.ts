// A pod held by its volume's topology (§5.5): the scheduler recorded that the nodes the pod may
// use fail its bound volume's node affinity (VolumeBinding) or zone label (VolumeZone). This reads
// that record and the volume to say where the volume is, where the pod can run, what keeps the
// pod off the volume's nodes, and the fixes that work.
import type { NodeSelectorTerm } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import { nodeSelectorMatches } from '../api/node-affinity.ts';
import { ANN_PROVISIONED_BY, LABEL_HOSTNAME, LABEL_ZONE, claimClass, podVolumeClaimName } from '../api/storage.ts';
import { REASON_PV_NODE_AFFINITY } from '../controllers/scheduler/framework.ts';
import type { ClusterView } from '../index.ts';

type Pod = Stored<'Pod'>;
type PV = Stored<'PersistentVolume'>;

/** The reasons a node gets for a bound volume's topology: node affinity (v1.33+ wording, and the older one) and zone labels. */
const TOPOLOGY_REASONS = new Set([REASON_PV_NODE_AFFINITY, 'node(s) had volume node affinity conflict', 'node(s) had no available volume zone']);
/** Zone keys a volume's node affinity may use: the well-known label and the CSI drivers' own topology keys. */
const ZONE_KEY = /(^|\/)zone$/;

export interface VolumePlace {
  claim: string;
  volume: string;
  /** The zones the volume allows (empty when it names nodes, not zones). */
  zones: string[];
  /** The nodes the volume allows by name (a local or hostPath volume), empty when it names zones. */
  nodes: string[];
  /** Made by a provisioner (pv.kubernetes.io/provisioned-by), not by an admin. */
  provisioned: boolean;
  /** The claim's class and its volumeBindingMode, when the class exists. */
  className: string;
  bindingMode?: string;
  reclaimPolicy: string;
}

export interface ZoneConflict {
  /** The pod's bound volumes that the nodes it may use cannot reach. */
  volumes: VolumePlace[];
  /** The zones of the nodes the pod may use but for its volume (none when the cluster has no zone labels), and those nodes. */
  podZones: string[];
  podNodes: string[];
  /** The nodes the volume allows, with the filter that kept the pod off each (none: the cluster has no such node). */
  blocked: { node: string; plugin: string; reason: string }[];
  /** `zone us-east-1a`, `node worker-a1`: where the pod would have to run, for a card. */
  needs: string;
}

/** The conflict, when the scheduler's last verdict for the pod shows one; undefined otherwise (cheap when there is none). */
export function zoneConflict(view: ClusterView, pod: Pod): ZoneConflict | undefined {
  if (pod.spec?.nodeName) return undefined;
  const record = view.state.scheduling[`${pod.metadata.namespace}/${pod.metadata.name}`];
  if (!record || record.preFilter) return undefined;
  const verdicts = Object.entries(record.nodes);
  const conflicting = verdicts.filter(([, v]) => v && TOPOLOGY_REASONS.has(v.reason)).map(([n]) => view.get('Node', n)).filter((n) => n !== undefined);
  if (conflicting.length === 0) return undefined;
  const volumes: VolumePlace[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const claimName = podVolumeClaimName(pod, v);
    const claim = claimName ? view.get('PersistentVolumeClaim', `${pod.metadata.namespace}/${claimName}`) : undefined;
    const pv = claim?.spec?.volumeName ? view.get('PersistentVolume', claim.spec.volumeName) : undefined;
    if (!claim || !pv) continue;
    // The volume the conflicting nodes fail: its node affinity or its zone label excludes them.
    if (!conflicting.some((n) => !reaches(pv, n))) continue;
    const cls = view.get('StorageClass', claimClass(claim));
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
    const labelZones = pv.metadata.labels?.[LABEL_ZONE]?.split('__') ?? [];
    volumes.push({
      claim: claim.metadata.name,
      volume: pv.metadata.name,
      zones: unique([...termValues(terms, (k) => ZONE_KEY.test(k)), ...labelZones]),
      nodes: unique(termValues(terms, (k) => k === LABEL_HOSTNAME)),
      provisioned: !!pv.metadata.annotations?.[ANN_PROVISIONED_BY],
      className: claimClass(claim),
      ...(cls ? { bindingMode: cls.volumeBindingMode ?? 'Immediate' } : {}),
      reclaimPolicy: pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
    });
  }
  if (volumes.length === 0) return undefined;
  const allNodes = view.list('Node');
  const allowed = allNodes.filter((n) => volumes.every((v) => reachesByName(view, v, n)));
  const blocked = allowed.map((n) => ({ node: n.metadata.name, ...(record.nodes[n.metadata.name] ?? { plugin: '', reason: '' }) })).filter((b) => b.plugin !== '');
  const first = volumes[0]!;
  const needs = first.zones.length > 0 ? `zone ${first.zones.join(', ')}` : `node ${first.nodes.join(', ')}`;
  const podZones = unique(conflicting.flatMap((n) => (n.metadata.labels?.[LABEL_ZONE] ? [n.metadata.labels[LABEL_ZONE]] : [])));
  return { volumes, podZones, podNodes: conflicting.map((n) => n.metadata.name), blocked, needs };
}

/** Whether a node can use the volume: its required node affinity and its zone label. */
function reaches(pv: PV, node: Stored<'Node'>): boolean {
  const affinity = pv.spec?.nodeAffinity?.required;
  if (affinity && !nodeSelectorMatches(affinity, node)) return false;
  const zone = pv.metadata.labels?.[LABEL_ZONE];
  const nodeZone = node.metadata.labels?.[LABEL_ZONE];
  return !zone || nodeZone === undefined || zone.split('__').includes(nodeZone);
}

function reachesByName(view: ClusterView, place: VolumePlace, node: Stored<'Node'>): boolean {
  const pv = view.get('PersistentVolume', place.volume);
  return !!pv && reaches(pv, node);
}

function termValues(terms: readonly NodeSelectorTerm[], key: (k: string) => boolean): string[] {
  return terms.flatMap((t) => (t.matchExpressions ?? []).filter((e) => key(e.key) && e.operator === 'In').flatMap((e) => e.values ?? []));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** What the explanation says: one sentence on where the volume is and where the pod can run. */
export function conflictSentence(c: ZoneConflict): string {
  const where = (v: VolumePlace) => (v.zones.length > 0 ? `in ${v.zones.length > 1 ? 'zones' : 'zone'} ${v.zones.join(', ')}` : `on ${v.nodes.length > 1 ? 'nodes' : 'node'} ${v.nodes.join(', ')}`);
  const vols = c.volumes.map((v) => `its volume ${v.volume} (claim ${v.claim}) is ${where(v)}`).join('; ');
  const pods =
    c.podZones.length > 0
      ? `the nodes the pod can run on are in ${c.podZones.length > 1 ? 'zones' : 'zone'} ${c.podZones.join(', ')}`
      : c.podNodes.length > 1
        ? `the nodes the pod can run on are ${c.podNodes.join(', ')}`
        : `the only node the pod can run on is ${c.podNodes[0]}`;
  return `${vols.charAt(0).toUpperCase()}${vols.slice(1)}, but ${pods}: the volume's node affinity excludes every node the pod can use, and a volume cannot move.`;
}

/** The fixes that work, most direct first; nothing about volumes that would not help. */
export function conflictFixes(c: ZoneConflict): string[] {
  const fixes: string[] = [];
  const v = c.volumes[0]!;
  const place = v.zones.length > 0 ? `zone ${v.zones.join(', ')}` : `node ${v.nodes.join(', ')}`;
  const byPlugin = new Map<string, string[]>();
  for (const b of c.blocked) byPlugin.set(b.plugin, [...(byPlugin.get(b.plugin) ?? []), b.node]);
  if (c.blocked.length === 0) {
    fixes.push(v.zones.length > 0 ? `add a node in zone ${v.zones[0]} (a Node labelled ${LABEL_ZONE}=${v.zones[0]}): the volume can only be used there` : `bring node ${v.nodes.join(', ')} back: the volume can only be used there`);
  }
  for (const [plugin, nodes] of byPlugin) {
    const list = nodes.join(', ');
    if (plugin === 'NodeAffinity') {
      fixes.push(
        v.zones.length > 0
          ? `run the pod in ${place}, where its volume is: set its nodeSelector (or node affinity) to ${LABEL_ZONE}: ${v.zones[0]}`
          : `run the pod on ${place}, where its volume is: set its nodeSelector (or node affinity) to ${LABEL_HOSTNAME}: ${v.nodes[0]}`,
      );
    } else if (plugin === 'NodeUnschedulable') fixes.push(`uncordon ${list} in ${place}, where the volume is (kubectl uncordon NODE)`);
    else if (plugin === 'TaintToleration') fixes.push(`let the pod onto ${list} in ${place}: add a toleration for the node's taint to the pod, or remove the taint`);
    else fixes.push(`make room for the pod on ${list} in ${place} (${plugin} rejected ${nodes.length > 1 ? 'them' : 'it'})`);
  }
  const target = c.podZones.length > 0 ? ` (${c.podZones.join(', ')})` : '';
  const data = v.reclaimPolicy === 'Delete' ? `the data on ${v.volume} is lost (reclaim policy Delete)` : `${v.volume} and its data stay (reclaim policy ${v.reclaimPolicy})`;
  if (v.provisioned && v.bindingMode !== 'WaitForFirstConsumer') {
    fixes.push(
      `use a StorageClass with volumeBindingMode: WaitForFirstConsumer and recreate claim ${v.claim} with it (delete the pod and the claim, apply both again): the volume is then provisioned in the zone the pod is scheduled to${target}; ${data}`,
    );
  } else if (v.provisioned) {
    fixes.push(`delete and recreate claim ${v.claim} (with the pod): with WaitForFirstConsumer the new volume is provisioned where the pod is scheduled${target}; ${data}`);
  } else {
    fixes.push(`recreate claim ${v.claim} so that it binds a volume the pod's nodes can reach${target}: a PersistentVolume whose nodeAffinity allows them, or a StorageClass with volumeBindingMode: WaitForFirstConsumer`);
  }
  return fixes;
}
