import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState, type PresetName } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { STARTER_MANIFEST } from '../../store/starter.ts';
import { CLASS_EDGES_MAX, WAITING_ANIMATED_MAX, toFlowGraph, type FlowGraph, type FlowNode } from './graph.ts';
import { facingSides, grid, gridHeight, gridWidth, ROWS_PER_COLUMN, rowsFor } from './layout.ts';
import { toneOf } from './status.ts';

const claim = (name: string, extra = '') =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  accessModes: [ReadWriteOnce]${extra}\n  resources:\n    requests:\n      storage: 1Gi\n`;
const pod = (name: string, claimName?: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: nginx\n` +
  (claimName ? `      volumeMounts: [{ name: d, mountPath: /d }]\n  volumes:\n    - name: d\n      persistentVolumeClaim: { claimName: ${claimName} }\n` : '');
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;
const storageClass = (name: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n`;

function cluster(preset: PresetName, ...manifests: string[]): ClusterState {
  let state = createCluster({ preset });
  for (const m of manifests) {
    const out = applyManifest(state, m, { mode: 'apply' });
    expect(out.result.filter((r) => r.error)).toEqual([]);
    state = out.state;
  }
  return state;
}

const labels = (g: FlowGraph) => g.nodes.flatMap((n) => (n.ariaLabel ? [n.ariaLabel] : []));
const byId = (g: FlowGraph, id: string) => g.nodes.find((n) => n.id === id);
const edgeIds = (g: FlowGraph) => g.edges.map((e) => e.id);
const positions = (g: FlowGraph) => Object.fromEntries(g.nodes.map((n) => [n.id, { ...n.position, parent: n.parentId ?? null, w: n.width, h: n.height }]));

function expectUnmoved(before: FlowGraph, after: FlowGraph, ignore: (n: FlowNode) => boolean = () => false) {
  const now = positions(after);
  for (const n of before.nodes) {
    if (ignore(n)) continue;
    expect(now[n.id], n.id).toEqual(positions(before)[n.id]);
  }
}

describe('toFlowGraph: static provisioning on the bare preset', () => {
  const g = toFlowGraph(cluster('bare', STARTER_MANIFEST));

  it('a Released volume is grey and says its data is kept', () => {
    const state = cluster('bare', STARTER_MANIFEST);
    const gone = applyManifest(state, STARTER_MANIFEST, { mode: 'delete', only: [1, 2] }).state;
    const pv = byId(toFlowGraph(gone), 'PersistentVolume:example-pv')!;
    expect(pv.ariaLabel).toBe('PersistentVolume example-pv Released');
    expect(pv.data).toMatchObject({ tone: 'grey', note: 'data kept · was example-pvc' });
  });

  it('names every object the way a screen reader should read it', () => {
    expect(labels(g)).toEqual(
      expect.arrayContaining(['Node node-1 Ready', 'Pod example-pod Running', 'PersistentVolumeClaim example-pvc Bound', 'PersistentVolume example-pv Bound']),
    );
    for (const n of g.nodes) {
      if (n.type === 'object' || n.type === 'k8sNode') expect(n.focusable).not.toBe(false);
      else expect(n.focusable).toBe(false);
    }
  });

  it('puts the pod inside its node and the claim and volume in their columns', () => {
    expect(byId(g, 'Pod:default/example-pod')?.parentId).toBe('Node:node-1');
    expect(byId(g, 'PersistentVolumeClaim:default/example-pvc')?.parentId).toBeUndefined();
    const pvc = byId(g, 'PersistentVolumeClaim:default/example-pvc')!;
    const pv = byId(g, 'PersistentVolume:example-pv')!;
    expect(pv.position.y).toBe(pvc.position.y);
    expect(pv.position.x).toBeGreaterThan(pvc.position.x);
  });

  it('draws pod → claim and claim → volume, leaving and entering on facing sides', () => {
    expect(g.edges.map((e) => [e.id, e.sourceHandle, e.targetHandle])).toEqual([
      ['uses:Pod:default/example-pod->PersistentVolumeClaim:default/example-pvc', 'out-right', 'in-left'],
      ['bound:PersistentVolumeClaim:default/example-pvc->PersistentVolume:example-pv', 'out-right', 'in-left'],
    ]);
  });

  it('lists parents before their children (React Flow needs it)', () => {
    const seen = new Set<string>();
    for (const n of g.nodes) {
      if (n.parentId) expect(seen.has(n.parentId), `${n.id} after ${n.parentId}`).toBe(true);
      seen.add(n.id);
    }
  });

  it('is deterministic and plain data (ids and display values, no callbacks)', () => {
    const state = cluster('bare', STARTER_MANIFEST);
    expect(toFlowGraph(state)).toEqual(toFlowGraph(state));
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('shows a placeholder where the classes would be', () => {
    expect(byId(g, 'empty:classes')?.data).toEqual({ text: 'No StorageClass: static provisioning only' });
  });
});

describe('toFlowGraph: WaitForFirstConsumer on the kind preset', () => {
  it('names the class by its binding mode and links a waiting claim to it with a dashed edge', () => {
    const g = toFlowGraph(cluster('kind', claim('data')));
    expect(labels(g)).toEqual(expect.arrayContaining(['StorageClass standard WaitForFirstConsumer', 'PersistentVolumeClaim data Pending', 'Node kind-control-plane Ready']));
    const waiting = g.edges.find((e) => e.data?.relation === 'waiting');
    expect(waiting).toMatchObject({ source: 'StorageClass:standard', target: 'PersistentVolumeClaim:default/data', animated: true, sourceHandle: 'out-bottom', targetHandle: 'in-top' });
    // The card says what it is waiting for, until a pod picks a node for it.
    expect((byId(g, 'PersistentVolumeClaim:default/data')!.data as { note: string }).note).toBe('waiting for a consumer · class standard');
  });

  it('keeps waiting edges dashed but still once more than a few claims wait (each animated edge repaints every frame)', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => claim(`c${i}`)).join('---\n');
    const few = toFlowGraph(cluster('kind', names(WAITING_ANIMATED_MAX))).edges.filter((e) => e.data?.relation === 'waiting');
    expect(few).toHaveLength(WAITING_ANIMATED_MAX);
    expect(few.every((e) => e.animated && !e.className?.includes('edge-still'))).toBe(true);
    const many = toFlowGraph(cluster('kind', names(WAITING_ANIMATED_MAX + 1))).edges.filter((e) => e.data?.relation === 'waiting');
    expect(many).toHaveLength(WAITING_ANIMATED_MAX + 1);
    expect(many.every((e) => !e.animated && e.className === 'edge-waiting edge-still')).toBe(true);
  });

  it('once a pod uses the claim: the provisioned local volume sits in the node, bound and linked to its class', () => {
    const g = toFlowGraph(cluster('kind', claim('data'), pod('app', 'data')));
    const pv = g.nodes.find((n) => n.type === 'object' && n.data.kind === 'PersistentVolume')!;
    expect(pv.ariaLabel).toMatch(/^PersistentVolume pvc-[0-9a-f-]{36} Bound$/);
    expect(pv.parentId).toBe('Node:kind-control-plane');
    expect(labels(g)).toEqual(expect.arrayContaining(['PersistentVolumeClaim data Bound', 'Pod app Running']));
    expect(edgeIds(g)).toEqual([
      'uses:Pod:default/app->PersistentVolumeClaim:default/data',
      `bound:PersistentVolumeClaim:default/data->${pv.id}`,
      `provisioned:StorageClass:standard->${pv.id}`,
    ]);
    // The volume is left of the claim: the binding edge runs back into the node.
    expect(g.edges[1]).toMatchObject({ sourceHandle: 'out-left', targetHandle: 'in-right' });
  });
});

describe('toFlowGraph: large graphs', () => {
  it('wraps a long list into a roughly square block, not a strip too wide to fit', () => {
    expect(rowsFor(10)).toBe(ROWS_PER_COLUMN);
    expect(rowsFor(33)).toBe(ROWS_PER_COLUMN);
    const boxes = grid(200, 0, 0);
    const width = Math.max(...boxes.map((b) => b.x + b.w));
    const height = Math.max(...boxes.map((b) => b.y + b.h));
    expect(width / height).toBeGreaterThan(0.5);
    expect(width / height).toBeLessThan(2);
    expect(gridWidth(200)).toBe(width);
    expect(gridHeight(200)).toBe(height);
  });

  it('leaves out the class → volume fan past CLASS_EDGES_MAX volumes (each card still names its class)', () => {
    const pvs = (n: number) =>
      Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${i}\nspec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: slow\n  hostPath: { path: /d/${i} }\n`).join('---\n');
    const slow = storageClass('slow');
    const small = toFlowGraph(cluster('bare', slow, pvs(CLASS_EDGES_MAX)));
    expect(small.edges.filter((e) => e.data?.relation === 'provisioned')).toHaveLength(CLASS_EDGES_MAX);
    const large = toFlowGraph(cluster('bare', slow, pvs(CLASS_EDGES_MAX + 1)));
    expect(large.edges.filter((e) => e.data?.relation === 'provisioned')).toHaveLength(0);
    expect((byId(large, 'PersistentVolume:pv-0')!.data as { note: string }).note).toContain('class slow');
  });
});

