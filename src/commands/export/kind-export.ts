// "Export to kind": the way out from the simulation to a real cluster on the learner's laptop.
// Four files: the learner's manifests, a kind cluster config with as many nodes as the simulated
// cluster and the same zone labels, a script that makes the cluster, applies the manifests and
// waits (`kubectl wait`) for the end state the simulation reached, and a README saying what kind
// cannot reproduce. Everything is read through the engine's read door; nothing here writes.
import { ANN_DEFAULT_CLASS, LABEL_ZONE, readerOf, listObjects, type AnyStored, type ClusterState, type Stored } from '../../engine/index.ts';
import { LOCAL_PATH_PROVISIONER } from '../../engine/drivers/local-path.ts';
import { toYaml } from '../kubectl/output-formats.ts';
import { userObjects } from './user-objects.ts';

export interface ExportFile {
  path: string;
  content: string;
  /** run.sh is made executable. */
  executable?: boolean;
}

export interface ExportOptions {
  /** The command lines the learner ran (a script's, or the terminal's), listed for reference. */
  history?: readonly string[];
}

const REGION_LABEL = 'topology.kubernetes.io/region';
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

export function exportToKind(state: ClusterState, opts: ExportOptions = {}): ExportFile[] {
  const reader = readerOf(state);
  const nodes = list(reader, 'Node');
  const classes = list(reader, 'StorageClass');
  const objects = userObjects(state);
  const substitutes = substituteClasses(classes, objects);
  const manifests = [...substitutes.flatMap((s) => (s.object ? [s.object] : [])), ...objects.map((o) => substituteFor(o, substitutes) ?? o)];
  const kindNodes = kindNodesFor(nodes);
  return [
    { path: 'manifests.yaml', content: manifestsYaml(manifests) },
    { path: 'kind-config.yaml', content: kindConfig(kindNodes) },
    { path: 'run.sh', content: runScript(state, objects, opts.history ?? []), executable: true },
    { path: 'README.md', content: readme(state, kindNodes, substitutes, nodes, classes) },
  ];
}

function list<K extends 'Node' | 'StorageClass' | 'PersistentVolumeClaim' | 'Pod' | 'Deployment' | 'StatefulSet' | 'Job' | 'PersistentVolume'>(reader: ReturnType<typeof readerOf>, kind: K): Stored<K>[] {
  const r = listObjects(reader, kind);
  return r.ok ? r.value : [];
}

// ---- nodes ----

interface KindNode {
  role: 'control-plane' | 'worker';
  /** The name kind gives it: kind-control-plane, kind-worker, kind-worker2, … */
  kindName: string;
  /** The simulated node it stands for (absent for a control plane kind needs and the simulation had none). */
  simulated?: string;
  labels: Record<string, string>;
}

/** One kind node per simulated node, control planes first; kind always needs a control plane. */
function kindNodesFor(nodes: readonly Stored<'Node'>[]): KindNode[] {
  const isCp = (n: Stored<'Node'>) => n.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;
  const topology = (n: Stored<'Node'>) => Object.fromEntries([LABEL_ZONE, REGION_LABEL].flatMap((k) => (n.metadata.labels?.[k] ? [[k, n.metadata.labels[k]!]] : [])));
  const cps = nodes.filter(isCp);
  const workers = nodes.filter((n) => !isCp(n));
  const out: KindNode[] = [];
  // kind supports several control planes, but then puts a load balancer in front; one is what the simulation shows.
  out.push(cps[0] ? { role: 'control-plane', kindName: 'kind-control-plane', simulated: cps[0].metadata.name, labels: topology(cps[0]) } : { role: 'control-plane', kindName: 'kind-control-plane', labels: {} });
  const extraCps = cps.slice(1);
  [...extraCps, ...workers].forEach((n, i) => out.push({ role: 'worker', kindName: `kind-worker${i === 0 ? '' : i + 1}`, simulated: n.metadata.name, labels: topology(n) }));
  return out;
}

