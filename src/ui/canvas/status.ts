// What a card says about an object's state, in kubectl's words: the STATUS column of
// `kubectl get` (pods: Running, Pending, ContainerCreating, …; volumes and claims: their phase;
// nodes: Ready), and for a StorageClass its VOLUMEBINDINGMODE. Then the colour family each
// status belongs to, so a phase looks the same everywhere (cards, legend, inspector).
import { cellOf } from '../../commands/kubectl/printers/cells.ts';
import { NODE_COLUMNS } from '../../commands/kubectl/printers/cluster.ts';
import type { Column } from '../../commands/kubectl/printers/columns.ts';
import { POD_COLUMNS } from '../../commands/kubectl/printers/pods.ts';
import { PERSISTENT_VOLUME_CLAIM_COLUMNS, PERSISTENT_VOLUME_COLUMNS } from '../../commands/kubectl/printers/storage.ts';
import type { PrintableObjects } from '../../commands/kubectl/printers/types.ts';
import type { AnyStored } from '../../engine/index.ts';

export type Tone = 'green' | 'amber' | 'blue' | 'grey' | 'red' | 'violet';

// The kinds whose cells the canvas reads: only their printers load with the first screen.
const CANVAS_COLUMNS = {
  Pod: POD_COLUMNS,
  PersistentVolumeClaim: PERSISTENT_VOLUME_CLAIM_COLUMNS,
  PersistentVolume: PERSISTENT_VOLUME_COLUMNS,
  Node: NODE_COLUMNS,
};
type CanvasKind = keyof typeof CANVAS_COLUMNS;

/** One cell of `kubectl get <kind>` for one object. */
export function kubectlCell<K extends CanvasKind>(kind: K, obj: PrintableObjects[K], header: string, now: number): string {
  return cellOf(CANVAS_COLUMNS[kind] as Column<PrintableObjects[K]>[], header, obj, now);
}

export function podStatus(pod: PrintableObjects['Pod'], now: number): string {
  return kubectlCell('Pod', pod, 'STATUS', now) || 'Pending';
}

export function claimStatus(pvc: PrintableObjects['PersistentVolumeClaim'], now: number): string {
  return kubectlCell('PersistentVolumeClaim', pvc, 'STATUS', now) || 'Pending';
}

export function volumeStatus(pv: PrintableObjects['PersistentVolume'], now: number): string {
  return kubectlCell('PersistentVolume', pv, 'STATUS', now) || 'Pending';
}

export function nodeStatus(node: PrintableObjects['Node'], now: number): string {
  return kubectlCell('Node', node, 'STATUS', now) || 'Unknown';
}

export function classStatus(sc: PrintableObjects['StorageClass']): string {
  return sc.volumeBindingMode ?? 'Immediate';
}

const GREEN = new Set(['Bound', 'Running', 'Ready', 'Succeeded', 'Completed']);
const AMBER = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);
const GREY = new Set(['Released', 'Terminating', 'Unknown']);
const VIOLET = new Set(['WaitForFirstConsumer', 'Immediate']);

/** The colour family of a status: Pending amber, Bound/Running green, Available blue, Released grey, Failed/Lost red. */
export function toneOf(status: string): Tone {
  if (status === 'Available') return 'blue';
  if (GREEN.has(status)) return 'green';
  if (AMBER.has(status) || status.startsWith('Init:')) return 'amber';
  if (GREY.has(status)) return 'grey';
  if (VIOLET.has(status)) return 'violet';
  if (status.startsWith('Ready,')) return 'amber'; // Ready,SchedulingDisabled: cordoned
  return 'red'; // Failed, Lost, NotReady, ErrImagePull, CrashLoopBackOff, …
}

/** The status a card shows for any object the canvas draws; undefined for other kinds. */
export function statusOfObject(obj: AnyStored, now: number): string | undefined {
  switch (obj.kind) {
    case 'Pod':
      return podStatus(obj, now);
    case 'PersistentVolumeClaim':
      return claimStatus(obj, now);
    case 'PersistentVolume':
      return volumeStatus(obj, now);
    case 'Node':
      return nodeStatus(obj, now);
    case 'StorageClass':
      return classStatus(obj);
    default:
      return undefined;
  }
}
