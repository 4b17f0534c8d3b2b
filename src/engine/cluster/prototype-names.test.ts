// Names and keys that are also Object.prototype members (`constructor`, `toString`, `valueOf`,
// `hasOwnProperty`, `__proto__`) are ordinary data in the store, in label and data maps, in the
// container environment and in the bookkeeping tables, and the state stays plain JSON.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { createCluster, viewOf, type AnyStored, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';
import { requirementMatches, selectorMatches } from '../api/labels.ts';
import { isPoweredOff, powerOff, powerOn, poweredOffSince } from './power.ts';
import { beginTxn } from './store.ts';

const PROTO_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'] as const;

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});

function namespace(name: string): AnyStored {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as AnyStored;
}

describe('the object store', () => {
  it.each(PROTO_NAMES)('finds no %s in a table that does not hold it', (name) => {
    const txn = beginTxn(createCluster({ preset: 'empty' }));
    expect(txn.get('PersistentVolume', name)).toBeUndefined();
    expect(txn.get('Namespace', name)).toBeUndefined();
    expect(txn.getRef({ kind: 'Node', name })).toBeUndefined();
    expect(txn.delete('StorageClass', name)).toBe('not-found');
    txn.remove('Node', name);
    expect(txn.changes).toEqual([]);
    expect(txn.count('PersistentVolume')).toBe(0);
  });

  it('stores, lists, counts and deletes objects with those names like any other (the store itself never validates)', () => {
    const base = createCluster({ preset: 'empty' });
    const before = viewOf(base).count('Namespace');
    const txn = beginTxn(base);
    for (const name of PROTO_NAMES) txn.create(namespace(name));
    expect(PROTO_NAMES.map((n) => txn.get('Namespace', n)?.metadata.name)).toEqual([...PROTO_NAMES]);
    expect(txn.count('Namespace')).toBe(before + PROTO_NAMES.length);
    expect(txn.list('Namespace').map((n) => n.metadata.name)).toEqual(expect.arrayContaining([...PROTO_NAMES]));
    const table = txn.state.objects.Namespace!;
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    for (const name of PROTO_NAMES) expect(Object.prototype.hasOwnProperty.call(table, name)).toBe(true);

    const snapshot = txn.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(structuredClone(snapshot)).toEqual(snapshot);
    expect(viewOf(JSON.parse(JSON.stringify(snapshot)) as ClusterState).get('Namespace', '__proto__')?.metadata.name).toBe('__proto__');

    for (const name of PROTO_NAMES) expect(txn.delete('Namespace', name)).toBe('deleted');
    expect(txn.count('Namespace')).toBe(before);
    // The snapshot taken before the deletes still has them: copy-on-write works for these keys too.
    expect(viewOf(snapshot).get('Namespace', 'constructor')).toBeDefined();
    expect(viewOf(base).get('Namespace', 'constructor')).toBeUndefined();
  });
});

describe('a cluster whose objects and keys are named like Object.prototype members', () => {
  const manifest = `
apiVersion: v1
kind: Node
metadata:
  name: constructor
  labels: {topology.kubernetes.io/zone: constructor, toString: "yes"}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: constructor}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: constructor, labels: {valueOf: "1"}}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: constructor
  hostPath: {path: /mnt/constructor}
---
apiVersion: v1
kind: Namespace
metadata: {name: constructor}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: constructor, namespace: constructor}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: constructor
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: constructor, namespace: constructor}
data: {__proto__: p, constructor: c, toString: t}
---
apiVersion: v1
kind: Pod
metadata: {name: constructor, namespace: constructor, labels: {hasOwnProperty: "h"}}
spec:
  nodeName: constructor
  containers:
  - name: constructor
    image: busybox
    command: [sh, -c, sleep 3600]
    env:
    - {name: __proto__, value: p}
    - name: valueOf
      valueFrom: {configMapKeyRef: {name: constructor, key: toString}}
    - name: constructor
      valueFrom: {fieldRef: {fieldPath: "metadata.labels['hasOwnProperty']"}}
    - name: toString
      valueFrom: {fieldRef: {fieldPath: "metadata.labels['toString']"}}
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: constructor}
`;
  const applied = applyManifest(createCluster({ preset: 'kind' }), manifest, { mode: 'apply' });
  const state = applied.state;
  const view = viewOf(state);

  it('accepts every object and reconciles them: the claim binds, the pod runs on node constructor', () => {
    expect(applied.result.map((r) => r.outcome)).toEqual(Array(7).fill('created'));
    expect(view.get('PersistentVolumeClaim', 'constructor/constructor')?.status?.phase).toBe('Bound');
    expect(view.get('PersistentVolume', 'constructor')?.spec?.claimRef?.name).toBe('constructor');
    expect(view.get('Pod', 'constructor/constructor')?.status?.phase).toBe('Running');
    expect(view.get('Pod', 'constructor/constructor')?.spec?.nodeName).toBe('constructor');
  });

  it('keeps __proto__ as an own data key of the ConfigMap', () => {
    const cm = view.get('ConfigMap', 'constructor/constructor') as ConfigMap;
    expect(Object.keys(cm.data!).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(cm.data)).toBe(Object.prototype);
  });

  it("gives the container the environment its spec says, with no inherited values", () => {
    const record = Object.values(state.containers).find((c) => c.container === 'constructor')!;
    expect(Object.getOwnPropertyDescriptor(record.env, '__proto__')?.value).toBe('p');
    expect(record.env['valueOf']).toBe('t');
    expect(record.env['constructor']).toBe('h');
    // A label the pod does not have reads as '' (the downward API's rule), not as a function.
    expect(record.env['toString']).toBe('');
  });

  it('stays plain JSON: a JSON round trip and structuredClone give the same state', () => {
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(structuredClone(state)).toEqual(state);
    const reloaded = viewOf(JSON.parse(JSON.stringify(state)) as ClusterState);
    expect(Object.keys((reloaded.get('ConfigMap', 'constructor/constructor') as ConfigMap).data!)).toContain('__proto__');
  });

  it('powers node constructor off and on, and knows it runs until then', () => {
    expect(isPoweredOff(state, 'constructor')).toBe(false);
    expect(poweredOffSince(state, 'toString')).toBeUndefined();
    const txn = beginTxn(state);
    expect(powerOff(txn, 'constructor')).toBe('done');
    expect(isPoweredOff(txn.state, 'constructor')).toBe(true);
    expect(isPoweredOff(txn.state, 'valueOf')).toBe(false);
    expect(powerOn(txn, 'constructor')).toBe('done');
    expect(txn.state.poweredOff).toBeUndefined();
    expect(powerOff(txn, 'toString')).toBe('not-found');
  });
});

describe('label selectors', () => {
  it('see only labels an object has', () => {
    expect(selectorMatches({ matchLabels: { constructor: 'x' } }, {})).toBe(false);
    expect(selectorMatches({ matchLabels: { constructor: 'x' } }, { constructor: 'x' })).toBe(true);
    expect(requirementMatches({ key: 'toString', operator: 'Exists' }, {})).toBe(false);
    expect(requirementMatches({ key: 'valueOf', operator: 'DoesNotExist' }, {})).toBe(true);
    expect(requirementMatches({ key: 'hasOwnProperty', operator: 'NotIn', values: ['a'] }, {})).toBe(true);
    expect(requirementMatches({ key: '__proto__', operator: 'In', values: ['y'] }, JSON.parse('{"__proto__":"y"}'))).toBe(true);
  });
});