/**
 * kind's Cluster config (kind.x-k8s.io/v1alpha4). Zone labels go through kubeadm's node
 * registration (`kubeletExtraArgs.node-labels`), as kind's docs do for `ingress-ready`: the
 * kubelet registers the node with them, so they are there before any pod is scheduled.
 */
function kindConfig(nodes: readonly KindNode[]): string {
  const lines = ['# A kind cluster shaped like the simulated one: create it with', '#   kind create cluster --config kind-config.yaml', 'kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', 'nodes:'];
  for (const n of nodes) {
    lines.push(`# ${n.kindName}${n.simulated ? `: stands for the simulated node ${n.simulated}` : ': kind needs a control plane'}`);
    lines.push(`- role: ${n.role}`);
    const labels = Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(',');
    if (labels) {
      lines.push('  kubeadmConfigPatches:', '  - |', `    kind: ${n.role === 'control-plane' ? 'InitConfiguration' : 'JoinConfiguration'}`, '    nodeRegistration:', '      kubeletExtraArgs:', `        node-labels: "${labels}"`);
    }
  }
  return lines.join('\n') + '\n';
}

// ---- storage classes ----

interface Substitute {
  name: string;
  provisioner: string;
  /** The class to add to manifests.yaml, when the learner did not write it. */
  object?: AnyStored;
}

/**
 * kind runs one provisioner, rancher.io/local-path. A class of another provisioner (EBS, GCE PD,
 * Azure Disk, EFS, NFS) keeps its name, so the claims' storageClassName still resolves, but
 * becomes a local-path class with the same reclaim policy and binding mode. It is never the
 * default: kind's own `standard` is.
 */
function substituteClasses(classes: readonly Stored<'StorageClass'>[], objects: readonly AnyStored[]): Substitute[] {
  const written = new Set(objects.filter((o) => o.kind === 'StorageClass').map((o) => o.metadata.name));
  return classes
    .filter((c) => c.provisioner !== LOCAL_PATH_PROVISIONER)
    .map((c) => ({
      name: c.metadata.name,
      provisioner: c.provisioner,
      // A class the learner wrote is rewritten where it stands in manifests.yaml; the preset's is added.
      ...(written.has(c.metadata.name) ? {} : { object: substituteFor(c, []) }),
    }));
}

/** The class as a local-path one: same name, reclaim policy and binding mode; no parameters, never the default. */
function substituteFor(obj: AnyStored, subs: readonly Substitute[] | []): AnyStored | undefined {
  if (obj.kind !== 'StorageClass' || obj.provisioner === LOCAL_PATH_PROVISIONER) return undefined;
  if (subs.length > 0 && !subs.some((s) => s.name === obj.metadata.name)) return undefined;
  const sc = obj as Stored<'StorageClass'>;
  const annotations = Object.fromEntries(Object.entries(sc.metadata.annotations ?? {}).filter(([k]) => k !== ANN_DEFAULT_CLASS));
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: sc.metadata.name, ...(sc.metadata.labels ? { labels: sc.metadata.labels } : {}), ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    volumeBindingMode: sc.volumeBindingMode ?? 'Immediate',
  } as AnyStored;
}

// ---- manifests and script ----

function manifestsYaml(objects: readonly AnyStored[]): string {
  const head = '# The objects you made in the Kubernetes Storage Playground, as you wrote them.\n# StorageClasses of provisioners kind does not run are rewritten to rancher.io/local-path (see README.md).\n';
  return head + objects.map((o) => `---\n${toYaml(o)}`).join('');
}

/** `-n NS` for a namespaced object. */
function nsFlag(obj: AnyStored): string {
  return obj.metadata.namespace ? ` -n ${shellWord(obj.metadata.namespace)}` : '';
}