describe('toFlowGraph: topology', () => {
  it('wraps a crowded node\'s pods into columns, so a hundred pods form a block, not a tower', () => {
    const pods = Array.from({ length: 25 }, (_, i) => pod(`p-${String(i).padStart(2, '0')}`)).join('---\n');
    const g = toFlowGraph(cluster('bare', pods));
    const node = byId(g, 'Node:node-1')!;
    expect(node.width).toBe(2 * 14 + 3 * 224 + 2 * 24);
    expect(node.height).toBeLessThan(1200);
    const last = byId(g, 'Pod:default/p-24')!;
    expect(last.parentId).toBe('Node:node-1');
    expect(last.position.x).toBe(14 + 2 * (224 + 24));
    expect(last.position.x + 224).toBeLessThanOrEqual(node.width!);
    // The claims column moves right of the wider node instead of under it.
    expect(byId(g, 'heading:claims')!.position.x).toBeGreaterThan(node.width!);
  });

  it('draws zones as lanes holding their nodes and the volumes pinned to the zone', () => {
    const g = toFlowGraph(cluster('multi-az', claim('data'), pod('app', 'data')));
    const zones = g.nodes.filter((n) => n.type === 'zone').map((n) => n.id);
    expect(zones).toEqual(['zone:us-east-1a', 'zone:us-east-1b', 'zone:us-east-1c']);
    expect(byId(g, 'Node:worker-a1')?.parentId).toBe('zone:us-east-1a');
    expect(byId(g, 'Pod:default/app')?.parentId).toBe('Node:worker-a1');
    const pv = g.nodes.find((n) => n.type === 'object' && n.data.kind === 'PersistentVolume')!;
    expect(pv.parentId).toBe('zone:us-east-1a');
  });

  it('lays several nodes out in a grid and keeps an unscheduled pod in its own area', () => {
    const g = toFlowGraph(cluster('kind-multinode'));
    const nodes = g.nodes.filter((n) => n.type === 'k8sNode');
    expect(nodes.map((n) => n.ariaLabel)).toEqual(['Node kind-control-plane Ready', 'Node kind-worker Ready', 'Node kind-worker2 Ready']);
    expect(nodes[0]!.position.y).toBe(nodes[1]!.position.y);
    expect(nodes[2]!.position.y).toBeGreaterThan(nodes[0]!.position.y);

    const e = toFlowGraph(cluster('empty', pod('lonely')));
    expect(byId(e, 'Pod:default/lonely')).toMatchObject({ parentId: 'area:unscheduled', ariaLabel: 'Pod lonely Pending' });
    expect(byId(e, 'empty:cluster')).toBeDefined();
  });

  it('uses kubectl STATUS for pods, e.g. ContainerCreating while a container waits', () => {
    const state = structuredClone(cluster('bare', pod('app')));
    const p = state.objects.Pod!['default/app'] as { status: { phase: string; containerStatuses?: unknown[] } };
    p.status = { phase: 'Pending', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] };
    const node = byId(toFlowGraph(state), 'Pod:default/app')!;
    expect(node.ariaLabel).toBe('Pod app ContainerCreating');
    expect(node.type === 'object' && node.data.tone).toBe('amber');
  });
});

