// Manifests for the UI benchmark (scripts/bench-ui.ts): n objects on the default `bare` cluster,
// a StorageClass, volumes, claims and pods that mount them, so the canvas draws every card kind and
// edge (pod → claim → volume → class). Deterministic text, so figures compare from run to run.

/** The class every volume and claim names: static provisioning, so binding needs no provisioner. */
const CLASS = 'manual';

/** Pods per node are capped at 110 (the node's `pods` allocatable); stay below it so all run. */
const MAX_PODS = 100;

export interface Scenario {
  text: string;
  objects: number;
  pods: number;
  /** PV+PVC pairs that bind to each other (one per pod first, the rest unmounted). */
  pairs: number;
  /** Extra volumes nobody claims (fill n exactly; they stay Available). */
  spare: number;
  /** The last pod's card in its final status (aria-label): the benchmark's "done" signal. The engine settles
   *  before the store updates, so every card reaches its final status in the same render. */
  lastCard: string;
}

/** n objects: one StorageClass, then up to a third pods (each with its own claim), the rest PV+PVC pairs. */
export function scenario(n: number): Scenario {
  if (n < 4) throw new Error(`a scenario needs at least 4 objects, got ${n}`);
  const pods = Math.min(MAX_PODS, Math.floor((n - 1) / 3));
  const pairs = Math.floor((n - 1 - pods) / 2);
  const spare = n - 1 - pods - 2 * pairs;
  const docs: string[] = [
    `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${CLASS}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: Immediate\n`,
  ];
  const pad = (i: number) => String(i).padStart(4, '0');
  for (let i = 0; i < pairs + spare; i++) {
    docs.push(
      `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${pad(i)}\nspec:\n  capacity:\n    storage: 2Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${CLASS}\n  hostPath:\n    path: /mnt/pv-${pad(i)}\n`,
    );
  }
  for (let i = 0; i < pairs; i++) {
    docs.push(
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-${pad(i)}\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${CLASS}\n  resources:\n    requests:\n      storage: 1Gi\n`,
    );
  }
  for (let i = 0; i < pods; i++) {
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app-${pad(i)}\nspec:\n  containers:\n    - name: app\n      image: nginx\n      volumeMounts:\n        - mountPath: /data\n          name: data\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data-${pad(i)}\n`,
    );
  }
  const lastCard = pods > 0 ? `Pod app-${pad(pods - 1)} Running` : `PersistentVolumeClaim data-${pad(pairs - 1)} Bound`;
  return { text: docs.join('---\n'), objects: n, pods, pairs, spare, lastCard };
}