function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The end state the simulation reached, as `kubectl wait` checks a real cluster can pass. */
function waits(state: ClusterState): string[] {
  const reader = readerOf(state);
  const out: string[] = [];
  for (const pvc of list(reader, 'PersistentVolumeClaim')) {
    if (pvc.status?.phase === 'Bound') out.push(`kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/${shellWord(pvc.metadata.name)}${nsFlag(pvc)} --timeout=120s`);
    else out.push(`# pvc/${pvc.metadata.name} was ${pvc.status?.phase ?? 'Pending'} in the simulation`);
  }
  for (const d of list(reader, 'Deployment')) out.push(`kubectl wait --for=condition=Available deployment/${shellWord(d.metadata.name)}${nsFlag(d)} --timeout=180s`);
  for (const s of list(reader, 'StatefulSet')) out.push(`kubectl rollout status statefulset/${shellWord(s.metadata.name)}${nsFlag(s)} --timeout=300s`);
  for (const j of list(reader, 'Job')) {
    const done = j.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    if (done) out.push(`kubectl wait --for=condition=${done.type} job/${shellWord(j.metadata.name)}${nsFlag(j)} --timeout=300s`);
  }
  for (const p of list(reader, 'Pod')) {
    if ((p.metadata.ownerReferences ?? []).length > 0 || p.metadata.namespace === 'kube-system') continue;
    const phase = p.status?.phase;
    const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    if (phase === 'Running' && ready) out.push(`kubectl wait --for=condition=Ready pod/${shellWord(p.metadata.name)}${nsFlag(p)} --timeout=180s`);
    else if (phase === 'Succeeded' || phase === 'Failed') out.push(`kubectl wait --for=jsonpath='{.status.phase}'=${phase} pod/${shellWord(p.metadata.name)}${nsFlag(p)} --timeout=180s`);
    else out.push(`# pod/${p.metadata.name} was ${phase ?? 'Pending'}${phase === 'Running' ? ' but not Ready' : ''} in the simulation`);
  }
  return out;
}

function runScript(state: ClusterState, objects: readonly AnyStored[], history: readonly string[]): string {
  const lines = [
    '#!/bin/sh',
    '# Recreates the Kubernetes Storage Playground session on a real kind cluster (needs kind, Docker and kubectl).',
    '# It makes the cluster, applies your objects, then waits for the state the simulation reached.',
    'set -eu',
    'cd "$(dirname "$0")"',
    '',
    'kind create cluster --config kind-config.yaml',
    // Zone labels come with the nodes' registration; wait for every node before scheduling pods.
    'kubectl wait --for=condition=Ready nodes --all --timeout=180s',
    '',
    objects.length > 0 ? 'kubectl apply -f manifests.yaml' : '# You made no objects: manifests.yaml only has the substitute classes.',
    ...(objects.length === 0 ? ['kubectl apply -f manifests.yaml'] : []),
    '',
    '# The end state the simulation reached:',
    ...waits(state),
    '',
    'kubectl get nodes -L topology.kubernetes.io/zone',
    'kubectl get pv,pvc,pods -A -o wide',
  ];
  if (history.length > 0) {
    lines.push('', '# The commands you ran in the playground, for reference (manifests.yaml holds their result):');
    for (const h of history) for (const l of h.split('\n')) lines.push(`#   ${l}`);
  }
  return lines.join('\n') + '\n';
}

// ---- README ----

