// The whole simulated cluster as one plain-JSON value: objects, clock, id and random state.
// Nothing here is a class, Map, Set or Date, so a state can be cloned, kept for time travel,
// put in a test expectation and resumed exactly.
import type { AnyStored, Kind, ObjectRef } from '../api/objects.ts';
import type { FsTree } from '../fs/tree.ts';
import type { Continuation } from '../containers/main-process.ts';
import type { DockerHost } from '../docker/types.ts';

export type PresetName = 'kind' | 'kind-multinode' | 'bare' | 'multi-az' | 'empty';
export const PRESETS: readonly PresetName[] = ['kind', 'kind-multinode', 'bare', 'multi-az', 'empty'];

/** Objects of one kind, keyed by `namespace/name` (namespaced) or `name` (cluster-scoped). */
export type KindTable = Record<string, AnyStored>;

export interface ClusterState {
  readonly schemaVersion: 1;
  readonly preset: PresetName;
  readonly seed: number;
  /** Simulated wall clock, milliseconds since the Unix epoch. The only clock the engine reads. */
  now: number;
  /** Seeded PRNG state (mulberry32). Advanced only by the engine. */
  rng: number;
  /** Counter for object uids, so ids are stable for a given seed and history. */
  nextUid: number;
  /** The API server's global resourceVersion counter. */
  resourceVersion: number;
  /** How many controller steps have run since the cluster was created. */
  stepCount: number;
  objects: Partial<Record<Kind, KindTable>>;
  /** Event de-duplication: `involved uid|type|reason|source|message` → the Event's table key, like the event recorder's cache. */
  eventIndex: Record<string, string>;
  /** Add-ons running in the cluster that are not CSI drivers (`local-path-provisioner` on kind). */
  addons: string[];
  /** Each node's root filesystem, once something changed it (hostPath directories, local volumes); absent means pristine. */
  nodeFiles: Record<string, FsTree>;
  /** Volume data that lives outside node filesystems: emptyDirs (`emptydir/<pod uid>/<volume>`) and CSI volumes (`pv/<name>`). */
  volumeData: Record<string, FsTree>;
  /** Running containers, by `<pod uid>/<container>`: their writable layer, environment and output. */
  containers: Record<string, ContainerRecord>;
  /** The Docker host beside the cluster: images, layers, containers, volumes (the course's first part). */
  docker: DockerHost;
  /** The scheduler's last verdict per pending pod (`namespace/name`): node → plugin → reason. Kept for explanations. */
  scheduling: Record<string, SchedulingRecord>;
  /**
   * The PV binder's last decision per claim it has not bound (`namespace/name`): every volume with
   * the first binding condition it fails, and what the claim waits for. Kept for explanations.
   * Absent in states made before it existed; every transaction starts it.
   */
  binding?: Record<string, BindingRecord>;
  /**
   * Machines that are switched off (`kubesim node fail`): node name → when it went off (ms). Their
   * kubelet does nothing and posts no status. Absent when none ever failed. Replaced whole, never
   * edited in place, so earlier snapshots keep their own.
   */
  poweredOff?: Record<string, number>;
  /**
   * The attach/detach controller's detach requests for volumes still mounted on their node (the
   * kubelet there never unmounted them): VolumeAttachment name → when detaching was first wanted
   * (ms), which starts maxWaitForUnmountDuration. Replaced whole, like `poweredOff`.
   */
  detachRequestedAt?: Record<string, number>;
  /**
   * kube-proxy's round-robin: connections made to each Service (`namespace/name`) so far, so the
   * next goes to the next ready endpoint (src/engine/net/http.ts). Absent until the first.
   * Replaced whole, like `poweredOff`.
   */
  connections?: Record<string, number>;
}

/** What the runtime keeps for one started container. */
/** One probe worker's memory (kubelet/probes.ts): absent `dueAt` means it passes and waits for a change. */
export interface ProbeWorker {
  failures: number;
  dueAt?: number;
}

