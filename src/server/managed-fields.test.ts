// Field ownership without HTTP: the sets, their FieldsV1 form, conflicts and removals.
import { describe, expect, it } from 'vitest';
import { conflictMessage, fieldPaths, fromFieldsV1, pathString, recordUpdate, serverSideApply, toFieldsV1 } from './managed-fields.ts';

const deploy = (replicas: number, image = 'nginx', extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', labels: { app: 'web' } },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image, ...extra }] } } },
  status: { replicas: 1 },
});
const merge = (base: Record<string, unknown>, over: Record<string, unknown>) => ({ ...base, ...over });
const who = { manager: 'kubectl', apiVersion: 'apps/v1', time: '2026-01-01T00:00:00Z', force: false };

describe('field sets', () => {
  it('writes FieldsV1 as the API server does: keyed list items, maps with `.`, no identity or status', () => {
    const fields = toFieldsV1([...fieldPaths('Deployment', deploy(2)).values()].map((e) => e.path));
    expect(fields).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:selector': { '.': {}, 'f:matchLabels': { '.': {}, 'f:app': {} } },
        'f:template': {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
        },
      },
    });
    // And back: every leaf and every node marked `.`.
    expect(fromFieldsV1(fields)).toContainEqual(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}']);
    expect(pathString(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'])).toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(pathString(['f:metadata', 'f:finalizers', 'v:"a"'])).toBe('.metadata.finalizers[="a"]');
  });

  it('gives an update the fields it changed and takes them from their other owners', () => {
    const created = recordUpdate('Deployment', undefined, deploy(2), { manager: 'kubectl-create', apiVersion: 'apps/v1', time: 't' });
    const scaled = recordUpdate('Deployment', { ...deploy(2), metadata: { ...deploy(2).metadata, managedFields: created } }, deploy(5), { manager: 'kubectl-scale', apiVersion: 'apps/v1', time: 't', subresource: 'scale' });
    expect(scaled.map((e) => e.manager)).toEqual(['kubectl-create', 'kubectl-scale']);
    expect(scaled[1]).toMatchObject({ operation: 'Update', subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
    expect(fromFieldsV1(scaled[0]!.fieldsV1)).not.toContainEqual(['f:spec', 'f:replicas']);
  });
});

describe('server-side apply', () => {
  const live = () => ({ ...deploy(2), metadata: { ...deploy(2).metadata, managedFields: recordUpdate('Deployment', undefined, deploy(2), { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: 't' }) } });

  it('refuses a different value of another manager’s field, and takes it with force', () => {
    const refused = serverSideApply('Deployment', live(), deploy(3), who, merge);
    expect(refused).toEqual({ ok: false, conflicts: [{ manager: '"kubectl-client-side-apply" using apps/v1', path: '.spec.replicas', fields: ['f:spec', 'f:replicas'] }] });
    expect(conflictMessage(refused.ok ? [] : refused.conflicts)).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    // The same value is shared, not a conflict.
    expect(serverSideApply('Deployment', live(), deploy(2), who, merge).ok).toBe(true);
    const forced = serverSideApply('Deployment', live(), deploy(3), { ...who, force: true }, merge);
    if (!forced.ok) throw new Error('expected success');
    const previous = forced.managedFields.find((e) => e.manager === 'kubectl-client-side-apply')!;
    expect(fromFieldsV1(previous.fieldsV1)).not.toContainEqual(['f:spec', 'f:replicas']);
    expect(forced.managedFields.find((e) => e.manager === 'kubectl')).toMatchObject({ operation: 'Apply', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
  });

  it('words several conflicts by manager, sorted, one path a line', () => {
    expect(conflictMessage([{ manager: '"b"', path: '.x', fields: ['f:x'] }, { manager: '"a" using v1', path: '.y', fields: ['f:y'] }, { manager: '"b"', path: '.z', fields: ['f:z'] }])).toBe(
      'Apply failed with 3 conflicts: conflicts with "a" using v1:\n- .y\nconflicts with "b":\n- .x\n- .z',
    );
  });

  it('removes a field it applied before and applies no more, unless another manager owns it', () => {
    const first = serverSideApply('Deployment', undefined, deploy(2, 'nginx', { args: ['a'] }), who, merge);
    if (!first.ok) throw new Error('expected success');
    const applied = { ...deploy(2, 'nginx', { args: ['a'] }), metadata: { ...deploy(2).metadata, managedFields: first.managedFields } };
    const second = serverSideApply('Deployment', applied, deploy(2), who, (base) => base);
    if (!second.ok) throw new Error('expected success');
    const containers = ((second.merged['spec'] as any).template.spec.containers as Record<string, unknown>[]);
    expect(containers[0]).toEqual({ name: 'nginx', image: 'nginx' });
  });
});

describe('list types from the schema (list-types.ts)', () => {
  const pod = (ports: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'dns', image: 'coredns', ports, env: [{ name: 'A', value: '1' }] }], tolerations: [{ key: 'k', operator: 'Exists' }], ...extra },
  });
  const containerFields = (obj: Record<string, unknown>) => (toFieldsV1([...fieldPaths('Pod', obj).values()].map((e) => e.path)) as any)['f:spec']['f:containers']['k:{"name":"dns"}'];

  it('keys container ports by containerPort and protocol, the protocol defaulted to TCP; env by name', () => {
    const fields = containerFields(pod([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53 }]));
    expect(Object.keys(fields['f:ports'])).toEqual(['k:{"containerPort":53,"protocol":"TCP"}', 'k:{"containerPort":53,"protocol":"UDP"}']);
    expect(Object.keys(fields['f:env'])).toEqual(['k:{"name":"A"}']);
    expect(pathString(['f:spec', 'f:containers', 'k:{"name":"dns"}', 'f:ports', 'k:{"containerPort":53,"protocol":"UDP"}', 'f:name'])).toBe('.spec.containers[name="dns"].ports[containerPort=53,protocol="UDP"].name');
  });

  it('owns an atomic list (tolerations) whole', () => {
    const fields = toFieldsV1([...fieldPaths('Pod', pod([])).values()].map((e) => e.path)) as any;
    expect(fields['f:spec']['f:tolerations']).toEqual({});
  });

  it('a port item left out of a later apply is removed; the same port on UDP is another item', () => {
    const first = serverSideApply('Pod', undefined, pod([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53 }]), { ...who, apiVersion: 'v1' }, merge);
    if (!first.ok) throw new Error('expected success');
    const live = { ...pod([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }]), metadata: { name: 'p', managedFields: first.managedFields } };
    const second = serverSideApply('Pod', live, pod([{ containerPort: 53 }]), { ...who, apiVersion: 'v1' }, (base) => base);
    if (!second.ok) throw new Error('expected success');
    expect(((second.merged['spec'] as any).containers[0].ports as unknown[])).toEqual([{ containerPort: 53, protocol: 'TCP' }]);
  });
});
