// The Docker view-model: a PURE function from the engine's Docker host to React Flow nodes and
// edges. Images with their read-only layer stacks on the left, the containers that run them in
// the middle (each with its writable layer as a bar), volumes and bind mounts on the right.
// Sizes are the engine's (imageSize, containerSize, volumeSize); nothing here decides behaviour.
import type { Node } from '@xyflow/react';
import { containerSize, findCatalogImage, imageSize, layerBytes, parseImageRef, viewOf, volumeSize, type ClusterState, type DockerContainer } from '../../engine/index.ts';
import { humanSize } from '../../commands/docker/format.ts';
import type { FlowEdge, HeadingFlowNode, PlaceholderFlowNode } from './graph.ts';
import { facingSides, type Box } from './layout.ts';

export interface LayerRow {
  label: string;
  size: string;
}
export type DockerImageData = { name: string; id: string; size: string; layers: LayerRow[]; hidden: { count: number; size: string } | null; containers: number };
export type DockerContainerData = {
  name: string;
  image: string;
  state: string;
  tone: 'green' | 'grey' | 'amber';
  upper: string;
  upperBytes: number;
  /** The writable layer's share of `barScale`: a fixed scale, so 10 MB and 31 MB look different even alone. */
  barFraction: number;
  /** The bar's full length ("50MB"): the first of 50 MB, 100 MB, 200 MB, 500 MB, 1 GB, … that holds the largest layer shown. */
  barScale: string;
};

/**
 * The writable-layer bars' full length in bytes. Not the largest layer (a lone 10 MB container and
 * a lone 31 MB one would both fill the bar): a round figure at least 50 MB, the same for every bar
 * on the canvas, in Docker's decimal units.
 */
export function barScaleBytes(largest: number): number {
  for (let scale = 50e6; ; ) {
    if (largest <= scale) return scale;
    const digit = Number(String(scale)[0]);
    scale = digit === 5 ? scale * 2 : digit === 1 ? scale * 2 : scale * 2.5;
  }
}
export type DockerVolumeData = { name: string; kind: 'volume' | 'bind' | 'tmpfs'; size: string; users: number };

export type DockerImageNode = Node<DockerImageData, 'dockerImage'>;
export type DockerContainerNode = Node<DockerContainerData, 'dockerContainer'>;
export type DockerVolumeNode = Node<DockerVolumeData, 'dockerVolume'>;
export type DockerFlowNode = DockerImageNode | DockerContainerNode | DockerVolumeNode | HeadingFlowNode | PlaceholderFlowNode;

/** How many of an image's own layers a card lists; the rest fold into one "base layers" row. */
export const SHOWN_LAYERS = 4;
const IMAGE_W = 300;
const CONTAINER_W = 280;
const VOLUME_W = 250;
const GAP_X = 90;
const GAP_Y = 18;
const TOP = 40;
const CONTAINER_H = 92;
const VOLUME_H = 62;
const imageHeight = (rows: number) => 58 + rows * 22;

const shortName = (tag: string) => {
  const { repository, tag: t } = parseImageRef(tag);
  return t === 'latest' ? repository : `${repository}:${t}`;
};

function stateOf(c: DockerContainer): Pick<DockerContainerData, 'state' | 'tone'> {
  if (c.state === 'running') return { state: 'Up', tone: 'green' };
  if (c.state === 'exited') return { state: `Exited (${c.exitCode})`, tone: 'grey' };
  return { state: 'Created', tone: 'amber' };
}

export interface DockerGraphOptions {
  /** Also draw the cluster's pod containers (their images' layers and their writable layers) below the host's. */
  podContainers?: boolean;
}

