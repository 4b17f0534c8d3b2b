// Typed decoding: whatever type a field is given, the learner gets the API server's own answer
// (a Go decode error, or the validation errors of the zero value Go leaves), never a crash.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import { applyManifest } from '../write.ts';

function firstError(yaml: string): string | undefined {
  const r = applyManifest(createCluster({ preset: 'bare' }), yaml, { mode: 'apply' });
  return r.result[0]?.error?.message;
}

const pod = (spec: string, meta = '  name: p\n') => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}`;
const container = (extra: string) => pod(`  containers:\n  - name: a\n${extra}`);

describe('a wrong JSON type gets the API server decode error, first in the order the server reads (keys sorted, as kubectl re-encodes them)', () => {
  it.each([
    ['command: 1', container('    image: nginx\n    command: 1\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.command of type []string'],
    ['command: [1]', container('    image: nginx\n    command: [1]\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string'],
    ['image given as a map', container('    image: {x: 1}\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field Container.spec.containers.image of type string'],
    ['a label value that is a number', pod('  containers: []\n', '  name: p\n  labels: {a: 1}\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['annotations given as a list', pod('  containers: []\n', '  name: p\n  annotations: [a, b]\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.annotations of type map[string]string'],
    ['ConfigMap data: true', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: true\n', 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type map[string]string'],
    ['a provisioner that is a number', 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: s\nprovisioner: 4294967296\n', 'StorageClass in version "v1" cannot be handled as a StorageClass: json: cannot unmarshal number into Go struct field StorageClass.provisioner of type string'],
    ['replicas beyond int32', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 4294967296\n', 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 4294967296 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['replicas: 1.5', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 1.5\n', 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['a Secret value that is a number', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: 1\n', 'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8'],
    ['a storage request that is a bool', 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: true}}\n', "PersistentVolumeClaim in version \"v1\" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['a timestamp that is a number', pod('  containers: []\n', '  name: p\n  creationTimestamp: 5\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
    ['maxSurge: true', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  strategy: {rollingUpdate: {maxSurge: true}}\n', 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
    ['spec: a string', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: hello\n', 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec'],
    ['a named string type', container('    image: nginx\n    imagePullPolicy: 3\n'), 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.imagePullPolicy of type v1.PullPolicy'],
  ])('%s', (_name, yaml, message) => {
    expect(firstError(yaml)).toBe(message);
  });

  it('reports the first error in sorted key order, not YAML order', () => {
    expect(firstError(container('    image: {x: 1}\n    command: 1\n'))).toContain('Container.spec.containers.command of type []string');
    expect(firstError(pod('  containers: 5\n', '  name: p\n  labels: [a]\n'))).toContain('ObjectMeta.metadata.labels of type map[string]string');
  });

  it('reports the decode error before unknown fields, and unknown fields when the types are right', () => {
    expect(firstError(container('    image: nginx\n    foo: 1\n    command: 1\n'))).toContain('cannot unmarshal number into Go struct field Container.spec.containers.command');
    expect(firstError(container('    image: nginx\n    foo: 1\n'))).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo"');
  });

  it('decodes into v1.34 structs: newer fields are known, removed ones unknown', () => {
    const imageVolume = container('    image: nginx\n') + '  volumes:\n  - name: v\n    image: {reference: "quay.io/x:1"}\n';
    expect(firstError(imageVolume)).toBeUndefined();
    expect(firstError(pod('  containers: [{name: a, image: b}]\n  resourceClaims: [{name: r, source: {resourceClaimName: x}}]\n'))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.resourceClaims[0].source"',
    );
  });

  it('points at the field the error is about', () => {
    const r = applyManifest(createCluster({ preset: 'bare' }), container('    image: nginx\n    command: 1\n'), { mode: 'apply' });
    expect(r.result[0]!.error).toMatchObject({ field: 'spec.containers[0].command', position: { line: 9 } });
  });
});

describe('null reads as Go reads it: the zero value, then validation', () => {
  it.each([
    ['a Pod with no metadata', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n', 'The Pod "" is invalid: metadata.name: Required value: name or generateName is required'],
    ['metadata: null', 'apiVersion: v1\nkind: ConfigMap\nmetadata: null\n', 'The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required'],
    ['volumes: [null]', container('    image: nginx\n') + '  volumes: [null]\n', 'The Pod "p" is invalid: [spec.volumes[0].name: Required value, spec.volumes[0]: Required value: must specify a volume type]'],
    ['containers: [null]', pod('  containers: [null]\n'), 'The Pod "p" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]'],
    ['image left empty', container('    image:\n'), 'The Pod "p" is invalid: spec.containers[0].image: Required value'],
  ])('%s', (_name, yaml, message) => {
    expect(firstError(yaml)).toBe(message);
  });

  it('keeps a null label value as an empty string, as Go fills a map', () => {
    const r = applyManifest(createCluster({ preset: 'bare' }), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {a: null}\n', { mode: 'apply' });
    expect(r.result[0]!.outcome).toBe('created');
    expect(r.state.objects.ConfigMap!['default/c']!.metadata.labels).toEqual({ a: '' });
  });
});

describe("kubectl's own checks before sending", () => {
  it.each([
    ['kind: 5', 'apiVersion: v1\nkind: 5\n', "error validating data: kind isn't string type"],
    ['apiVersion: 5, kind: 6', 'apiVersion: 5\nkind: 6\n', "error validating data: [apiVersion isn't string type, kind isn't string type]"],
    ['kind: null', 'apiVersion: v1\nkind: null\n', 'error validating data: kind not set'],
    ['a list', '[a, b]\n', 'error validating data: invalid object to validate'],
    ['a string', 'hello\n', 'error validating data: invalid object to validate'],
    ['apiVersion a/b/c', 'apiVersion: a/b/c\nkind: Pod\n', 'error validating data: unexpected GroupVersion string: a/b/c'],
  ])('%s', (_name, yaml, message) => {
    const r = applyManifest(createCluster({ preset: 'bare' }), yaml, { mode: 'apply' });
    expect(r.result[0]!.error).toMatchObject({ kind: 'missing-type-info', message });
  });
});
