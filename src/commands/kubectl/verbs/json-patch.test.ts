// RFC 6902 as gopkg.in/evanphx/json-patch.v4 applies it, with its error words and its quirks.
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, jsonPatchDecodeError } from './json-patch.ts';

const doc = { metadata: { labels: { app: 'web' } }, spec: { replicas: 1, list: ['a', 'b', 'c'] } };
const ok = (ops: unknown[]) => {
  const r = applyJsonPatch(doc, ops);
  if (!r.ok) throw new Error(r.error);
  return r.value as typeof doc & Record<string, unknown>;
};
const error = (ops: unknown[]) => {
  const r = applyJsonPatch(doc, ops);
  return r.ok ? undefined : r.error;
};

describe('JSON patch', () => {
  it('add, remove, replace, move, copy and test, with ~0/~1 escaping and `-` to append', () => {
    const out = ok([
      { op: 'add', path: '/metadata/labels/a~1b', value: 'x' },
      { op: 'add', path: '/spec/list/-', value: 'd' },
      { op: 'add', path: '/spec/list/0', value: 'z' },
      { op: 'remove', path: '/spec/list/1' },
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/t~0' },
      { op: 'move', from: '/spec/list', path: '/spec/items' },
      { op: 'test', path: '/spec/replicas', value: 3 },
    ]);
    expect(out).toEqual({ metadata: { labels: { app: 'web', 'a/b': 'x', 't~': 'web' } }, spec: { replicas: 3, items: ['z', 'b', 'c', 'd'] } });
    expect(doc.spec.list).toEqual(['a', 'b', 'c']);
  });

  it('keeps v4 quirks: replace of a missing key adds it, negative indices count from the end', () => {
    expect(ok([{ op: 'replace', path: '/spec/paused', value: true }]).spec).toMatchObject({ paused: true });
    expect(ok([{ op: 'remove', path: '/spec/list/-1' }]).spec.list).toEqual(['a', 'b']);
  });

  it('words failures as the library does', () => {
    expect(error([{ op: 'test', path: '/spec/replicas', value: 5 }])).toBe('testing value /spec/replicas failed: test failed');
    expect(error([{ op: 'remove', path: '/spec/list/3' }])).toBe("error in remove for path: '/spec/list/3': Unable to access invalid index: 3: invalid index referenced");
    expect(error([{ op: 'remove', path: '/metadata/labels/nope' }])).toBe("error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value");
    expect(error([{ op: 'add', path: '/spec/missing/x', value: 1 }])).toBe('add operation does not apply: doc is missing path: "/spec/missing/x": missing value');
    expect(error([{ op: 'replace', path: '/spec/list/7', value: 1 }])).toBe('replace operation does not apply: doc is missing key: /spec/list/7: missing value');
    expect(error([{ op: 'add', path: '/spec/list/x', value: 1 }])).toBe(`error in add for path: '/spec/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`);
    expect(error([{ op: 'frob', path: '/spec' }])).toBe('Unexpected kind: frob');
    expect(error([{ path: '/spec' }])).toBe('Unexpected kind: unknown');
  });

  it('the server decodes the operations first', () => {
    expect(jsonPatchDecodeError({ op: 'add' })).toBe('error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp');
    expect(jsonPatchDecodeError([{ op: 'add', path: 3 }])).toBe('error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string');
    expect(jsonPatchDecodeError([{ op: 'add', path: '/a', value: 1 }])).toBeUndefined();
  });
});
