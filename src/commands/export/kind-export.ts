// "Export to kind": the way out from the simulation to a real cluster on the learner's laptop.
// Four files: the learner's manifests, a kind cluster config with as many nodes as the simulated
// cluster and the same zone labels, a script that makes the cluster, replays the session's commands
// (replay.ts) and waits (`kubectl wait`) for the end state the simulation reached, and a README
// saying what kind cannot reproduce. Files the session read from its script's folder are shipped
// beside them. Everything is read through the engine's read door; nothing here writes.
import { ANN_DEFAULT_CLASS, LABEL_ZONE, readerOf, listObjects, type AnyStored, type ClusterState, type Stored } from '../../engine/index.ts';
import { LOCAL_PATH_PROVISIONER } from '../../engine/drivers/local-path.ts';
import { toYaml } from '../kubectl/output-formats.ts';
import { userObjects } from './user-objects.ts';
import { replayLines, runsAnything, heredoc, type SessionEntry } from './replay.ts';

export interface ExportFile {
  path: string;
  content: string;
  /** run.sh is made executable. */
  executable?: boolean;
}

export interface ExportOptions {
  /** What the learner did, in order (a script's commands, or the browser session's actions): run.sh replays it. */
  history?: readonly SessionEntry[];
  /** Files the session read from its script's folder (`-f pv.yaml`), shipped beside run.sh; paths relative to it. */
  files?: readonly { path: string; content: string }[];
}

const REGION_LABEL = 'topology.kubernetes.io/region';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

export function exportToKind(state: ClusterState, opts: ExportOptions = {}): ExportFile[] {
  const reader = readerOf(state);
  const nodes = list(reader, 'Node');
  const classes = list(reader, 'StorageClass');
  const objects = userObjects(state);
  const substitutes = substituteClasses(classes, objects);
  const manifests = [...substitutes.flatMap((s) => (s.object ? [s.object] : [])), ...objects.map((o) => substituteFor(o, substitutes) ?? o)];
  const kindNodes = kindNodesFor(nodes);
  const shipped = (opts.files ?? []).filter((f) => !RESERVED.has(f.path));
  // Every substitute class, the learner's own included: made before the replay, so the claims find
  // a class kind can provision, whatever the session applies afterwards.
  const classesFirst = classes.flatMap((c) => substituteFor(c, []) ?? []);
  return [
    { path: 'manifests.yaml', content: manifestsYaml(manifests) },
    { path: 'kind-config.yaml', content: kindConfig(kindNodes) },
    { path: 'run.sh', content: runScript(state, objects, opts.history ?? [], kindNodes, classesFirst), executable: true },
    { path: 'README.md', content: readme(state, kindNodes, substitutes, nodes, classes, shipped.map((f) => f.path)) },
    ...shipped,
  ];
}

/** The export's own files: a session file of the same name is not shipped over them. */
const RESERVED = new Set(['manifests.yaml', 'kind-config.yaml', 'run.sh', 'README.md']);

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
  // Not the default; and not the simulation's last-applied configuration, which names the old provisioner.
  const annotations = Object.fromEntries(Object.entries(sc.metadata.annotations ?? {}).filter(([k]) => k !== ANN_DEFAULT_CLASS && k !== LAST_APPLIED));
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

function runScript(state: ClusterState, objects: readonly AnyStored[], history: readonly SessionEntry[], kindNodes: readonly KindNode[], classesFirst: readonly AnyStored[]): string {
  const kindNames = new Map(kindNodes.flatMap((n) => (n.simulated ? [[n.simulated, n.kindName] as const] : [])));
  const zoneNodes = new Map<string, string[]>();
  for (const n of kindNodes) {
    const zone = n.labels[LABEL_ZONE];
    if (zone) zoneNodes.set(zone, [...(zoneNodes.get(zone) ?? []), n.kindName]);
  }
  const replay = replayLines(history, { kindNames, zoneNodes });
  const lines = [
    '#!/usr/bin/env bash',
    '# Recreates the Kubernetes Storage Playground session on a real kind cluster (needs kind, Docker and kubectl).',
    "# It makes the cluster, runs the session's commands in order, then waits for the state the simulation reached.",
    '# No `set -e`: a demo may fail on purpose, as it did in the playground. `set -x` prints each command as it runs.',
    // Paths the session used (-f pv.yaml, files it wrote) are relative to its folder: this one.
    'cd "$(dirname "$0")" || exit 1',
    'set -x',
    '',
    'kind create cluster --config kind-config.yaml',
    // Zone labels come with the nodes' registration; wait for every node before scheduling pods.
    'kubectl wait --for=condition=Ready nodes --all --timeout=180s',
    '',
  ];
  if (classesFirst.length > 0) {
    lines.push(
      '# kind runs only rancher.io/local-path: the classes of other provisioners are made first as local-path',
      "# classes of the same name (README.md). Applying the original later says their provisioner cannot change.",
      ...heredoc('kubectl apply -f -', classesFirst.map((o) => `---\n${toYaml(o)}`).join('')),
      '',
    );
  }
  if (runsAnything(replay)) {
    lines.push("# The session's commands, in the order they ran (or apply the end state at once: kubectl apply -f manifests.yaml):", ...replay);
  } else {
    // Nothing to replay (a fresh export, or only simulator commands): the end state at once.
    lines.push(objects.length > 0 ? '# The objects you made, at once:' : '# You made no objects: manifests.yaml only has the substitute classes.', ...replay, 'kubectl apply -f manifests.yaml');
  }
  lines.push(
    '',
    '# The end state the simulation reached:',
    ...waits(state),
    '',
    'kubectl get nodes -L topology.kubernetes.io/zone',
    'kubectl get pv,pvc,pods -A -o wide',
  );
  return lines.join('\n') + '\n';
}

