// The API server's handling of kubectl's last-applied annotation on a server-side apply
// (apimachinery lastappliedmanager.go / lastappliedupdater.go), without HTTP.
import { describe, expect, it } from 'vitest';
import { recordUpdate, serverSideApply, type ManagedFieldsEntry } from './managed-fields.ts';
import { conflictsNotFromLastApplied, lastAppliedOf, updateLastApplied } from './last-applied.ts';

const KEY = 'kubectl.kubernetes.io/last-applied-configuration';
const cm = (data: Record<string, string>, annotation?: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'default', ...(annotation !== undefined ? { annotations: { [KEY]: annotation } } : {}) },
  data,
});
const applied = (data: Record<string, string>) => JSON.stringify({ apiVersion: 'v1', data, kind: 'ConfigMap', metadata: { annotations: {}, name: 'c', namespace: 'default' } }) + '\n';
const merge = (base: Record<string, unknown>, over: Record<string, unknown>) => ({ ...base, ...over, data: { ...(base['data'] as object), ...(over['data'] as object) } });
const who = { manager: 'kubectl', apiVersion: 'v1', time: 't', force: false };

/** A ConfigMap as client-side apply leaves it: the annotation, and its fields owned by kubectl-client-side-apply. */
function clientSideApplied(data: Record<string, string>, live = data) {
  const obj = cm(live, applied(data));
  const managedFields: ManagedFieldsEntry[] = recordUpdate('ConfigMap', undefined, obj, { manager: 'kubectl-client-side-apply', apiVersion: 'v1', time: 't' });
  return { ...obj, metadata: { ...obj.metadata, managedFields } };
}

describe('conflicts a client-side apply recorded', () => {
  it('are no conflict when the annotation has the value the object still has', () => {
    const live = clientSideApplied({ a: '1' });
    const r = serverSideApply('ConfigMap', live, cm({ a: '2' }), who, merge);
    expect(r.ok).toBe(false);
    expect(conflictsNotFromLastApplied('ConfigMap', 'v1', live, r.ok ? [] : r.conflicts)).toEqual([]);
  });

  it('stay when the object has moved on from the annotation, or the annotation is unusable', () => {
    const moved = clientSideApplied({ a: '1' }, { a: '5' });
    const r = serverSideApply('ConfigMap', moved, cm({ a: '2' }), who, merge);
    const conflicts = r.ok ? [] : r.conflicts;
    expect(conflicts).toHaveLength(1);
    expect(conflictsNotFromLastApplied('ConfigMap', 'v1', moved, conflicts)).toEqual(conflicts);
    const broken = { ...moved, metadata: { ...moved.metadata, annotations: { [KEY]: '{not json' } } };
    expect(conflictsNotFromLastApplied('ConfigMap', 'v1', broken, conflicts)).toEqual(conflicts);
    expect(conflictsNotFromLastApplied('ConfigMap', 'v2', clientSideApplied({ a: '1' }), conflicts)).toEqual(conflicts);
  });
});

describe('the annotation after a server-side apply', () => {
  it('is rewritten to the applied configuration for manager kubectl, when the object has one', () => {
    const out = updateLastApplied('kubectl', cm({ a: '2' }, applied({ a: '1' })), cm({ a: '2' }));
    expect((out['metadata'] as { annotations: Record<string, string> }).annotations[KEY]).toBe('{"apiVersion":"v1","data":{"a":"2"},"kind":"ConfigMap","metadata":{"name":"c","namespace":"default"}}\n');
  });

  it('is left alone for another manager, and not added where there was none', () => {
    const before = cm({ a: '2' }, applied({ a: '1' }));
    expect(updateLastApplied('tool', before, cm({ a: '2' }))).toBe(before);
    expect(updateLastApplied('kubectl', cm({ a: '2' }), cm({ a: '2' }))).toEqual(cm({ a: '2' }));
  });

  it('keeps an annotations map the configuration had, without the annotation itself', () => {
    const config = { ...cm({ a: '1' }), metadata: { name: 'c', annotations: { [KEY]: 'old', note: '<x>' } } };
    expect(lastAppliedOf(config)).toBe('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{"note":"\\u003cx\\u003e"},"name":"c"}}\n');
  });
});

describe('an update that removes a field', () => {
  it('takes the field out of every manager’s set', () => {
    const live = clientSideApplied({ a: '1', b: '2' });
    const entries = recordUpdate('ConfigMap', live, { ...live, data: { a: '1' } }, { manager: 'kubectl-edit', apiVersion: 'v1', time: 't' });
    expect(JSON.stringify(entries)).not.toContain('f:b');
    expect(entries.map((e) => e.manager)).toEqual(['kubectl-client-side-apply']);
  });
});
