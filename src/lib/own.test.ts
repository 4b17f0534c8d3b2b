// Keys that collide with Object.prototype's members are ordinary data in the helpers and in the
// merges built on them, and nothing ever reaches the shared prototype.
import { afterEach, describe, expect, it } from 'vitest';
import { mergePatch, threeWayMerge } from './deep.ts';
import { getOwn, hasOwn, setOwn, withOwn, withoutOwn } from './own.ts';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'] as const;

afterEach(() => {
  // A polluted prototype would show up on every object in the process.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('own-key helpers', () => {
  it.each(NAMES)('see no inherited %s in an empty table', (key) => {
    expect(hasOwn({}, key)).toBe(false);
    expect(getOwn({}, key)).toBeUndefined();
    expect(getOwn(undefined, key)).toBeUndefined();
  });

  it.each(NAMES)('store %s as an own, enumerable, JSON-visible key', (key) => {
    const table: Record<string, string> = {};
    setOwn(table, key, 'v');
    expect(hasOwn(table, key)).toBe(true);
    expect(getOwn(table, key)).toBe('v');
    expect(Object.keys(table)).toEqual([key]);
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
    expect(Object.keys(structuredClone(table))).toEqual([key]);
  });

  it('copy with and without a key, leaving the original alone', () => {
    const base = { a: '1' };
    const added = withOwn(base, '__proto__', '2');
    expect(Object.keys(added)).toEqual(['a', '__proto__']);
    expect(getOwn(added, '__proto__')).toBe('2');
    expect(Object.keys(withoutOwn(added, '__proto__'))).toEqual(['a']);
    expect(Object.keys(withoutOwn(added, 'constructor'))).toEqual(['a', '__proto__']);
    expect(base).toEqual({ a: '1' });
  });
});

describe('merges treat keys as data', () => {
  it('a merge patch sets __proto__ as an own key and pollutes nothing', () => {
    const patched = mergePatch({ metadata: { labels: { app: 'web' } } }, JSON.parse('{"metadata":{"labels":{"__proto__":"y","constructor":"z"}}}')) as {
      metadata: { labels: Record<string, string> };
    };
    expect(Object.keys(patched.metadata.labels)).toEqual(['app', '__proto__', 'constructor']);
    expect(getOwn(patched.metadata.labels, '__proto__')).toBe('y');
    expect(Object.getPrototypeOf(patched.metadata.labels)).toBe(Object.prototype);
  });

  it('a merge patch with an object under __proto__ makes an own map, not a prototype', () => {
    const patched = mergePatch({}, JSON.parse('{"__proto__":{"polluted":"yes"}}')) as Record<string, unknown>;
    expect(Object.keys(patched)).toEqual(['__proto__']);
    expect(patched['polluted']).toBeUndefined();
    expect(JSON.stringify(patched)).toBe('{"__proto__":{"polluted":"yes"}}');
  });

  it('a merge patch deletes an own constructor key with null, and a missing one changes nothing', () => {
    expect(mergePatch({ constructor: 'a', b: 'c' }, { constructor: null })).toEqual({ b: 'c' });
    expect(mergePatch({ b: 'c' }, { toString: null })).toEqual({ b: 'c' });
  });

  it('a three-way merge keeps, adds and drops prototype-named keys like any other', () => {
    const live = { data: { constructor: 'live', valueOf: 'kept', toString: 'old' } };
    const last = { data: { constructor: 'live', toString: 'old' } };
    const desired = JSON.parse('{"data":{"__proto__":"new","constructor":"changed"}}');
    const merged = threeWayMerge(live, last, desired) as { data: Record<string, string> };
    expect(Object.keys(merged.data).sort()).toEqual(['__proto__', 'constructor', 'valueOf']);
    expect(getOwn(merged.data, '__proto__')).toBe('new');
    expect(merged.data['constructor']).toBe('changed');
    // A key the last applied manifest did not have but that is inherited is not a "dropped" key.
    expect(threeWayMerge({ a: '1' }, {}, { a: '1' })).toEqual({ a: '1' });
  });
});
