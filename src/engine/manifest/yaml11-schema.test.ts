// Plain scalars as go-yaml v2.4's resolve.go reads them (strconv.ParseInt base 0 after removing
// underscores, its yamlStyleFloat pattern), and the JSON encoder's refusal of infinities.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { KUBECTL_SCHEMA, resolvePlain, unsupportedJsonValue } from './yaml11-schema.ts';

describe('resolvePlain (go-yaml v2)', () => {
  it.each<[string, unknown]>([
    // Booleans: exactly go-yaml v2's list, no others (`yES`, `tRUE` stay strings).
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((s): [string, unknown] => [s, true]),
    ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((s): [string, unknown] => [s, false]),
    ['yES', 'yES'],
    ['tRUE', 'tRUE'],
    // Nulls.
    ['', null],
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['nULL', 'nULL'],
    // Integers: strconv.ParseInt(s, 0, 64) after removing underscores.
    ['0x1F', 31],
    ['0644', 420],
    ['0o17', 15],
    ['0b101', 5],
    ['-0b11', -3],
    ['1_000', 1000],
    ['+1', 1],
    ['-12', -12],
    ['08', 8],
    // Floats.
    ['.5', 0.5],
    ['1e3', 1000],
    ['1.0', 1],
    ['1_000.5', 1000.5],
    ['.inf', Infinity],
    ['+.Inf', Infinity],
    ['-.INF', -Infinity],
    // Strings: out of float64 range, timestamps, sexagesimal, anything else.
    ['1e400', '1e400'],
    ['2024-01-01', '2024-01-01'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['3:30', '3:30'],
    ['.', '.'],
    ['0x', '0x'],
    ['1Gi', '1Gi'],
  ])('%j → %j', (text, value) => {
    expect(resolvePlain(text).value).toEqual(value);
  });

  it('reads .nan as NaN', () => {
    expect(resolvePlain('.nan').value).toBeNaN();
  });

  it('is the schema manifests load with: quoted scalars stay strings, `y` keys become "true", merges work', () => {
    const value = load('a: yes\nb: "yes"\nc: \'0644\'\nd: 0644\ny: 1\ne: {<<: {f: 1}, g: 2}\n', { schema: KUBECTL_SCHEMA });
    expect(value).toEqual({ a: true, b: 'yes', c: '0644', d: 420, true: 1, e: { f: 1, g: 2 } });
  });

  it('reads a scalar with an unknown local tag as its text', () => {
    expect(load('a: !Ref web\nb: !!str 1\n', { schema: KUBECTL_SCHEMA })).toEqual({ a: 'web', b: '1' });
  });
});

describe('unsupportedJsonValue', () => {
  it('names the first infinity or NaN in sorted-key order, as encoding/json meets it', () => {
    expect(unsupportedJsonValue({ b: -Infinity, a: [1, NaN] })).toBe('NaN');
    expect(unsupportedJsonValue({ spec: { replicas: Infinity } })).toBe('+Inf');
    expect(unsupportedJsonValue({ a: [1, 'x', null, { b: 2 }] })).toBeUndefined();
  });
});
