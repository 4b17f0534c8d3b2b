import { describe, expect, it } from 'vitest';
import { debouncedStorage } from './debounced-storage.ts';

describe('debouncedStorage', () => {
  it('writes the newest value once per delay, reads pending values, and flushes on demand', () => {
    const data = new Map<string, string>();
    const writes: string[] = [];
    const timers: (() => void)[] = [];
    const s = debouncedStorage(
      { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => (writes.push(v), void data.set(k, v)) },
      300,
      { setTimeout: (fn) => timers.push(fn), clearTimeout: () => {} },
    );
    s.setItem('a', '1');
    s.setItem('a', '2');
    expect(s.getItem('a')).toBe('2');
    expect(writes).toEqual([]);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(writes).toEqual(['2']);
    s.setItem('a', '3');
    s.flush();
    expect(data.get('a')).toBe('3');
  });

  it('a storage that refuses (quota) does not break the page', () => {
    const s = debouncedStorage({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } }, 10, { setTimeout: () => 1, clearTimeout: () => {} });
    s.setItem('a', 'x'.repeat(10));
    expect(() => s.flush()).not.toThrow();
  });
});
