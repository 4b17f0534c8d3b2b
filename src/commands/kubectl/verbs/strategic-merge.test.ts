// The strategic merge patch as apimachinery's strategicpatch applies it on the server: merge keys
// from the Go struct tags, directives, and the order the library leaves lists in.
import { describe, expect, it } from 'vitest';
import { strategicMerge } from './strategic-merge.ts';
import { patchSchemaFor } from './patch-meta.ts';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const apply = (original: Record<string, unknown>, patch: Record<string, unknown>) => {
  const r = strategicMerge(original, patch, patchSchemaFor('Pod'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
};

describe('strategic merge patch', () => {
  const live = pod({
    containers: [
      { name: 'a', image: 'nginx:1.27', volumeMounts: [{ name: 'sa', mountPath: '/var/run/secrets' }], env: [{ name: 'X', value: '1' }] },
      { name: 'b', image: 'busybox' },
    ],
    tolerations: [{ key: 'k', operator: 'Exists' }],
    volumes: [{ name: 'sa', projected: {} }],
  });

  it('merges containers by name, keeping the fields and items the patch does not name', () => {
    const out = apply(live, { spec: { containers: [{ name: 'a', image: 'nginx:1.28' }] } });
    expect(out.spec['containers']).toEqual([
      { name: 'a', image: 'nginx:1.28', volumeMounts: [{ name: 'sa', mountPath: '/var/run/secrets' }], env: [{ name: 'X', value: '1' }] },
      { name: 'b', image: 'busybox' },
    ]);
    // the input is not changed
    expect((live.spec['containers'] as { image: string }[])[0]!.image).toBe('nginx:1.27');
  });

  it('puts a new item first (the patch order, then the live order), merges env by name and mounts by path', () => {
    const out = apply(live, { spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }], volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } });
    const a = (out.spec['containers'] as Record<string, unknown>[])[0]!;
    expect(a['env']).toEqual([{ name: 'Y', value: '2' }, { name: 'X', value: '1' }]);
    expect(a['volumeMounts']).toEqual([{ name: 'data', mountPath: '/data' }, { name: 'sa', mountPath: '/var/run/secrets' }]);
  });

  it('replaces lists without a merge strategy (tolerations) and deletes keys set to null', () => {
    const out = apply(live, { spec: { tolerations: [{ key: 'z', operator: 'Exists' }], volumes: null } });
    expect(out.spec['tolerations']).toEqual([{ key: 'z', operator: 'Exists' }]);
    expect('volumes' in out.spec).toBe(false);
  });

  it('$patch: delete removes an item by its key; $patch: replace replaces a list or a map', () => {
    expect(apply(live, { spec: { containers: [{ name: 'b', $patch: 'delete' }] } }).spec['containers']).toHaveLength(1);
    expect(apply(live, { spec: { containers: [{ name: 'c', image: 'x' }, { $patch: 'replace' }] } }).spec['containers']).toEqual([{ name: 'c', image: 'x' }]);
    expect(apply(pod({ nodeSelector: { a: '1', b: '2' } }), { spec: { nodeSelector: { $patch: 'replace', c: '3' } } }).spec['nodeSelector']).toEqual({ c: '3' });
    expect(apply(pod({ nodeSelector: { a: '1' } }), { spec: { nodeSelector: { $patch: 'delete' } } }).spec['nodeSelector']).toEqual({});
  });

  it('finalizers merge as a set; $deleteFromPrimitiveList removes some', () => {
    const meta = { name: 'p', finalizers: ['a', 'b'] };
    expect(apply(pod({}, meta), { metadata: { finalizers: ['c', 'a'] } }).metadata['finalizers']).toEqual(['c', 'a', 'b']);
    expect(apply(pod({}, meta), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }).metadata['finalizers']).toEqual(['b']);
  });

  it('$setElementOrder orders the merged list; $retainKeys clears the keys it does not list', () => {
    const out = apply(live, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'nginx:1.29' }] } });
    expect((out.spec['containers'] as { name: string; image: string }[]).map((c) => `${c.name}=${c.image}`)).toEqual(['b=busybox', 'a=nginx:1.29']);
    const v = apply(pod({ volumes: [{ name: 'd', emptyDir: {}, hostPath: { path: '/x' } }] }), { spec: { volumes: [{ name: 'd', $retainKeys: ['name', 'hostPath'] }] } });
    expect(v.spec['volumes']).toEqual([{ name: 'd', hostPath: { path: '/x' } }]);
  });

  it('words its errors as the library does', () => {
    const err = (patch: Record<string, unknown>) => {
      const r = strategicMerge(live, patch, patchSchemaFor('Pod'));
      return r.ok ? undefined : r.error;
    };
    expect(err({ spec: { containers: [{ image: 'busybox' }] } })).toEqual({ status: 'Internal', message: 'map: map[image:busybox] does not contain declared merge key: name' });
    expect(err({ spec: { containers: [{ name: 'a', $patch: 'merge' }] } })).toEqual({ status: 'Internal', message: 'merging lists cannot yet be specified in the patch' });
    expect(err({ spec: { $patch: 'merge' } })).toEqual({ status: 'Internal', message: 'unknown patch type: merge in map: map[$patch:merge]' });
    expect(err({ metadata: { '$deleteFromPrimitiveList': ['a'] } })).toEqual({ status: 'BadRequest', message: 'invalid patch format of primitive list' });
    expect(err({ spec: { volumes: [{ name: 'sa', $retainKeys: 'name' }] } })).toEqual({ status: 'BadRequest', message: 'invalid patch format of retainKeys' });
    expect(err({ metadata: { finalizers: [['x']] }, spec: {} })).toBeUndefined(); // no live finalizers: taken as is
    expect(err({ spec: { containers: [['x']] } })?.message).toMatch(/^list element types are not identical: \[\[map\[env:\[map\[name:X value:1\]\] image:nginx:1\.27 /);
    const empty = strategicMerge(pod({ containers: [] }), { spec: { containers: [['x']] } }, patchSchemaFor('Pod'));
    expect(empty.ok ? undefined : empty.error).toEqual({ status: 'Unprocessable', message: 'lists of lists are not supported' });
  });
});
