import { describe, expect, it } from 'vitest';
import { addQuantity, canonicalQuantity, formatQuantity, compareQuantity, parseQuantity, quantityMilliValue, quantityValue } from './quantity.ts';

describe('canonicalQuantity (resource.Quantity String())', () => {
  it.each([
    ['5Gi', '5Gi'],
    ['500Mi', '500Mi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1G', '1G'],
    ['1000M', '1G'],
    ['1500M', '1500M'],
    ['5000000000', '5G'],
    ['1200', '1200'],
    ['1000', '1k'],
    ['100m', '100m'],
    ['2000m', '2'],
    ['1.5', '1500m'],
    ['0.1', '100m'],
    ['512', '512'],
    ['0.5Ki', '512'],
    ['1Ki', '1Ki'],
    ['102625208Ki', '102625208Ki'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['0Gi', '0'],
    [5, '5'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it('leaves malformed input alone', () => {
    expect(canonicalQuantity('5GB')).toBe('5GB');
    expect(parseQuantity('abc')).toBeUndefined();
  });
});

describe('quantity arithmetic', () => {
  const q = (s: string) => parseQuantity(s)!;
  it('adds keeping the first format, compares exactly, rounds up', () => {
    expect(formatQuantity(addQuantity(q('100m'), q('200m')))).toBe('300m');
    expect(formatQuantity(addQuantity(q('128Mi'), q('64Mi')))).toBe('192Mi');
    expect(formatQuantity(addQuantity(parseQuantity('0')!, q('64Mi')))).toBe('64Mi');
    expect(compareQuantity(q('1Gi'), q('1024Mi'))).toBe(0);
    expect(compareQuantity(q('1G'), q('1Gi'))).toBe(-1);
    expect(quantityMilliValue(q('1.5'))).toBe(1500n);
    expect(quantityMilliValue(q('0.0001'))).toBe(1n);
    expect(quantityValue(q('100m'))).toBe(1n);
    expect(quantityValue(q('2Ki'))).toBe(2048n);
  });
});