export interface ContainerRecord {
  pod: string;
  container: string;
  node: string;
  image: string;
  /** The writable layer over the image: changed and new files, and whiteouts for deleted ones. */
  upper: FsTree;
  /** The environment, resolved once when the container started. */
  env: Record<string, string>;
  /** What the container's command printed (`kubectl logs`). */
  logs: string;
  /** What the previous instance printed, after a restart (`kubectl logs --previous`). */
  previousLogs?: string;
  /** When this instance started, and when its command ends (absent: it runs until stopped). */
  startedAt?: number;
  exitAt?: number;
  /** The command's exit status, reported when it ends. */
  exitCode?: number;
  /**
   * Its main process in simulated time (containers/main-process.ts): the sleeps it has completed,
   * and when the one it waits in ends, its next wake (absent: it waits for good). Absent for a
   * process that never slept.
   */
  sleeps?: number;
  wakeAt?: number;
  /** Where the process goes on at `wakeAt` (the rest of its program and its shell); absent: it is replayed from its start. */
  resume?: Continuation;
  /** A main process in `tail -f FILE`: the file, and how much of it it has printed (kubelet/main-process-wakes.ts prints the rest). */
  tails?: { path: string; offset: number };
  /** The terminated reason to report instead of Completed/Error: `Unknown` for a process lost with its machine. */
  exitReason?: string;
  /** In CrashLoopBackOff: when the kubelet starts it again. */
  restartAt?: number;
  /** The kubelet's crash-loop back-off entry for this container (kubelet/restarts.ts); absent before its first restart. */
  backoff?: { delayMs: number; lastUpdate: number };
  /** The kubelet's probe workers for this instance (kubelet/probes.ts): consecutive results, and the next probe due while one is failing. */
  probes?: Partial<Record<'liveness' | 'readiness' | 'startup', ProbeWorker>>;
  /** Files mounted with subPath, copied when the container started (they never follow updates). */
  subPathFiles: Record<string, string>;
  /** What the pod's ConfigMap, Secret, downward API and projected volumes show (absent in states made before it existed). */
  volumeSync?: VolumeSync;
}

/**
 * The kubelet's last write of a pod's ConfigMap, Secret, downward API and projected volumes: the
 * objects it read then (stored objects are never edited, so these are shared, not copied), the
 * pod's labels and annotations then, and when. Updates show only at the pod's next sync.
 */
export interface VolumeSync {
  at: number;
  /** `ConfigMap/ns/name` or `Secret/ns/name` → the object as read, null when it did not exist. */
  objects: Record<string, AnyStored | null>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** When the kubelet saw an object change: the periodic sync that will write it. */
  dueAt?: number;
}

/** Why a pod could not be placed: each node's first failing filter plugin, as kube-scheduler-simulator records it. */
export interface SchedulingRecord {
  at: number;
  /** Set when the whole pod was rejected before looking at nodes (PreFilter). */
  preFilter?: { plugin: string; reason: string };
  nodes: Record<string, { plugin: string; reason: string } | null>;
  message: string;
}

/** What the PV binder decided for a claim it did not bind, on its last pass. */
export type BindingDecision =
  /** spec.volumeName names a volume that does not exist (yet). */
  | 'named-volume-missing'
  /** spec.volumeName names a volume that does not satisfy the claim, or is bound to another one. */
  | 'named-volume'
  /** The class binds WaitForFirstConsumer and no node was selected yet. */
  | 'wait-for-first-consumer'
  /** The claim named no class and got the default one (it is looked at again). */
  | 'default-class'
  /** No volume fits and no class can provision one (storageClassName "" or no default). */
  | 'no-class'
  | 'class-not-found'
  /** The class names a kubernetes.io/ provisioner, none of which remain in-tree. */
  | 'no-plugin'
  /** Handed to the class's external provisioner. */
  | 'provisioning';

export interface BindingRecord {
  decision: BindingDecision;
  /** Every volume, in name order, with the first binding condition it fails (checkBinding's reason); null when it would bind. */
  volumes: { name: string; failed: string | null }[];
  /** What `volumes` was worked out from: the claim's resourceVersion and the volumes' count and newest resourceVersion. Unchanged, the binder reuses it. */
  claimVersion: string;
  volumeCount: number;
  volumeVersion: number;
}

/**
 * One write the API server accepted, as a watch would deliver it: `object` is the object after
 * the write (absent for a delete), `before` the object it replaced (absent for a create). Changes
 * come in resourceVersion order.
 */
export interface Change {
  type: 'created' | 'updated' | 'deleted';
  ref: ObjectRef;
  object?: AnyStored;
  before?: AnyStored;
  /** The store's resourceVersion after this write (a delete takes one too, as etcd's revision does). */
  resourceVersion: number;
}

/** An event as the canvas and timeline see it (the stored `Event` object carries the same). */
export interface EventNote {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  involvedObject: ObjectRef;
  /** The reporting component, as in `kubectl get events` SOURCE: `persistentvolume-controller`, `default-scheduler`, `kubelet`. */
  source: string;
  count: number;
  /** RFC 3339: when this event was first and last seen (a repeat bumps count and lastTimestamp). */
  firstTimestamp: string;
  lastTimestamp: string;
}

/**
 * One unit of work the timeline can replay: a user action (`actor: 'user'`) or one controller sync
 * that changed something. Unchanged syncs are not steps.
 */
export interface Step {
  index: number;
  /** `user` (kubectl, the editor) or the controller's name (`persistentvolume-binder`, `scheduler`, `kubelet`, …). */
  actor: string;
  /** One sentence saying what happened, for the narration and the timeline. */
  summary: string;
  at: number;
  changes: Change[];
  events: EventNote[];
}
