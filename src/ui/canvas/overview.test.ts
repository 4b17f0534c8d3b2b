import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { toFlowGraph } from './graph.ts';
import { withMotion } from './motion.ts';
import { TILE_NAME_MAX, toOverview } from './overview.ts';
import { graphBounds, OVERVIEW_MIN_CARDS, OVERVIEW_ZOOM, wantsOverview } from './overview-mode.ts';

const doc = (kind: string, name: string, spec: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${spec}`;
const pv = (name: string) => doc('PersistentVolume', name, `spec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: manual\n  hostPath: { path: /mnt/${name} }\n`);
const pvc = (name: string, cls = 'manual') => doc('PersistentVolumeClaim', name, `spec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${cls}\n  resources: { requests: { storage: 1Gi } }\n`);
const pod = (name: string, claim: string) =>
  doc('Pod', name, `spec:\n  containers: [{ name: app, image: nginx, volumeMounts: [{ name: d, mountPath: /d }] }]\n  volumes: [{ name: d, persistentVolumeClaim: { claimName: ${claim} } }]\n`);

function applied(state: ClusterState, yaml: string) {
  const out = applyManifest(state, yaml, { mode: 'apply' });
  expect(out.result.filter((r) => r.error)).toEqual([]);
  return out;
}

describe('wantsOverview', () => {
  it('draws tiles only when zoomed out on a graph with enough cards', () => {
    expect(wantsOverview(OVERVIEW_ZOOM - 0.01, OVERVIEW_MIN_CARDS)).toBe(true);
    expect(wantsOverview(OVERVIEW_ZOOM, OVERVIEW_MIN_CARDS)).toBe(false);
    expect(wantsOverview(0.1, OVERVIEW_MIN_CARDS - 1)).toBe(false);
  });
});

describe('toOverview', () => {
  const base = createCluster({ preset: 'bare' });
  const state = applied(base, [pv('pv-a'), pvc('data-a'), pod('app-a', 'data-a'), pvc('a-claim-with-a-very-long-name', 'other')].join('---\n')).state;
  const graph = toFlowGraph(state);
  const model = toOverview(graph.nodes, graph.edges);

  it('turns every object card into a tile with the same accessible name and tone, and leaves the frame to React Flow', () => {
    const cards = graph.nodes.filter((n) => n.type === 'object');
    expect(model.tiles.map((t) => t.ariaLabel).sort()).toEqual(cards.map((n) => n.ariaLabel).sort());
    expect(model.frame.some((n) => n.type === 'object')).toBe(false);
    expect(model.frame.map((n) => n.id)).toEqual(graph.nodes.filter((n) => n.type !== 'object' && n.type !== 'heading').map((n) => n.id));
    // Column headings become captions the layer sizes for the zoom.
    expect(model.captions.map((c) => c.text)).toEqual(['Nodes and pods (1)', 'StorageClasses (0)', 'PersistentVolumeClaims (2)', 'PersistentVolumes (1)']);
    const claims = graph.nodes.find((n) => n.id === 'heading:claims')!;
    expect(model.captions.find((c) => c.id === 'heading:claims')).toMatchObject({ x: claims.position.x, w: claims.width });
    const claim = model.tiles.find((t) => t.id === 'PersistentVolumeClaim:default/data-a')!;
    expect(claim).toMatchObject({ tone: 'green', name: 'data-a', ariaLabel: 'PersistentVolumeClaim data-a Bound' });
  });

  it('places a pod tile where its card is drawn: inside its node, in canvas coordinates', () => {
    const podNode = graph.nodes.find((n) => n.id === 'Pod:default/app-a')!;
    const parent = graph.nodes.find((n) => n.id === podNode.parentId)!;
    expect(parent).toMatchObject({ type: 'k8sNode', id: 'Node:node-1' });
    const tile = model.tiles.find((t) => t.id === podNode.id)!;
    expect(tile).toMatchObject({ x: parent.position.x + podNode.position.x, y: parent.position.y + podNode.position.y, w: podNode.width, h: podNode.height });
  });

  it('shortens names a tile cannot hold', () => {
    const long = model.tiles.find((t) => t.id === 'PersistentVolumeClaim:default/a-claim-with-a-very-long-name')!;
    expect(long.name).toHaveLength(TILE_NAME_MAX);
    expect(long.name.endsWith('…')).toBe(true);
  });

  it('draws each edge as its own path from handle to handle', () => {
    expect(model.edges.map((e) => e.id).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const bound = model.edges.find((e) => e.relation === 'bound')!;
    const claim = model.tiles.find((t) => t.id === 'PersistentVolumeClaim:default/data-a')!;
    const edge = graph.edges.find((e) => e.id === bound.id)!;
    // The path starts on the side of the claim tile that the card's handle is on.
    const [x, y] = bound.d.slice(1).split(/[ ,C]/).map(Number);
    const side = edge.sourceHandle!.replace('out-', '');
    const expected = { top: [claim.x + claim.w / 2, claim.y], bottom: [claim.x + claim.w / 2, claim.y + claim.h], left: [claim.x, claim.y + claim.h / 2], right: [claim.x + claim.w, claim.y + claim.h / 2] }[side];
    expect([x, y]).toEqual(expected);
  });

  it("carries the step's motion: the changed cards' rings, a new edge drawing in, a deleted card fading where it was", () => {
    const next = applied(state, [pv('pv-b'), pvc('data-b')].join('---\n'));
    const moving = withMotion(graph, toFlowGraph(next.state), next.steps, 1);
    const m = toOverview(moving.nodes, moving.edges);
    expect(m.tiles.filter((t) => t.motion).map((t) => [t.id, t.motion])).toEqual([
      ['PersistentVolumeClaim:default/data-b', 'motion-enter-1'],
      ['PersistentVolume:pv-b', 'motion-enter-1'],
    ]);
    expect(m.edges.filter((e) => e.motion).map((e) => [e.id, e.motion])).toEqual([['bound:PersistentVolumeClaim:default/data-b->PersistentVolume:pv-b', 'motion-draw-1']]);

    const spare = applied(state, pv('pv-spare'));
    const before = toFlowGraph(spare.state);
    const removed = applyManifest(spare.state, pv('pv-spare'), { mode: 'delete' });
    const gone = withMotion(before, toFlowGraph(removed.state), removed.steps, 0);
    const ghost = toOverview(gone.nodes, gone.edges).transients.find((t) => t.id === 'ghost:PersistentVolume:pv-spare');
    const tile = toOverview(before.nodes, before.edges).tiles.find((t) => t.id === 'PersistentVolume:pv-spare')!;
    expect(ghost).toMatchObject({ className: 'motion-leave', x: tile.x, y: tile.y, w: tile.w, h: tile.h });
  });
});

describe('graphBounds', () => {
  it('frames the top-level boxes, not the transient ghosts and flyers', () => {
    const nodes = [
      { id: 'a', position: { x: 10, y: 20 }, width: 100, height: 50, data: {} },
      { id: 'b', position: { x: -40, y: 0 }, width: 20, height: 300, data: {} },
      { id: 'child', parentId: 'a', position: { x: 500, y: 500 }, width: 10, height: 10, data: {} },
      { id: 'ghost:x', position: { x: 9000, y: 9000 }, width: 10, height: 10, data: {} },
    ];
    expect(graphBounds(nodes)).toEqual({ x: -40, y: 0, width: 150, height: 300 });
  });

  it('measures a graph once, and each caller gets a box of its own', () => {
    const nodes = [{ id: 'a', position: { x: 0, y: 0 }, width: 100, height: 50, data: {} }];
    const first = graphBounds(nodes);
    first.width = 1;
    // Measured once: a node moved in place (graphs never are) is not seen again.
    nodes[0]!.position.x = 5_000;
    expect(graphBounds(nodes)).toEqual({ x: 0, y: 0, width: 100, height: 50 });
    // Another array is another graph.
    expect(graphBounds([...nodes])).toEqual({ x: 5_000, y: 0, width: 100, height: 50 });
  });
});
