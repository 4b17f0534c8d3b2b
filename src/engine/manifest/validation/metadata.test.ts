// The API server's limits on metadata and config objects, worded as v1.34 words them.
import { describe, expect, it } from 'vitest';
import type { AnyStored } from '../../api/objects.ts';
import { formatInvalid, validateObject } from './index.ts';
import { qualifiedNameErrors } from './metadata.ts';

const pod = (metadata: Record<string, unknown>, spec: Record<string, unknown> = {}): AnyStored =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', ...metadata }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } }) as AnyStored;
const message = (obj: AnyStored) => formatInvalid(obj.kind, obj.metadata.name ?? '', validateObject(obj));

const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('labels', () => {
  it('refuses a value with markup, and one of 86 characters, at metadata.labels', () => {
    expect(message(pod({ labels: { app: '<b>web</b>' } }))).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "<b>web</b>": ${LABEL_VALUE}`);
    const long = 'a'.repeat(86);
    expect(message(pod({ labels: { app: long } }))).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "${long}": must be no more than 63 characters`);
  });

  it('accepts empty and 63-character values, prefixed keys, and dots, dashes and underscores', () => {
    expect(validateObject(pod({ labels: { a: '', b: 'x'.repeat(63), 'example.com/My_key-1.2': 'v_1.2-3' } }))).toEqual([]);
  });

  it('checks keys as qualified names: prefix a DNS subdomain, name part at most 63 characters', () => {
    expect(qualifiedNameErrors('Example.com/app')).toEqual([expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain must consist of/)]);
    expect(qualifiedNameErrors('/app')).toEqual(['prefix part must be non-empty']);
    expect(qualifiedNameErrors('example.com/')).toEqual(['name part must be non-empty', NAME_PART]);
    expect(qualifiedNameErrors('k'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
    expect(qualifiedNameErrors('a/b/c')).toEqual([expect.stringMatching(/^a qualified name must consist .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/)]);
    expect(message(pod({ labels: { '-app': 'x' } }))).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "-app": ${NAME_PART}`);
  });

  it('validates the node selector, the workload selector and template labels where the server does', () => {
    expect(message(pod({}, { nodeSelector: { zone: 'a b' } }))).toBe(`The Pod "web" is invalid: spec.nodeSelector: Invalid value: "a b": ${LABEL_VALUE}`);
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'we b' }, matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['x'] }] },
        template: { metadata: { labels: { app: 'we b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    } as AnyStored;
    const errors = validateObject(deploy).map((e) => `${e.field}: ${e.type}`);
    expect(errors).toEqual([
      'spec.selector.matchLabels: Invalid',
      'spec.selector.matchExpressions[0].values: Forbidden',
      'spec.selector: Invalid',
      'spec.template.labels: Invalid',
    ]);
  });

  it('prints a map value as json.Marshal does (sorted keys, HTML characters escaped)', () => {
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { z: 'b', app: 'api' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    } as AnyStored;
    expect(message(rs)).toBe('The ReplicaSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api","z":"b"}: `selector` does not match template `labels`');
  });
});

describe('annotations', () => {
  it('refuses more than 256 KiB of keys and values, without printing the value', () => {
    const big = pod({ annotations: { note: 'x'.repeat(262144 - 4 + 1) } });
    expect(message(big)).toBe('The Pod "web" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes');
    expect(validateObject(pod({ annotations: { note: 'x'.repeat(262144 - 4) } }))).toEqual([]);
  });

  it('counts bytes, not characters, and checks keys case-insensitively', () => {
    expect(validateObject(pod({ annotations: { note: 'é'.repeat(131071) } }))).toHaveLength(1);
    expect(validateObject(pod({ annotations: { 'Example.COM/Note': 'x' } }))).toEqual([]);
  });
});

describe('names by kind', () => {
  it('a Namespace is a DNS label; a Pod, ConfigMap or ServiceAccount a DNS subdomain', () => {
    // IsDNS1123Label: a valid subdomain that is no label fails only for its dots, and says so.
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } } as AnyStored;
    expect(validateObject(ns)[0]?.detail).toBe('must not contain dots');
    const bad = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Team' } } as AnyStored;
    expect(validateObject(bad)[0]?.detail).toMatch(/^a lowercase RFC 1123 label/);
    for (const kind of ['Pod', 'ConfigMap', 'ServiceAccount']) {
      const obj = { apiVersion: 'v1', kind, metadata: { name: 'team.a' }, ...(kind === 'Pod' ? { spec: { containers: [{ name: 'c', image: 'i' }] } } : {}) } as AnyStored;
      expect(validateObject(obj)).toEqual([]);
    }
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'Robot' } } as AnyStored;
    expect(message(sa)).toMatch(/^The ServiceAccount "Robot" is invalid: metadata\.name: Invalid value: "Robot": a lowercase RFC 1123 subdomain/);
  });

  it('a generateName may end in a dash; anything else is checked as a name', () => {
    expect(validateObject(pod({ generateName: 'web-' }))).toEqual([]);
    expect(validateObject(pod({ generateName: 'Web-' }))[0]).toMatchObject({ field: 'metadata.generateName', value: 'Web-' });
  });
});

describe('ConfigMap and Secret', () => {
  const cm = (data: Record<string, string>, binaryData?: Record<string, string>) =>
    ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data, ...(binaryData ? { binaryData } : {}) }) as AnyStored;

  it('refuses a 2 MB ConfigMap: the error is about the whole object ([])', () => {
    expect(message(cm({ big: 'x'.repeat(2_000_000) }))).toBe('The ConfigMap "cfg" is invalid: []: Too long: may not be more than 1048576 bytes');
    expect(validateObject(cm({ a: 'x'.repeat(1048576) }))).toEqual([]);
  });

  it('counts binaryData by its decoded bytes, and reports a key in both data and binaryData on the data side', () => {
    expect(validateObject(cm({ a: 'x'.repeat(1048570) }, { b: 'AAAAAAAA' }))).toEqual([]); // 1048570 + 6 bytes = 1 MiB
    expect(validateObject(cm({ a: 'x'.repeat(1048571) }, { b: 'AAAAAAAA' }))).toHaveLength(1);
    expect(message(cm({ k: 'v' }, { k: 'AA==' }))).toBe('The ConfigMap "cfg" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData');
  });

  it('words each key problem separately, as IsConfigMapKey does', () => {
    expect(validateObject(cm({ '..x': 'v' })).map((e) => e.detail)).toEqual(["must not start with '..'"]);
    expect(validateObject(cm({ 'a b': 'v' }))[0]?.detail).toMatch(/^a valid config key must consist of alphanumeric characters/);
  });

  it('refuses a Secret over 1 MiB at data', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { big: 'A'.repeat(1_500_000) } } as AnyStored;
    expect(message(secret)).toBe('The Secret "s" is invalid: data: Too long: may not be more than 1048576 bytes');
  });

  it('lists repeated messages once, as ErrorList.ToAggregate does', () => {
    expect(message(pod({ labels: { a: 'x y', b: 'x y' } }))).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "x y": ${LABEL_VALUE}`);
  });
});

describe('null list entries', () => {
  it('fail as the empty entry they decode to, instead of crashing', () => {
    const errors = validateObject(pod({}, { containers: [null], volumes: [null] })).map((e) => `${e.field}: ${e.type}`);
    expect(errors).toEqual(['spec.volumes[0].name: Required', 'spec.volumes[0]: Required', 'spec.containers[0].name: Required', 'spec.containers[0].image: Required']);
  });
});