// ---- README ----

function readme(state: ClusterState, kindNodes: readonly KindNode[], subs: readonly Substitute[], nodes: readonly Stored<'Node'>[], classes: readonly Stored<'StorageClass'>[], shipped: readonly string[]): string {
  const zones = [...new Set(nodes.map((n) => n.metadata.labels?.[LABEL_ZONE]).filter((z): z is string => !!z))].sort();
  const out = [
    '# Your playground session, on a real kind cluster',
    '',
    `Exported from the Kubernetes Storage Playground (cluster preset \`${state.preset}\`). With [kind](https://kind.sigs.k8s.io/), Docker and kubectl installed:`,
    '',
    '```sh',
    "bash run.sh                   # kind create cluster, your session's commands in order, kubectl wait",
    'kind delete cluster           # when you are done',
    '```',
    '',
    "Or apply the end state at once instead of replaying the commands: after `kind create cluster --config kind-config.yaml`, `kubectl apply -f manifests.yaml`.",
    '',
    '| file | what it is |',
    '| --- | --- |',
    '| `manifests.yaml` | the objects you made, as you wrote them (kubectl apply\'s last-applied configuration, or the object without status and server-set fields) |',
    '| `kind-config.yaml` | a kind cluster with one node per simulated node, labelled with the same zones |',
    "| `run.sh` | creates the cluster, runs the session's commands in order (an editor Apply as `kubectl apply -f -` with its text; `kubesim`, `docker` and `sudo` lines stay comments: they only mean something in the simulator), waits for the end state the simulation reached, and lists it |",
    ...shipped.map((p) => `| \`${p}\` | read by your script from its folder; run.sh reads it from here |`),
    '',
    '## Nodes',
    '',
    '| kind node | stands for | labels |',
    '| --- | --- | --- |',
    ...kindNodes.map((n) => `| \`${n.kindName}\` | ${n.simulated ? `\`${n.simulated}\`` : '(kind needs a control plane)'} | ${Object.entries(n.labels).map(([k, v]) => `\`${k}=${v}\``).join(' ') || '—'} |`),
    '',
    'kind names its nodes itself: run.sh uses the kind names above where your commands and editor texts named a simulated node; manifests.yaml and the shipped files are as you wrote them, so a `nodeName`, `kubernetes.io/hostname` selector or affinity there must be changed to the kind name.',
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
  const lines = ['#!/bin/sh', `# Writes the Kubernetes Storage Playground's kind export into ./${dir}, then: bash ${dir}/run.sh`, 'set -eu', `mkdir -p ${dir}`];
  // Shipped files may sit in folders of their own (--from-file=conf/).
  const folders = [...new Set(files.flatMap((f) => (f.path.includes('/') ? [f.path.slice(0, f.path.lastIndexOf('/'))] : [])))];
  if (folders.length > 0) lines.push(`mkdir -p ${folders.map((d) => shellWord(`${dir}/${d}`)).join(' ')}`);
  for (const f of files) {
    let delim = 'KUBESIM_EOF';
    while (f.content.split('\n').includes(delim)) delim += '_';
    lines.push(`cat > ${shellWord(`${dir}/${f.path}`)} <<'${delim}'`, f.content.replace(/\n$/, ''), delim);
    if (f.executable) lines.push(`chmod +x ${shellWord(`${dir}/${f.path}`)}`);
  }
  lines.push(`echo ${shellWord(`Wrote ${files.map((f) => `${dir}/${f.path}`).join(', ')}. Next: bash ${dir}/run.sh`)}`);
  return lines.join('\n') + '\n';
}
