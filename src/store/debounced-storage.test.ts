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

  it('a lazy value is made once, when it is written (a burst of changes serializes once), or when it is read', () => {
    const data = new Map<string, string>();
    const timers: (() => void)[] = [];
    const s = debouncedStorage({ getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }, 300, { setTimeout: (fn) => timers.push(fn), clearTimeout: () => {} });
    let made = 0;
    for (let i = 0; i < 5; i++) s.setItemLazy('a', () => (made++, `v${i}`));
    expect(made).toBe(0);
    timers[0]!();
    // Made in the timer's task, written in the next.
    expect(made).toBe(1);
    expect(data.has('a')).toBe(false);
    expect(timers).toHaveLength(2);
    timers[1]!();
    expect(data.get('a')).toBe('v4');
    s.setItemLazy('a', () => (made++, 'read'));
    expect(s.getItem('a')).toBe('read');
    expect(s.getItem('a')).toBe('read');
    s.flush();
    expect(made).toBe(2);
    expect(data.get('a')).toBe('read');
  });

  it('a storage that refuses (quota) does not break the page', () => {
    const s = debouncedStorage({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } }, 10, { setTimeout: () => 1, clearTimeout: () => {} });
    s.setItem('a', 'x'.repeat(10));
    expect(() => s.flush()).not.toThrow();
  });
});