export function toDockerGraph(state: ClusterState, opts: DockerGraphOptions = {}): { nodes: DockerFlowNode[]; edges: FlowEdge[] } {
  const host = state.docker;
  const nodes: DockerFlowNode[] = [];
  const boxes = new Map<string, Box>();
  const containers = Object.values(host.containers);
  const images = Object.values(host.images).sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  const xContainers = IMAGE_W + GAP_X;
  const xVolumes = xContainers + CONTAINER_W + GAP_X;
  const heading = (id: string, title: string, count: number, x: number, w: number): HeadingFlowNode => ({ id, type: 'heading', position: { x, y: 0 }, width: w, height: 24, data: { title, count }, draggable: false, selectable: false });

  nodes.push(heading('h:images', 'Images (read-only layers)', images.length, 0, IMAGE_W));
  let y = TOP;
  for (const image of images) {
    // A layer row per history row that made a layer, newest on top, like `docker image history`.
    const rows = image.history.filter((h) => !h.empty).reverse().map((h) => ({ label: h.createdBy.replace(/ # buildkit$/, ''), size: humanSize(h.size) }));
    const shown = rows.slice(0, SHOWN_LAYERS);
    const rest = rows.slice(SHOWN_LAYERS);
    const restBytes = image.history.filter((h) => !h.empty).reverse().slice(SHOWN_LAYERS).reduce((s, h) => s + h.size, 0);
    const name = image.tags[0] ? shortName(image.tags[0]) : '<none>';
    const h = imageHeight(shown.length + (rest.length ? 1 : 0));
    const id = `image:${image.id}`;
    const data: DockerImageData = { name, id: image.id.slice(0, 12), size: humanSize(imageSize(host, image)), layers: shown, hidden: rest.length ? { count: rest.length, size: humanSize(restBytes) } : null, containers: containers.filter((c) => c.imageId === image.id).length };
    nodes.push({ id, type: 'dockerImage', position: { x: 0, y }, width: IMAGE_W, height: h, data, ariaLabel: `Image ${name} ${data.size}`, draggable: false });
    boxes.set(id, { x: 0, y, w: IMAGE_W, h });
    y += h + GAP_Y;
  }
  if (images.length === 0) nodes.push({ id: 'p:images', type: 'placeholder', position: { x: 0, y: TOP }, width: IMAGE_W, height: 70, data: { text: 'No images yet: docker pull busybox, or docker build' }, draggable: false, selectable: false });

  nodes.push(heading('h:containers', 'Containers (writable layers)', containers.length, xContainers, CONTAINER_W));
  // Every bar on the canvas shares one scale (the pods' containers' too, when shown).
  const podBytes = opts.podContainers ? Object.values(state.containers).map((r) => layerBytes(r.upper)) : [];
  const scale = barScaleBytes(Math.max(1, ...containers.map(containerSize), ...podBytes));
  containers.forEach((c, i) => {
    const bytes = containerSize(c);
    const id = `container:${c.id}`;
    const box = { x: xContainers, y: TOP + i * (CONTAINER_H + GAP_Y), w: CONTAINER_W, h: CONTAINER_H };
    const data: DockerContainerData = { name: c.name, image: c.image, ...stateOf(c), upper: humanSize(bytes), upperBytes: bytes, barFraction: bytes / scale, barScale: humanSize(scale) };
    nodes.push({ id, type: 'dockerContainer', position: { x: box.x, y: box.y }, width: box.w, height: box.h, data, ariaLabel: `Container ${c.name} ${data.state}`, draggable: false });
    boxes.set(id, box);
  });
  if (containers.length === 0) nodes.push({ id: 'p:containers', type: 'placeholder', position: { x: xContainers, y: TOP }, width: CONTAINER_W, height: 70, data: { text: 'No containers: docker run -d --name web nginx' }, draggable: false, selectable: false });

  // Named volumes, then the host directories bind-mounted somewhere, then tmpfs mounts.
  const stores: { id: string; data: DockerVolumeData }[] = [
    ...Object.keys(host.volumes).sort().map((n) => ({ id: `volume:${n}`, data: { name: n.length === 64 ? `${n.slice(0, 12)}…` : n, kind: 'volume' as const, size: humanSize(volumeSize(state, n)), users: containers.filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === n)).length } })),
    ...[...new Set(containers.flatMap((c) => c.mounts.filter((m) => m.type === 'bind').map((m) => m.source)))].sort().map((p) => ({ id: `bind:${p}`, data: { name: p, kind: 'bind' as const, size: 'host directory', users: containers.filter((c) => c.mounts.some((m) => m.type === 'bind' && m.source === p)).length } })),
  ];
  nodes.push(heading('h:volumes', 'Volumes and bind mounts', stores.length, xVolumes, VOLUME_W));
  stores.forEach((s, i) => {
    const box = { x: xVolumes, y: TOP + i * (VOLUME_H + GAP_Y), w: VOLUME_W, h: VOLUME_H };
    nodes.push({ id: s.id, type: 'dockerVolume', position: { x: box.x, y: box.y }, width: box.w, height: box.h, data: s.data, ariaLabel: `${s.data.kind === 'bind' ? 'Bind mount' : 'Volume'} ${s.data.name} ${s.data.size}`, draggable: false });
    boxes.set(s.id, box);
  });
  if (stores.length === 0) nodes.push({ id: 'p:volumes', type: 'placeholder', position: { x: xVolumes, y: TOP }, width: VOLUME_W, height: 70, data: { text: 'No volumes: docker volume create my-vol' }, draggable: false, selectable: false });

  const edges: FlowEdge[] = [];
  if (opts.podContainers) {
    // Below everything drawn so far, the empty columns' hints included (their text must not sit under the headings).
    const bottom = Math.max(TOP, ...nodes.map((n) => n.position.y + (n.height ?? 0))) + 70;
    addPodContainers(state, bottom, nodes, boxes, scale);
  }
  const add = (relation: 'uses' | 'bound', source: string, target: string, label: string) => {
    const s = boxes.get(source);
    const t = boxes.get(target);
    if (!s || !t) return;
    const sides = facingSides(s, t);
    edges.push({ id: `${source}->${target}`, source, target, sourceHandle: `out-${sides.source}`, targetHandle: `in-${sides.target}`, className: `edge-${relation}`, data: { relation }, ariaLabel: label, selectable: false, focusable: false });
  };
  for (const c of containers) {
    add('uses', `container:${c.id}`, `image:${c.imageId}`, `Container ${c.name} runs on image ${c.image}`);
    for (const m of c.mounts) {
      if (m.type === 'volume') add('bound', `container:${c.id}`, `volume:${m.source}`, `Container ${c.name} mounts volume ${m.source} at ${m.destination}`);
      if (m.type === 'bind') add('bound', `container:${c.id}`, `bind:${m.source}`, `Container ${c.name} mounts ${m.source} at ${m.destination}`);
    }
  }
  for (const c of Object.values(state.containers)) add('uses', `podc:${c.pod}/${c.container}`, `podimage:${c.image}`, `Container ${c.container} of pod ${c.pod} runs on image ${c.image}`);
  return { nodes, edges };
}

/**
 * The cluster's containers, as each node's container runtime holds them: the image's read-only
 * layers (from the image catalogue) shared by every container that runs it, and each container's
 * own writable layer. Sizes come from the engine's filesystems.
 */
function addPodContainers(state: ClusterState, top: number, nodes: DockerFlowNode[], boxes: Map<string, Box>, scale: number) {
  const records = Object.values(state.containers).sort((a, b) => a.pod.localeCompare(b.pod) || a.container.localeCompare(b.container));
  const pods = new Map(viewOf(state).list('Pod').map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  const imageRefs = [...new Set(records.map((r) => r.image))].sort();
  const heading = (id: string, title: string, count: number, x: number, w: number): HeadingFlowNode => ({ id, type: 'heading', position: { x, y: top - TOP }, width: w, height: 24, data: { title, count }, draggable: false, selectable: false });
  nodes.push(heading('h:podimages', "Pods' images (on the nodes)", imageRefs.length, 0, IMAGE_W));
  nodes.push(heading('h:podcontainers', "Pods' containers (writable layers)", records.length, IMAGE_W + GAP_X, CONTAINER_W));
  let y = top;
  for (const ref of imageRefs) {
    const catalog = findCatalogImage(ref);
    const made = (catalog?.history ?? []).filter((h) => !h.empty).reverse();
    const rows = made.map((h) => ({ label: h.createdBy, size: humanSize(h.size) }));
    const shown = rows.slice(0, SHOWN_LAYERS);
    const rest = made.slice(SHOWN_LAYERS);
    const h = imageHeight(Math.max(1, shown.length + (rest.length ? 1 : 0)));
    const id = `podimage:${ref}`;
    const data: DockerImageData = {
      name: shortName(ref),
      id: catalog ? 'node cache' : 'not in catalogue',
      size: humanSize(made.reduce((s, r) => s + r.size, 0)),
      layers: shown.length ? shown : [{ label: 'layers not modelled for this image', size: '' }],
      hidden: rest.length ? { count: rest.length, size: humanSize(rest.reduce((s, r) => s + r.size, 0)) } : null,
      containers: records.filter((r) => r.image === ref).length,
    };
    nodes.push({ id, type: 'dockerImage', position: { x: 0, y }, width: IMAGE_W, height: h, data, ariaLabel: `Pod image ${data.name} ${data.size}`, draggable: false });
    boxes.set(id, { x: 0, y, w: IMAGE_W, h });
    y += h + GAP_Y;
  }
  if (records.length === 0) nodes.push({ id: 'p:podcontainers', type: 'placeholder', position: { x: IMAGE_W + GAP_X, y: top }, width: CONTAINER_W, height: 70, data: { text: 'No pods running yet: their containers appear here' }, draggable: false, selectable: false });
  records.forEach((r, i) => {
    const bytes = layerBytes(r.upper);
    const pod = pods.get(r.pod);
    const status = pod?.status?.containerStatuses?.find((c) => c.name === r.container);
    const running = !!status?.state?.running;
    const box = { x: IMAGE_W + GAP_X, y: top + i * (CONTAINER_H + GAP_Y), w: CONTAINER_W, h: CONTAINER_H };
    const id = `podc:${r.pod}/${r.container}`;
    const data: DockerContainerData = {
      name: `${r.pod.replace(/^default\//, '')} · ${r.container}`,
      image: r.image,
      state: running ? 'Running' : status?.state?.terminated ? `Terminated (${status.state.terminated.exitCode})` : 'Waiting',
      tone: running ? 'green' : status?.state?.terminated ? 'grey' : 'amber',
      upper: humanSize(bytes),
      upperBytes: bytes,
      barFraction: bytes / scale,
      barScale: humanSize(scale),
    };
    nodes.push({ id, type: 'dockerContainer', position: { x: box.x, y: box.y }, width: box.w, height: box.h, data, ariaLabel: `Pod container ${r.pod}/${r.container} ${data.state}`, draggable: false });
    boxes.set(id, box);
  });
}
