// kubectl's --sort-by order: numbers, quantities as quantities, strings by bytes, missing first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { klogExit, relaxedJsonPath, sortOrder } from './sort-by.ts';
import type { GoValue } from '../jsonpath/index.ts';

const order = (values: GoValue[], field = '{.v}') => {
  const r = sortOrder(values.map((v) => (v === undefined ? {} : { v })), field);
  return r.ok ? r.order.map((i) => values[i]) : r;
};

describe('--sort-by', () => {
  it('relaxes paths as kubectl does', () => {
    expect(['a.b', '.a.b', '{a.b}', '{.a.b}'].map((p) => relaxedJsonPath(p))).toEqual(Array(4).fill({ ok: true, value: '{.a.b}' }));
    expect(relaxedJsonPath('{.a}{.b}')).toMatchObject({ ok: false });
  });

  it('compares quantities as quantities, other strings byte by byte', () => {
    expect(order(['10Gi', '500Mi', '2Gi', '1G'])).toEqual(['500Mi', '1G', '2Gi', '10Gi']);
    expect(order(['pv-b', 'pv-a', 'PV-c'])).toEqual(['PV-c', 'pv-a', 'pv-b']);
    // Each comparison decides on its own: two quantities as quantities, anything else as strings.
    expect(order(['5Gi', 'abc', '10Gi'])).toEqual(['5Gi', '10Gi', 'abc']);
  });

  it('compares numbers as numbers', () => {
    expect(order([10, 9, 100, 1])).toEqual([1, 9, 10, 100]);
  });

  it('puts objects without the field first, in reverse order (Go insertion sort and RuntimeSort.Less)', () => {
    const objects: GoValue[] = [{ n: 'a', v: 2 }, { n: 'b' }, { n: 'c', v: 1 }, { n: 'd' }];
    const r = sortOrder(objects, '{.v}');
    expect(r.ok && r.order).toEqual([3, 1, 2, 0]);
  });

  it('keeps equal keys in their order for short lists', () => {
    const objects: GoValue[] = ['x', 'y', 'z', 'w'].map((n) => ({ n, v: '1Gi' }));
    const r = sortOrder(objects, '{.v}');
    expect(r.ok && r.order).toEqual([0, 1, 2, 3]);
  });

  it('says when no object has the field, or when a value cannot be ordered', () => {
    expect(sortOrder([{ a: 1 }], '{.spec.nothing}')).toEqual({ ok: false, error: 'couldn\'t find any field with path "{.spec.nothing}" in the list of objects' });
    expect(sortOrder([{ v: { a: 1 } }, { v: { b: 2 } }], '{.v}')).toEqual({
      ok: false,
      unsortable: true,
      error: 'Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    });
    expect(sortOrder([{ v: 1 }, { v: 'x' }], '{.v}')).toMatchObject({ error: expect.stringMatching(/err: unsortable interface: interface$/) });
  });

  it('writes klog.Exitf lines with the simulated time', () => {
    expect(klogExit(Date.UTC(2026, 11, 6, 2, 51, 26, 722), 'sorter.go:329', 'boom')).toBe('F1206 02:51:26.722000       1 sorter.go:329] boom\n');
  });

  it('sorts numbers ascending, at any length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), (values) => {
        expect(order(values)).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });
});
