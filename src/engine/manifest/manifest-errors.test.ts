// What a learner sees for a bad manifest: decode errors, validation messages with their field
// paths, and where in the text they point.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import { applyManifest } from '../write.ts';

function applyText(text: string, preset: 'bare' | 'kind' = 'bare') {
  return applyManifest(createCluster({ preset }), text, { mode: 'apply' }).result;
}

const PVC_NO_MODES = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  resources:
    requests:
      storage: 1Gi
`;

describe('validation messages (API server wording, §10)', () => {
  it.each([
    ['a claim without access modes', PVC_NO_MODES, 'The PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value: at least 1 access mode is required'],
    [
      'a claim without a storage request',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n',
      'The PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Required value',
    ],
    [
      'a zero-size claim',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: "0"\n',
      'The PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ],
    [
      'an unknown access mode',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteAll]\n  resources:\n    requests:\n      storage: 1Gi\n',
      'The PersistentVolumeClaim "data" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ],
    [
      'ReadWriteOncePod with another mode',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOncePod, ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    ],
    [
      'a volume with no source',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n',
      'The PersistentVolume "v" is invalid: spec: Required value: must specify a volume type',
    ],
    [
      'a volume with no capacity',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /x\n',
      'The PersistentVolume "v" is invalid: spec.capacity: Required value',
    ],
    [
      'a local volume without node affinity',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  local:\n    path: /x\n',
      'spec.nodeAffinity: Required value: Local volume requires node affinity',
    ],
    [
      'a class with an unknown binding mode',
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: s\nprovisioner: x.io/y\nvolumeBindingMode: Later\n',
      'The StorageClass "s" is invalid: volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    ],
    [
      'a pod mounting a volume it does not declare',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      volumeMounts:\n        - name: data\n          mountPath: /data\n',
      'The Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
    [
      'an invalid object name',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n',
      'The ConfigMap "My_Config" is invalid: metadata.name: Invalid value: "My_Config": a lowercase RFC 1123 subdomain must consist of',
    ],
  ])('%s', (_name, text, expected) => {
    const [res] = applyText(text);
    expect(res!.outcome).toBeUndefined();
    expect(res!.error?.kind).toBe('api');
    expect(res!.error?.message).toContain(expected);
  });

  it('lists several errors at once and points at the first field', () => {
    const [res] = applyText('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  volumeMode: Filesystem\n');
    expect(res!.error!.api!.details!.causes).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
    expect(res!.error!.position).toEqual({ line: 5, column: 1 });
  });

  it('warns that Recycle is deprecated but accepts it', () => {
    const [res] = applyText('apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  hostPath:\n    path: /x\n');
    expect(res!.outcome).toBe('created');
    expect(res!.warnings).toEqual([
      'spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.',
    ]);
  });
});

describe('decode errors and what kubectl checks itself', () => {
  it('rejects a malformed quantity with the API server\'s decode error, pointing at the field', () => {
    const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 2GB\n';
    const [res] = applyText(text);
    expect(res!.error).toMatchObject({
      kind: 'decode',
      message:
        "PersistentVolumeClaim in version \"v1\" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      position: { line: 9, column: 7 },
    });
  });

  it('rejects accessModes written as a string', () => {
    const [res] = applyText('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: ReadWriteOnce\n');
    expect(res!.error!.message).toBe(
      'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode',
    );
  });

  it('rejects unknown fields (strict decoding)', () => {
    const [res] = applyText('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  access: [ReadWriteOnce]\n  foo: 1\n');
    expect(res!.error!.message).toBe(
      'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: strict decoding error: unknown field "spec.access", unknown field "spec.foo"',
    );
    expect(res!.error!.position).toEqual({ line: 6, column: 3 });
  });

  it('does not know kinds it does not model', () => {
    const [res] = applyText('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
    expect(res!.error).toMatchObject({ kind: 'no-kind-match', message: 'no matches for kind "Foo" in version "v1"', name: 'x', position: { line: 2, column: 1 } });
  });

  it('wants a kind and an apiVersion', () => {
    const [res] = applyText('metadata:\n  name: x\n');
    expect(res!.error).toMatchObject({ kind: 'missing-type-info', message: 'error validating data: [apiVersion not set, kind not set]' });
  });

  it('rejects Secret data that is not base64', () => {
    const [res] = applyText('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: "not base64!"\n');
    expect(res!.error!.message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
  });

  it('reports a YAML syntax error with its line and column, and still applies the other documents', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\n data: {}\n';
    const [ok, bad] = applyText(text);
    expect(ok!.outcome).toBe('created');
    expect(bad!.error).toMatchObject({ kind: 'syntax', position: { line: 10, column: 2 } });
  });
});

describe('hostPath paths', () => {
  it('may not contain ..', () => {
    const [res] = applyText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n  volumes:\n  - name: v\n    hostPath:\n      path: /var/../etc\n');
    expect(res!.error?.message).toBe('The Pod "p" is invalid: spec.volumes[0].hostPath.path: Invalid value: "/var/../etc": must not contain \'..\'');
  });
});

describe('downward API field paths (§10)', () => {
  const podWithEnv = (fieldPath: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    env:\n    - name: X\n      valueFrom:\n        fieldRef:\n          fieldPath: ${fieldPath}\n`;
  const podWithVolume = (fieldPath: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - path: x\n        fieldRef:\n          fieldPath: ${fieldPath}\n`;

  it('env may not take whole label maps', () => {
    const [res] = applyText(podWithEnv('metadata.labels'));
    expect(res!.error?.message).toBe(
      'The Pod "p" is invalid: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    );
  });

  it('env may take one label, and the node name', () => {
    expect(applyText(podWithEnv("metadata.labels['app']"))[0]!.outcome).toBe('created');
    expect(applyText(podWithEnv('spec.nodeName'))[0]!.outcome).toBe('created');
  });

  it('a volume may take label maps but not the pod IP', () => {
    expect(applyText(podWithVolume('metadata.labels'))[0]!.outcome).toBe('created');
    expect(applyText(podWithVolume('status.podIP'))[0]!.error?.message).toBe(
      'The Pod "p" is invalid: spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath: Unsupported value: "status.podIP": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
    );
  });
});

describe('Secret stringData (§12.3)', () => {
  it('is folded into base64 data on write, and stringData wins a conflict', async () => {
    const { viewOf, createCluster } = await import('../index.ts');
    const { applyManifest } = await import('../write.ts');
    const r = applyManifest(createCluster({ preset: 'bare' }), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  user: YWRtaW4=\n  password: b2xk\nstringData:\n  password: s3cr3t\n', { mode: 'apply' });
    const secret = viewOf(r.state).get('Secret', 'default/s')!;
    expect(secret.data).toEqual({ user: 'YWRtaW4=', password: 'czNjcjN0' });
    expect(secret.stringData).toBeUndefined();
    expect(secret.type).toBe('Opaque');
  });
});
