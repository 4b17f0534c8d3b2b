import { describe, expect, it } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  canonicalQuantity,
  compareQuantities,
  mustParseQuantity,
  parseQuantity,
  addQuantities,
  formatQuantity,
  quantityMilliValue,
  quantityValue,
} from './quantity.ts';

const bytes = (s: string | number) => quantityValue(mustParseQuantity(s));

describe('parseQuantity', () => {
  it.each([
    ['5Gi', 5n * 1024n ** 3n],
    ['500Mi', 500n * 1024n ** 2n],
    ['1e9', 1_000_000_000n],
    ['2G', 2_000_000_000n],
    ['1.5Gi', 1536n * 1024n ** 2n],
    ['1Ki', 1024n],
    ['100', 100n],
    ['1E3', 1000n],
    ['1e+3', 1000n],
    [1073741824, 1073741824n],
    ['0.5Ki', 512n],
  ])('%s is %d bytes', (input, expected) => {
    expect(bytes(input)).toBe(expected);
  });

  it('keeps milli precision', () => {
    expect(mustParseQuantity('100m').nanos).toBe(100_000_000n);
    expect(mustParseQuantity('0.1').nanos).toBe(100_000_000n);
  });

  it('rounds values below nano precision up, like the API server', () => {
    expect(mustParseQuantity('0.0000000001').nanos).toBe(1n);
  });

  it.each(['2GB', 'five', '', '1..2Gi', 'Gi'])('rejects %j with the decode error', (input) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error: QUANTITY_FORMAT_ERROR });
  });

  it('rejects an unknown suffix that matches the pattern', () => {
    expect(parseQuantity('2iG')).toEqual({ ok: false, error: QUANTITY_SUFFIX_ERROR });
    expect(parseQuantity('1Kii')).toEqual({ ok: false, error: QUANTITY_SUFFIX_ERROR });
  });
});

describe('compareQuantities', () => {
  it('compares across formats numerically: 1G < 1Gi', () => {
    expect(compareQuantities(mustParseQuantity('1G'), mustParseQuantity('1Gi'))).toBe(-1);
    expect(compareQuantities(mustParseQuantity('1024Mi'), mustParseQuantity('1Gi'))).toBe(0);
    expect(compareQuantities(mustParseQuantity('5Gi'), mustParseQuantity('2Gi'))).toBe(1);
  });
});

describe('canonicalQuantity (Quantity.String())', () => {
  it.each([
    ['5Gi', '5Gi'],
    ['2048Mi', '2Gi'],
    ['1.5Gi', '1536Mi'],
    ['1000M', '1G'],
    ['2G', '2G'],
    ['1e9', '1e9'],
    ['1e3', '1e3'],
    ['0.5', '500m'],
    ['1000Mi', '1000Mi'],
    ['512', '512'],
    ['2000', '2k'],
    ['0.5Ki', '512'],
    [1000000000, '1G'],
    ['0', '0'],
    ['0Gi', '0'],
    ['500Mi', '500Mi'],
    ['0.5Gi', '512Mi'],
    ['1500M', '1500M'],
    ['5000000000', '5G'],
    ['1200', '1200'],
    ['100m', '100m'],
    ['2000m', '2'],
    ['1.5', '1500m'],
    ['1Ki', '1Ki'],
    ['102625208Ki', '102625208Ki'],
    [5, '5'],
  ])('%s prints as %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });
});

describe('quantity arithmetic (Add, Value, MilliValue)', () => {
  const q = mustParseQuantity;
  it('adds keeping the first non-zero format', () => {
    expect(formatQuantity(addQuantities(q('100m'), q('200m')))).toBe('300m');
    expect(formatQuantity(addQuantities(q('128Mi'), q('64Mi')))).toBe('192Mi');
    expect(formatQuantity(addQuantities(q('0'), q('64Mi')))).toBe('64Mi');
  });

  it('rounds Value and MilliValue up', () => {
    expect(quantityMilliValue(q('1.5'))).toBe(1500n);
    expect(quantityMilliValue(q('0.0001'))).toBe(1n);
    expect(quantityValue(q('100m'))).toBe(1n);
    expect(quantityValue(q('1Gi'))).toBe(1073741824n);
  });
});
