import { describe, it, expect } from 'vitest';
import { typeCheck } from './type-check.ts';
import { SCHEMA } from './decode-schema.ts';
import decodeSchema from './schema/decode.schema.json' with { type: 'json' };
import schema from './schema/kubernetes.schema.json' with { type: 'json' };

/** Strict decoding's unknown fields for a value of a kind ([] when it decodes; the decode error otherwise). */
function findUnknownFields(kind: string, obj: unknown): string[] | string {
  const r = typeCheck(kind, obj as Record<string, unknown>);
  if (r.ok) return [];
  return r.unknown ? r.paths : r.message;
}

// Realistic manifests, as a learner (or `kubectl get -o yaml`) would write them.
const meta = {
  name: 'data',
  namespace: 'default',
  labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' },
  annotations: { 'volume.kubernetes.io/selected-node': 'node-1', anything: 'goes' },
  uid: '7d1f0c9e-0000-4000-8000-000000000001',
  resourceVersion: '42',
  creationTimestamp: '2026-11-25T12:00:00Z',
  managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:x': {} } } }],
};

const pv = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'pv-1', labels: { tier: 'fast' } },
  spec: {
    capacity: { storage: '10Gi' },
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Filesystem',
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName: 'manual',
    claimRef: { namespace: 'default', name: 'data' },
    hostPath: { path: '/mnt/data', type: 'DirectoryOrCreate' },
    nodeAffinity: {
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] },
    },
  },
  status: { phase: 'Available' },
};

const pvc = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: meta,
  spec: {
    accessModes: ['ReadWriteOncePod'],
    resources: { requests: { storage: '1Gi' }, limits: { storage: 2 } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    selector: { matchLabels: { tier: 'fast' } },
  },
  status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOncePod'] },
};

const podSpec = {
  restartPolicy: 'Always',
  nodeSelector: { 'topology.kubernetes.io/zone': 'zone-a', disk: 'ssd' },
  initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'true'] }],
  containers: [
    {
      name: 'app',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80, name: 'http' }],
      env: [{ name: 'MODE', value: 'prod' }, { name: 'KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
      volumeMounts: [
        { name: 'data', mountPath: '/data' },
        { name: 'config', mountPath: '/etc/app', readOnly: true, subPath: 'app.conf' },
      ],
      readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
    },
  ],
  volumes: [
    { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
    { name: 'config', configMap: { name: 'app', items: [{ key: 'app.conf', path: 'app.conf' }] } },
    { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } },
    { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
  ],
};

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: podSpec, status: { phase: 'Running', podIP: '10.0.0.5' } };

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
  },
};

const storageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'csi.example.com',
  parameters: { type: 'ssd', 'csi.storage.k8s.io/fstype': 'ext4', iopsPerGB: '10' },
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
  mountOptions: ['noatime'],
  allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['zone-a'] }] }],
};

const csiDriver = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIDriver',
  metadata: { name: 'csi.example.com' },
  spec: {
    attachRequired: true,
    podInfoOnMount: false,
    fsGroupPolicy: 'File',
    volumeLifecycleModes: ['Persistent', 'Ephemeral'],
    storageCapacity: true,
    tokenRequests: [{ audience: 'vault', expirationSeconds: 600 }],
  },
};

