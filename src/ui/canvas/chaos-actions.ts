// What the canvas's context menu offers for an object, and the exact command line each item
// runs. Pure: it reads the engine's state and returns labels and commands; the commands then run
// through the same layer as the terminal (run-line.ts), so the menu teaches the real command.
import { isPoweredOff, nodesInZone, stopsOnSigterm, viewOf, type ClusterState, type ObjectRef } from '../../engine/index.ts';

export type ChaosTarget = ObjectRef | { kind: 'Zone'; name: string } | { kind: 'Canvas'; name: '' };

export interface ChaosAction {
  /** Stable within its menu. */
  id: string;
  label: string;
  /** The line it runs, as a learner would type it in the terminal. */
  command: string;
  /** Breaks, deletes or switches something off: drawn in red. */
  danger?: boolean;
  /** Why this command (shown as the item's tooltip). */
  hint?: string;
  /** What the note says when the command prints nothing (`sleep`, `kill 1`). */
  quietResult?: string;
}

export interface ChaosMenu {
  /** `Pod web-1`, `Node worker-a1`, `Zone us-east-1a`. */
  title: string;
  /** Groups of items, drawn with a separator between them. */
  groups: ChaosAction[][];
}

/** Letting simulated time pass is what makes a failure unfold: offered in every menu. */
const TIME: ChaosAction[] = [
  { id: 'wait-1m', label: 'Wait 1 minute', command: 'sleep 60', hint: 'Let 60 s of simulated time pass: controllers notice, back-offs and timeouts run', quietResult: '1 minute of simulated time passed' },
  { id: 'wait-5m', label: 'Wait 5 minutes', command: 'sleep 300', hint: 'Let 5 minutes of simulated time pass (a pod tolerates an unreachable node for 300 s)', quietResult: '5 minutes of simulated time passed' },
];

const ns = (namespace: string | undefined) => (namespace && namespace !== 'default' ? ` -n ${namespace}` : '');

/** The menu for a target, or undefined when the object is gone (the canvas moved on). */
export function chaosMenuFor(state: ClusterState, target: ChaosTarget): ChaosMenu | undefined {
  const view = viewOf(state);
  switch (target.kind) {
    case 'Pod': {
      const pod = view.get('Pod', `${target.namespace ?? 'default'}/${target.name}`);
      if (!pod) return undefined;
      const restarts = (pod.spec?.containers ?? []).map((c): ChaosAction =>
        stopsOnSigterm(pod, c.name)
          ? {
              id: `restart-${c.name}`,
              label: `Restart container ${c.name}`,
              command: `kubectl exec ${target.name}${ns(target.namespace)} -c ${c.name} -- kill 1`,
              hint: 'Its main process handles SIGTERM: kill 1 stops it and the kubelet starts it again',
              quietResult: `SIGTERM sent to ${c.name}'s PID 1`,
            }
          : {
              id: `restart-${c.name}`,
              label: `Restart container ${c.name}`,
              command: `kubesim container kill ${target.name}${ns(target.namespace)} -c ${c.name}`,
              hint: 'A shell or sleep as PID 1 ignores kill 1 (even -9): the runtime kills it from the node instead',
            },
      );
      // A pod stuck Terminating (its node is gone) only leaves the API when forced.
      const del: ChaosAction = pod.metadata.deletionTimestamp
        ? { id: 'force-delete', label: 'Force delete pod', command: `kubectl delete pod ${target.name}${ns(target.namespace)} --force --grace-period=0`, danger: true, hint: 'Removes it from the API without waiting for its kubelet' }
        : { id: 'delete', label: 'Delete pod', command: `kubectl delete pod ${target.name}${ns(target.namespace)}`, danger: true };
      return { title: `Pod ${target.name}`, groups: [restarts, [del], TIME].filter((g) => g.length > 0) };
    }
    case 'Node': {
      const node = view.get('Node', target.name);
      if (!node) return undefined;
      const cordoned = node.spec?.unschedulable === true;
      const off = isPoweredOff(state, target.name);
      return {
        title: `Node ${target.name}`,
        groups: [
          [
            cordoned
              ? { id: 'uncordon', label: 'Uncordon', command: `kubectl uncordon ${target.name}` }
              : { id: 'cordon', label: 'Cordon', command: `kubectl cordon ${target.name}`, hint: 'Mark it unschedulable: running pods stay, new ones go elsewhere' },
            { id: 'drain', label: 'Drain', command: `kubectl drain ${target.name} --ignore-daemonsets --delete-emptydir-data`, hint: 'Cordon it and evict its pods' },
          ],
          [
            off
              ? { id: 'recover', label: 'Recover node', command: `kubesim node recover ${target.name}`, hint: 'Power the machine on: its kubelet posts Ready again' }
              : { id: 'fail', label: 'Fail node', command: `kubesim node fail ${target.name}`, danger: true, hint: 'Power the machine off: NotReady after 50 s, its pods evicted 300 s later' },
          ],
          TIME,
        ],
      };
    }
    case 'Zone': {
      const nodes = nodesInZone(view, target.name);
      if (nodes.length === 0) return undefined;
      const down = nodes.filter((n) => isPoweredOff(state, n.metadata.name)).length;
      const items: ChaosAction[] = [];
      if (down < nodes.length) items.push({ id: 'zone-down', label: 'Take zone down', command: `kubesim zone down ${target.name}`, danger: true, hint: `Power off all ${nodes.length} nodes of the zone` });
      if (down > 0) items.push({ id: 'zone-up', label: 'Bring zone up', command: `kubesim zone up ${target.name}`, hint: 'Power its nodes on again' });
      return { title: `Zone ${target.name}`, groups: [items, TIME] };
    }
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
    case 'ConfigMap':
    case 'Secret': {
      const key = target.kind === 'PersistentVolume' ? target.name : `${target.namespace ?? 'default'}/${target.name}`;
      if (!view.get(target.kind, key)) return undefined;
      const resource = { PersistentVolumeClaim: 'pvc', PersistentVolume: 'pv', ConfigMap: 'configmap', Secret: 'secret' }[target.kind];
      const scope = target.kind === 'PersistentVolume' ? '' : ns(target.namespace);
      return { title: `${target.kind} ${target.name}`, groups: [[{ id: 'delete', label: 'Delete', command: `kubectl delete ${resource} ${target.name}${scope}`, danger: true }], TIME] };
    }
    default:
      return { title: target.kind === 'Canvas' ? 'Cluster' : `${target.kind} ${target.name}`, groups: [TIME] };
  }
}

/** What a command's output says first: stdout's first line, or on failure stderr's (warnings skipped). */
export function firstLine(chunks: readonly { stream: 'stdout' | 'stderr'; text: string }[], failed: boolean, quiet = 'done'): string {
  const lines = (stream: 'stdout' | 'stderr') =>
    chunks
      .filter((c) => c.stream === stream)
      .flatMap((c) => c.text.split('\n'))
      .filter((l) => l.trim() !== '' && !l.startsWith('Warning:'));
  const preferred = failed ? [...lines('stderr'), ...lines('stdout')] : [...lines('stdout'), ...lines('stderr')];
  return preferred[0] ?? (failed ? 'failed' : quiet);
}
