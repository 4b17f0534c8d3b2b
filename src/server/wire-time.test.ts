import { describe, expect, it } from 'vitest';
import { shiftTimes } from './wire-time.ts';

describe('shiftTimes', () => {
  it('moves every whole RFC 3339 string, keeping MicroTime fractions, and nothing else', () => {
    const obj = {
      metadata: { creationTimestamp: '2026-01-01T00:00:05Z', annotations: { note: 'made 2026-01-01T00:00:05Z', age: '5s' } },
      eventTime: '2026-01-01T00:00:05.123456Z',
      items: ['2026-01-01T23:59:59Z', 3, null, true],
    };
    const day = 86_400_000;
    expect(shiftTimes(obj, day + 1000)).toEqual({
      metadata: { creationTimestamp: '2026-01-02T00:00:06Z', annotations: { note: 'made 2026-01-01T00:00:05Z', age: '5s' } },
      eventTime: '2026-01-02T00:00:06.123456Z',
      items: ['2026-01-03T00:00:00Z', 3, null, true],
    });
    // There and back is the identity; the input is left as it was.
    expect(shiftTimes(shiftTimes(obj, day), -day)).toEqual(obj);
    expect(obj.metadata.creationTimestamp).toBe('2026-01-01T00:00:05Z');
  });

  it('keeps user keys such as __proto__ as ordinary keys', () => {
    const parsed = JSON.parse('{"__proto__": {"x": "2026-01-01T00:00:00Z"}}') as Record<string, unknown>;
    const out = shiftTimes(parsed, 1000) as Record<string, Record<string, string>>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(out['__proto__']!['x']).toBe('2026-01-01T00:00:01Z');
  });
});