describe('strict decoding: unknown fields', () => {
  it('accepts valid full manifests of every storage-relevant kind', () => {
    expect(findUnknownFields('PersistentVolume', pv)).toEqual([]);
    expect(findUnknownFields('PersistentVolumeClaim', pvc)).toEqual([]);
    expect(findUnknownFields('Pod', pod)).toEqual([]);
    expect(findUnknownFields('Deployment', deployment)).toEqual([]);
    const { strategy, ...rsSpec } = deployment.spec;
    const replicaSet = { ...deployment, kind: 'ReplicaSet', spec: rsSpec };
    expect(findUnknownFields('ReplicaSet', replicaSet)).toEqual([]);
    // Trees are per kind: ReplicaSetSpec has no `strategy`, that is Deployment's.
    expect(findUnknownFields('ReplicaSet', { ...replicaSet, spec: { ...rsSpec, strategy } })).toEqual(['spec.strategy']);
    expect(findUnknownFields('StorageClass', storageClass)).toEqual([]);
    expect(findUnknownFields('CSIDriver', csiDriver)).toEqual([]);
    expect(findUnknownFields('ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: '1' }, binaryData: {}, immutable: true })).toEqual([]);
    expect(findUnknownFields('Secret', { apiVersion: 'v1', kind: 'Secret', metadata: meta, type: 'Opaque', data: {}, stringData: { p: 'x' } })).toEqual([]);
    expect(findUnknownFields('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, spec: { finalizers: ['kubernetes'] } })).toEqual([]);
    expect(findUnknownFields('Node', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] }, status: { capacity: { cpu: '4', 'example.com/gpu': 1 } } })).toEqual([]);
  });

  it('reports an unknown top-level field', () => {
    expect(findUnknownFields('PersistentVolumeClaim', { ...pvc, specs: {} })).toEqual(['specs']);
    // Top-level fields of one kind are unknown to another.
    expect(findUnknownFields('Pod', { ...pod, provisioner: 'x', data: {} })).toEqual(['data', 'provisioner']);
  });

  it('reports a nested unknown field under spec, like the API server (`spec.access`)', () => {
    const bad = { ...pvc, spec: { access: ['ReadWriteOnce'], ...pvc.spec, storageclass: 'fast' } };
    expect(findUnknownFields('PersistentVolumeClaim', bad)).toEqual(['spec.access', 'spec.storageclass']);
  });

  it('reports fields inside list items with their index', () => {
    const containers = [
      podSpec.containers[0],
      { name: 'side', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/d' }, { name: 'data', mountpath: '/x' }] },
    ];
    const bad = { ...pod, spec: { ...podSpec, containers, volumes: [{ name: 'v', persistentVolumeClaim: { claim: 'x' } }] } };
    expect(findUnknownFields('Pod', bad)).toEqual([
      'spec.containers[1].volumeMounts[1].mountpath',
      'spec.volumes[0].persistentVolumeClaim.claim',
    ]);
    // Through Deployment's pod template, too.
    const dep = { ...deployment, spec: { ...deployment.spec, template: { ...deployment.spec.template, spec: bad.spec } } };
    expect(findUnknownFields('Deployment', dep)[0]).toBe('spec.template.spec.containers[1].volumeMounts[1].mountpath');
  });

  it('reports a typo such as metadata.lables once, without descending into it', () => {
    const bad = { ...pv, metadata: { name: 'pv', lables: { app: 'x', deep: { er: 1 } } } };
    expect(findUnknownFields('PersistentVolume', bad)).toEqual(['metadata.lables']);
  });

  it('lets free-form maps hold any key', () => {
    const anyKeys = { 'weird key': 'v', 'a.b/c': 'v', constructor: 'v' };
    expect(findUnknownFields('ConfigMap', { kind: 'ConfigMap', metadata: { labels: anyKeys, annotations: anyKeys }, data: anyKeys })).toEqual([]);
    expect(findUnknownFields('StorageClass', { ...storageClass, parameters: anyKeys })).toEqual([]);
    expect(findUnknownFields('PersistentVolume', { ...pv, spec: { ...pv.spec, capacity: { storage: 1, 'example.com/x': '1' } } })).toEqual([]);
    expect(findUnknownFields('Pod', { ...pod, spec: { ...podSpec, nodeSelector: anyKeys } })).toEqual([]);
  });

  it('treats prototype names as unknown fields, not as known ones', () => {
    expect(findUnknownFields('Pod', { spec: { containers: [], toString: 1, __proto__x: 1 } })).toEqual(['spec.__proto__x', 'spec.toString']);
  });

  it('reports a value of the wrong type as a decode error first, as the API server does', () => {
    expect(findUnknownFields('Pod', { spec: 'oops', metadata: [], typo: 1 })).toBe('json: cannot unmarshal array into Go struct field Pod.metadata of type v1.ObjectMeta');
    expect(findUnknownFields('Pod', { spec: 'oops', typo: 1 })).toBe('json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec');
    expect(findUnknownFields('Pod', { spec: { containers: { name: 'x' } } })).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
  });
});

describe('generated schemas', () => {
  type Branch = { if: { properties: { kind: { const: string } } }; then: { $ref: string } };
  const defs = schema.definitions as Record<string, { properties?: Record<string, unknown> }>;

  it('dispatches per kind with allOf/if/then, not oneOf', () => {
    expect(schema).not.toHaveProperty('oneOf');
    expect(schema).not.toHaveProperty('$id');
    const branches = schema.allOf as Branch[];
    const pvcBranch = branches.find((b) => b.if.properties.kind.const === 'PersistentVolumeClaim');
    expect(pvcBranch?.then.$ref).toBe('#/definitions/PersistentVolumeClaim');
    expect(branches).toHaveLength(SCHEMA.kinds.length);
    expect(schema.properties.kind.enum).toContain('CSIDriver');
  });

  it('constrains enums, apiVersion/kind per kind, Quantity, and unknown fields', () => {
    const pvcSpec = defs.PersistentVolumeClaimSpec!.properties as Record<string, { items: { enum: string[] } }>;
    expect(pvcSpec.accessModes!.items.enum).toContain('ReadWriteOncePod');
    expect(defs.StorageClass!.properties!.volumeBindingMode).toMatchObject({ enum: ['Immediate', 'WaitForFirstConsumer'] });
    expect(defs.Deployment!.properties!.apiVersion).toMatchObject({ const: 'apps/v1' });
    expect(defs.CSIDriver!.properties!.apiVersion).toMatchObject({ const: 'storage.k8s.io/v1' });
    expect(defs.PersistentVolumeClaim!.properties!.kind).toMatchObject({ const: 'PersistentVolumeClaim' });
    expect(defs.PersistentVolumeClaim).toMatchObject({ additionalProperties: false });
    const quantity = schema.definitions.Quantity as { type: string[]; pattern: string };
    expect(quantity.type).toEqual(['string', 'number']);
    const re = new RegExp(quantity.pattern);
    expect(['1Gi', '500m', '1.5', '1e3', '+2Ki'].every((q) => re.test(q))).toBe(true);
    expect(re.test('1 Gi')).toBe(false);
  });

  it('keeps the decode schema small, description-free, and annotated with Go types', () => {
    const raw = JSON.stringify(decodeSchema);
    expect(raw.length).toBeLessThan(100_000);
    expect(raw).not.toContain('description');
    expect(decodeSchema.kinds).toEqual(expect.arrayContaining(['Pod', 'PersistentVolumeClaim', 'StorageClass', 'CSIDriver']));
    expect(decodeSchema.definitions.Container.properties.command).toMatchObject({ type: 'array', go: '[]string' });
    expect(decodeSchema.definitions.DeploymentSpec.properties.replicas).toMatchObject({ int: 'int32' });
  });
});
