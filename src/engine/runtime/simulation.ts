// The simulation's entry points: make a cluster, act on it as a user, let time pass.
// Every function takes a state and returns a new one (the input is never modified), plus the
// steps that happened, in order.
import type { AnyStored } from '../api/objects.ts';
import { beginTxn, type Txn } from '../cluster/store.ts';
import { PRESETS, type ClusterState, type PresetName, type Step } from '../cluster/state.ts';
import { CONTROLLERS } from '../controllers/registry.ts';
import { applyDefaults } from '../registry/index.ts';
import { presetContents } from '../presets.ts';
import { kubernetesServiceObjects } from '../cluster/kubernetes-service.ts';
import { kubeDnsObjects } from '../cluster/kube-dns.ts';
import { EMPTY_DOCKER_HOST } from '../docker/types.ts';
import { CLUSTER_EPOCH } from './clock.ts';
import { StepRecorder } from './controller.ts';
import { seedRandom } from './random.ts';
import { runUntilSettled, type SettleResult } from './settle.ts';
import { nextWake, repeatedEventsOnly, skipIdleResyncs } from './idle-resyncs.ts';
import { MAX_CYCLE, skipCycles, type ActingResync } from './periodic-skip.ts';
import { ActorLog } from './actor-log.ts';
import { planActorSkip, type Landing } from './actor-skip.ts';

/** Acting resyncs remembered to find a cycle: four of the longest cycle looked for. */
const CYCLE_HISTORY = 3 * MAX_CYCLE + 1;

export interface CreateClusterOptions {
  preset?: PresetName;
  seed?: number;
}

/** A fresh cluster from a preset, settled (volumes Available, nodes Ready), at the cluster epoch. */
export function createCluster(opts: CreateClusterOptions = {}): ClusterState {
  const preset = opts.preset ?? 'kind';
  if (!PRESETS.includes(preset)) throw new Error(`unknown cluster preset "${String(preset)}"`);
  const seed = opts.seed ?? 1;
  const empty: ClusterState = {
    schemaVersion: 1,
    preset,
    seed,
    now: CLUSTER_EPOCH,
    rng: seedRandom(seed),
    nextUid: 0,
    resourceVersion: 0,
    stepCount: 0,
    objects: {},
    eventIndex: {},
    addons: [],
    scheduling: {},
    nodeFiles: {},
    volumeData: {},
    containers: {},
    docker: EMPTY_DOCKER_HOST,
  };
  const contents = presetContents(preset);
  const txn = beginTxn(empty);
  for (const ns of contents.namespaces) txn.create(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } }));
  for (const node of contents.nodes) txn.create(node);
  if (contents.namespaces.includes('default')) for (const obj of kubernetesServiceObjects(txn.list('Node'))) txn.create(obj);
  // kubeadm's cluster DNS Service (kind makes it too); its CoreDNS pods are not modelled.
  if (contents.namespaces.includes('kube-system')) for (const obj of kubeDnsObjects()) txn.create(obj);
  for (const sc of contents.storageClasses) txn.create(applyDefaults(sc));
  for (const d of contents.csiDrivers) txn.create(applyDefaults(d));
  txn.state.addons = [...contents.addons];
  const steps: Step[] = [];
  runUntilSettled(txn, CONTROLLERS, steps);
  // The preset is the starting point, not history: the timeline begins empty.
  txn.state.stepCount = 0;
  return txn.state;
}

export interface ActResult<T> {
  state: ClusterState;
  result: T;
  /** The user's own step (if it changed anything) followed by the controllers' steps. */
  steps: Step[];
  settle: SettleResult;
}

/**
 * Runs a user action (an apply, a delete, a patch) against the API and then lets the cluster
 * settle, like a learner who runs a command and waits a moment.
 */
export function act<T>(state: ClusterState, summary: string | ((result: T) => string), action: (txn: Txn) => T): ActResult<T> {
  const txn = beginTxn(state);
  const steps: Step[] = [];
  const recorder = new StepRecorder(txn, steps);
  const result = action(txn);
  recorder.close('user', typeof summary === 'function' ? summary(result) : summary);
  const settle = runUntilSettled(txn, CONTROLLERS, steps);
  return { state: txn.state, result, steps, settle };
}

/** Controllers' periodic resync: repeated events (WaitForFirstConsumer, FailedScheduling) recur at this interval. */
export const RESYNC_SECONDS = 15;

