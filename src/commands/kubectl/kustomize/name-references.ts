// kustomize's name-reference fix (nameReference in builtinpluginconsts): once prefixes, suffixes
// and hashes have renamed objects, every field that names one of them by an earlier name gets the
// final name, so a Deployment's `configMapRef: {name: app-config}` follows `app-config-6ct58987ht`.
import { KINDS } from '../../../engine/index.ts';
import { getOwn } from '../../../lib/own.ts';
import { kindOf, nameOf, namespaceOf, type Resource } from './resource.ts';

/** Where a pod spec sits in each kind that has one. */
const POD_SPECS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS = ['containers', 'initContainers'];

/** Fields of a pod spec naming an object of each kind. */
const IN_POD_SPEC: Record<string, readonly (readonly string[])[]> = {
  ConfigMap: [
    ['volumes', 'configMap', 'name'],
    ['volumes', 'projected', 'sources', 'configMap', 'name'],
    ...CONTAINER_LISTS.flatMap((c) => [[c, 'env', 'valueFrom', 'configMapKeyRef', 'name'], [c, 'envFrom', 'configMapRef', 'name']]),
  ],
  Secret: [
    ['volumes', 'secret', 'secretName'],
    ['volumes', 'projected', 'sources', 'secret', 'name'],
    ['imagePullSecrets', 'name'],
    ...CONTAINER_LISTS.flatMap((c) => [[c, 'env', 'valueFrom', 'secretKeyRef', 'name'], [c, 'envFrom', 'secretRef', 'name']]),
  ],
  // kustomize's table leaves ReplicaSet and PodTemplate out for these three.
  ServiceAccount: [['serviceAccountName']],
  PersistentVolumeClaim: [['volumes', 'persistentVolumeClaim', 'claimName']],
  PriorityClass: [['priorityClassName']],
};

const POD_SPEC_ONLY_ALL = new Set(['ConfigMap', 'Secret']);

/** References outside pod specs: referent kind → referrer kind → paths. */
const OTHER: Record<string, Record<string, readonly (readonly string[])[]>> = {
  Service: { StatefulSet: [['spec', 'serviceName']] },
  StorageClass: {
    PersistentVolume: [['spec', 'storageClassName']],
    PersistentVolumeClaim: [['spec', 'storageClassName']],
    StatefulSet: [['spec', 'volumeClaimTemplates', 'spec', 'storageClassName']],
  },
  PersistentVolume: { PersistentVolumeClaim: [['spec', 'volumeName']] },
  Secret: { ServiceAccount: [['imagePullSecrets', 'name']] },
};

/** The paths in a referrer of kind `referrer` that name objects of kind `referent`. */
function pathsFor(referent: string, referrer: string): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  const podSpec = POD_SPECS[referrer];
  const inPod = IN_POD_SPEC[referent];
  if (podSpec && inPod && (POD_SPEC_ONLY_ALL.has(referent) || (referrer !== 'ReplicaSet' && referrer !== 'PodTemplate'))) {
    for (const p of inPod) out.push([...podSpec, ...p]);
  }
  for (const p of OTHER[referent]?.[referrer] ?? []) out.push(p);
  return out;
}

export function fixNameReferences(resources: readonly Resource[]): void {
  const renamed = resources.filter((r) => r.names.length > 1);
  if (renamed.length === 0) return;
  for (const referrer of resources) {
    const from = kindOf(referrer);
    for (const referent of new Set(renamed.map(kindOf))) {
      const candidates = renamed.filter((r) => kindOf(r) === referent);
      const clusterScoped = getOwn(KINDS, referent)?.namespaced === false;
      for (const path of pathsFor(referent, from)) {
        visit(referrer.object, path, (value) => {
          const match = candidates.find((c) => c.names.includes(value) && (clusterScoped || namespaceOf(c) === namespaceOf(referrer)));
          return match ? nameOf(match) : value;
        });
      }
    }
  }
}

/** Calls `fix` on each string at `path` (a list on the way means each of its items) and stores its answer. */
function visit(node: unknown, path: readonly string[], fix: (value: string) => string): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, path, fix);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const [key, ...rest] = path as [string, ...string[]];
  const next = obj[key];
  if (rest.length > 0) visit(next, rest, fix);
  else if (typeof next === 'string') obj[key] = fix(next);
}