describe('toFlowGraph: stable layout', () => {
  const base = cluster('kind', STARTER_MANIFEST);
  const before = toFlowGraph(base);

  it('does not move anything when an object the canvas does not draw is added', () => {
    const after = toFlowGraph(applyManifest(base, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n', { mode: 'apply' }).state);
    expect(positions(after)).toEqual(positions(before));
  });

  it('adds a ConfigMap in its own column without moving anything, linked to the pods that use it', () => {
    const after = toFlowGraph(applyManifest(base, configMap('settings'), { mode: 'apply' }).state);
    expectUnmoved(before, after);
    const card = byId(after, 'ConfigMap:default/settings')!;
    expect(card.ariaLabel).toBe('ConfigMap settings 1 key');
    const mounted = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: reader\nspec:\n  containers:\n    - name: app\n      image: nginx\n      envFrom: [{ configMapRef: { name: settings } }]\n`;
    const used = toFlowGraph(applyManifest(applyManifest(base, configMap('settings'), { mode: 'apply' }).state, mounted, { mode: 'apply' }).state);
    expect(edgeIds(used)).toContain('config:ConfigMap:default/settings->Pod:default/reader');
    expect((byId(used, 'ConfigMap:default/settings')!.data as { detail: string }).detail).toBe('used by 1 pod');
  });

  it('does not move existing cards when a claim is added', () => {
    const after = toFlowGraph(applyManifest(base, claim('zz-extra'), { mode: 'apply' }).state);
    expectUnmoved(before, after, (n) => n.id === 'heading:claims');
    expect(byId(after, 'PersistentVolumeClaim:default/zz-extra')).toBeDefined();
  });

  it('does not move claims, volumes or classes when a pod lands on a node', () => {
    const after = toFlowGraph(applyManifest(base, pod('web'), { mode: 'apply' }).state);
    // Only the node box grows (and what it holds below the new pod shifts inside it).
    expectUnmoved(before, after, (n) => n.id === 'Node:kind-control-plane' || n.parentId === 'Node:kind-control-plane');
    expect(byId(after, 'Pod:default/web')?.parentId).toBe('Node:kind-control-plane');
  });

  it('does not move claims or volumes when a class is added', () => {
    const after = toFlowGraph(applyManifest(base, storageClass('zz-local'), { mode: 'apply' }).state);
    expectUnmoved(before, after, (n) => n.id === 'heading:classes');
  });
});

describe('status colours', () => {
  it.each([
    ['Pending', 'amber'],
    ['ContainerCreating', 'amber'],
    ['Bound', 'green'],
    ['Running', 'green'],
    ['Ready', 'green'],
    ['Available', 'blue'],
    ['Released', 'grey'],
    ['Failed', 'red'],
    ['Lost', 'red'],
    ['CrashLoopBackOff', 'red'],
    ['WaitForFirstConsumer', 'violet'],
  ])('%s is %s', (status, tone) => expect(toneOf(status)).toBe(tone));
});

describe('facingSides', () => {
  const box = (x: number, y: number) => ({ x, y, w: 100, h: 50 });
  it('goes down when the target is under the source, sideways otherwise', () => {
    expect(facingSides(box(0, 0), box(20, 200))).toEqual({ source: 'bottom', target: 'top' });
    expect(facingSides(box(0, 0), box(300, 200))).toEqual({ source: 'right', target: 'left' });
    expect(facingSides(box(300, 0), box(0, 0))).toEqual({ source: 'left', target: 'right' });
  });
});

describe('toFlowGraph: long lists', () => {
  it('wrap into columns of ten, and the volumes column moves right of them', () => {
    const many = Array.from({ length: 25 }, (_, i) => claim(`c${String(i).padStart(2, '0')}`, '\n  storageClassName: ""')).join('---\n');
    const g = toFlowGraph(cluster('bare', many));
    const claimNodes = g.nodes.filter((n) => n.ariaLabel?.startsWith('PersistentVolumeClaim '));
    const xs = [...new Set(claimNodes.map((n) => n.position.x))];
    expect(xs).toHaveLength(3);
    expect(claimNodes.filter((n) => n.position.x === xs[0])).toHaveLength(10);
    const volumesHeading = g.nodes.find((n) => n.id.includes('volumes') && n.type === 'heading')!;
    expect(volumesHeading.position.x).toBeGreaterThan(Math.max(...xs));
  });
});
