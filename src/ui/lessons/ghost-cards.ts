// What one card of the goal ghost says about an object in a state: the canvas's own card data
// (cards.ts: kubectl's status, its colour family, the facts line), and for the kinds the canvas
// draws no card for (a Deployment, a VolumeAttachment, the Docker host's objects) the same facts
// in the same shape. Used by the worker for the goal's state and by the page for the learner's.
import { findContainer, findImage, viewOf, type AnyStored, type ClusterState, type ObjectRef } from '../../engine/index.ts';
import type { GhostRef } from '../../lessons/ghost.ts';
import { cardOfClaim, cardOfClass, cardOfConfig, cardOfPod, cardOfVolume } from '../canvas/cards.ts';
import { cardOfService, slicesOf } from '../canvas/service-cards.ts';
import type { Tone } from '../canvas/status.ts';
import { cardOfJob, cardOfStatefulSet } from '../canvas/workload-cards.ts';

export interface GhostFacts {
  label: string;
  status: string;
  tone: Tone;
  detail: string;
}

/** The kind as a short badge, as kubectl abbreviates it where it does. */
export const GHOST_BADGE: Record<string, string> = {
  PersistentVolumeClaim: 'PVC',
  PersistentVolume: 'PV',
  StorageClass: 'SC',
  Pod: 'POD',
  ConfigMap: 'CM',
  Secret: 'SECRET',
  StatefulSet: 'STS',
  Deployment: 'DEPLOY',
  ReplicaSet: 'RS',
  Job: 'JOB',
  Service: 'SVC',
  VolumeAttachment: 'VA',
  DockerImage: 'IMG',
  DockerContainer: 'CTR',
  DockerVolume: 'VOL',
};

const labelOf = (ref: ObjectRef) => (ref.namespace && ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name);

/** The facts of `ref` in `state`; undefined when it is not there. */
export function factsOf(state: ClusterState, ref: GhostRef): GhostFacts | undefined {
  if (ref.kind === 'DockerContainer' || ref.kind === 'DockerImage' || ref.kind === 'DockerVolume') return dockerFacts(state, ref.kind, ref.name);
  const r = ref as ObjectRef;
  const view = viewOf(state);
  const obj = view.getRef(r) as AnyStored | undefined;
  if (!obj) return undefined;
  const now = state.now;
  const pick = ({ label, status, tone, detail }: GhostFacts) => ({ label, status, tone, detail });
  switch (obj.kind) {
    case 'Pod':
      return pick(cardOfPod(obj, now));
    case 'PersistentVolumeClaim':
      return pick(cardOfClaim(obj, now, (name) => view.get('StorageClass', name)));
    case 'PersistentVolume':
      return pick(cardOfVolume(obj, now));
    case 'StorageClass':
      return pick(cardOfClass(obj));
    case 'ConfigMap':
    case 'Secret':
      return { ...pick(cardOfConfig(obj, 0)), detail: '' };
    case 'StatefulSet':
      return pick(cardOfStatefulSet(obj));
    case 'Job':
      return pick(cardOfJob(obj));
    case 'Service':
      return pick(cardOfService(obj, slicesOf(obj, view.list('EndpointSlice'))));
    case 'Deployment': {
      const want = obj.spec?.replicas ?? 1;
      const ready = obj.status?.readyReplicas ?? 0;
      return { label: labelOf(r), status: `${ready}/${want} ready`, tone: ready >= want ? 'green' : 'amber', detail: '' };
    }
    case 'VolumeAttachment':
      return { label: r.name, status: obj.status?.attached ? 'attached' : 'attaching', tone: obj.status?.attached ? 'green' : 'amber', detail: `${obj.spec.source.persistentVolumeName ?? ''} on ${obj.spec.nodeName}` };
    default:
      return { label: labelOf(r), status: '', tone: 'grey', detail: '' };
  }
}

function dockerFacts(state: ClusterState, kind: 'DockerContainer' | 'DockerImage' | 'DockerVolume', name: string): GhostFacts | undefined {
  const host = state.docker;
  if (kind === 'DockerVolume') {
    if (!Object.hasOwn(host.volumes, name)) return undefined;
    const users = Object.values(host.containers).filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name)).length;
    return { label: name, status: 'volume', tone: 'blue', detail: users === 0 ? 'no container uses it' : `used by ${users} ${users === 1 ? 'container' : 'containers'}` };
  }
  if (kind === 'DockerImage') {
    const image = findImage(host, name);
    if (!image) return undefined;
    return { label: name, status: 'image', tone: 'blue', detail: `${image.layers.length} ${image.layers.length === 1 ? 'layer' : 'layers'}` };
  }
  const c = findContainer(host, name);
  if (!c) return undefined;
  // `docker inspect`'s State.Status words: running, exited, created.
  const tone: Tone = c.state === 'running' ? 'green' : c.state === 'exited' ? 'grey' : 'blue';
  const mounts = c.mounts.map((m) => (m.type === 'tmpfs' ? `tmpfs ${m.destination}` : `${m.source}:${m.destination}`));
  return { label: c.name, status: c.state, tone, detail: [c.image, ...mounts].join(' · ') };
}