/**
 * Lets simulated time pass (`sleep N`): the clock advances in resync intervals and the
 * controllers run at each, so ages grow and waiting events repeat as in a real cluster.
 *
 * A resync that only repeats events is followed by identical ones until some controller's
 * clock-driven wake (`wakeTimes`) or the end of the sleep, so those are skipped in one jump
 * (`skipIdleResyncs`). When actors repeat themselves (restarting containers), each is moved by
 * whole cycles of its own (`planActorSkip`), or the cluster by whole cycles of its own
 * (`skipCycles`). All give what resyncing one by one gives.
 */
export function advanceClock(state: ClusterState, seconds: number): ActResult<undefined> {
  let txn = beginTxn(state);
  const steps: Step[] = [];
  let settle: SettleResult = { passes: 0, settled: true };
  const start = txn.state.now;
  const total = Math.max(0, seconds) * 1000;
  const interval = RESYNC_SECONDS * 1000;
  // The resync instants are start + k·interval, and the sleep's end: the same grid as resyncing one by one.
  const resyncAt = (k: number) => start + Math.min(k * interval, total);
  const last = Math.ceil(total / interval);
  let acting: ActingResync[] = [];
  const log = new ActorLog(state, start, interval);
  // After an actor skip: the resyncs run unseen until every moved object is written again, and where to go back if one is not.
  let unseen: { until: number; landing: Landing; from: ClusterState; k: number } | undefined;
  let actorSkips = true;
  for (let k = 1; k <= last; k++) {
    if (unseen && k > unseen.until) {
      const current = txn;
      if (!unseen.landing.interim.every((o) => current.get(o.kind, o.key) !== o.object)) {
        // An object was not written again: its resourceVersion would be wrong. Resync one by one from before the jump instead.
        txn = beginTxn(unseen.from);
        k = unseen.k + 1;
        log.reset(unseen.from);
        actorSkips = false;
      }
      unseen = undefined;
    }
    const out = unseen ? [] : steps;
    txn.state.now = resyncAt(k);
    const mark = txn.changes.length;
    const firstStep = out.length;
    settle = runUntilSettled(txn, CONTROLLERS, out);
    const repeats = repeatedEventsOnly(txn, mark);
    if (k === last) continue;
    if (!repeats) {
      // Something happened: remember the state, and jump over whole cycles if it repeats itself.
      const snapshot = txn.snapshot();
      log.observe(snapshot, txn.changes, mark);
      if (unseen) continue;
      const landing = actorSkips ? planActorSkip(log, snapshot, { k, start, interval, last }, CONTROLLERS) : undefined;
      if (landing) {
        unseen = { until: landing.k + landing.stretch, landing, from: snapshot, k };
        txn = beginTxn(landing.state);
        log.landed(landing.state, landing.actors);
        k = landing.k;
        acting = [];
        continue;
      }
      acting = [...acting.slice(-CYCLE_HISTORY + 1), { at: txn.state.now, state: snapshot }];
      const jump = skipCycles(acting, resyncAt(last - 1), interval, CONTROLLERS);
      if (jump) {
        txn = beginTxn(jump.state);
        k += (jump.at - acting[acting.length - 1]!.at) / interval;
        acting = [];
        log.reset(jump.state);
      }
      continue;
    }
    log.noteRepeats(repeats);
    const wake = nextWake(txn, CONTROLLERS);
    // The resync at or after the wake acts; those before it would only repeat these events.
    let next = wake === undefined ? last : Math.min(last, Math.ceil((wake - start) / interval));
    if (unseen) next = Math.min(next, unseen.until + 1);
    const idle = next - 1 - k;
    if (idle <= 0) continue;
    skipIdleResyncs(txn, repeats, idle, resyncAt(k + idle), out.slice(firstStep), out);
    k += idle;
  }
  return { state: txn.state, result: undefined, steps, settle };
}

/** Every object in a stable order (kind, then key): what a snapshot or `kubectl get all` walks. */
export function allObjects(state: ClusterState): AnyStored[] {
  return Object.keys(state.objects)
    .sort()
    .flatMap((kind) => {
      const table = state.objects[kind as keyof typeof state.objects] ?? {};
      return Object.keys(table)
        .sort()
        .map((k) => table[k]!);
    });
}