function readme(state: ClusterState, kindNodes: readonly KindNode[], subs: readonly Substitute[], nodes: readonly Stored<'Node'>[], classes: readonly Stored<'StorageClass'>[]): string {
  const zones = [...new Set(nodes.map((n) => n.metadata.labels?.[LABEL_ZONE]).filter((z): z is string => !!z))].sort();
  const out = [
    '# Your playground session, on a real kind cluster',
    '',
    `Exported from the Kubernetes Storage Playground (cluster preset \`${state.preset}\`). With [kind](https://kind.sigs.k8s.io/), Docker and kubectl installed:`,
    '',
    '```sh',
    'sh run.sh            # kind create cluster, kubectl apply, kubectl wait',
    'kind delete cluster  # when you are done',
    '```',
    '',
    '| file | what it is |',
    '| --- | --- |',
    '| `manifests.yaml` | the objects you made, as you wrote them (kubectl apply\'s last-applied configuration, or the object without status and server-set fields) |',
    '| `kind-config.yaml` | a kind cluster with one node per simulated node, labelled with the same zones |',
    '| `run.sh` | creates the cluster, applies the manifests, and waits for the end state the simulation reached |',
    '',
    '## Nodes',
    '',
    '| kind node | stands for | labels |',
    '| --- | --- | --- |',
    ...kindNodes.map((n) => `| \`${n.kindName}\` | ${n.simulated ? `\`${n.simulated}\`` : '(kind needs a control plane)'} | ${Object.entries(n.labels).map(([k, v]) => `\`${k}=${v}\``).join(' ') || '—'} |`),
    '',
    'kind names its nodes itself: a manifest naming a simulated node (`nodeName`, a `kubernetes.io/hostname` selector or affinity) must be changed to the kind name above.',
    '',
    '## What kind cannot reproduce',
    '',
    '- **One provisioner.** kind runs only `rancher.io/local-path` (its default class `standard`). Every volume is a directory on the node that first used it: no CSI driver, no attach and detach, no VolumeAttachment, no volume expansion, and `ReadWriteMany` is not honoured across nodes.',
  ];
  for (const s of subs) out.push(`- **Class \`${s.name}\`** (\`${s.provisioner}\` in the simulation) becomes a \`rancher.io/local-path\` class of the same name, reclaim policy and binding mode, so your claims still name it; its parameters (disk type, IOPS, encryption) have no meaning there, and it is not the default class: a claim that names no class gets kind's \`standard\`.`);
  if (zones.length > 0) {
    out.push(
      `- **Zones are labels only.** The nodes carry \`topology.kubernetes.io/zone\` (${zones.map((z) => `\`${z}\``).join(', ')}), so the scheduler spreads and selects by zone as in the simulation, but they all run on your one machine. A zonal disk (an EBS volume in one zone) becomes a node-local directory: its PersistentVolume is pinned to one node by \`kubernetes.io/hostname\`, not to a zone, so a pod can only move to that node, where in the cloud any node of the zone would do.`,
    );
  }
  out.push(
    '- **Multi-Attach.** The simulation\'s `Multi-Attach error for volume` comes from the attach/detach controller and CSI attach; local-path volumes are never attached, so kind never shows it. A second pod using a ReadWriteOnce claim on another node stays Pending (the volume\'s node affinity) instead.',
    '- **Node failures and zone outages.** `kubesim node fail` and `zone down` switch machines off. On kind, `docker stop kind-worker` comes closest: the node goes NotReady after the 50 s grace period and pods are evicted 300 s later as in the simulation, but its local-path volumes go down with it, and a 6-minute force detach never happens because nothing was attached.',
    '- **Time.** The simulation jumps over `sleep`; on kind the waits in run.sh take real time (image pulls included).',
    '- **Images and data.** Containers pull real images; files written inside the simulation are not exported.',
    '',
  );
  if (classes.length === 0) out.push('The simulated cluster had no StorageClass (static provisioning only); kind still has its `standard` class: delete it (`kubectl delete storageclass standard`) to see the same Pending claims.', '');
  return out.join('\n');
}

/**
 * One self-extracting shell script holding every file (heredocs with a quoted delimiter, so
 * nothing in them is expanded): a browser download of a single file, no zip library, and it
 * works wherever kind does.
 */
export function selfExtractingScript(files: readonly ExportFile[], dir = 'kind-export'): string {
  const lines = ['#!/bin/sh', `# Writes the Kubernetes Storage Playground's kind export into ./${dir}, then: sh ${dir}/run.sh`, 'set -eu', `mkdir -p ${dir}`];
  for (const f of files) {
    let delim = 'KUBESIM_EOF';
    while (f.content.split('\n').includes(delim)) delim += '_';
    lines.push(`cat > ${dir}/${f.path} <<'${delim}'`, f.content.replace(/\n$/, ''), delim);
    if (f.executable) lines.push(`chmod +x ${dir}/${f.path}`);
  }
  lines.push(`echo "Wrote ${files.map((f) => `${dir}/${f.path}`).join(', ')}. Next: sh ${dir}/run.sh"`);
  return lines.join('\n') + '\n';
}
