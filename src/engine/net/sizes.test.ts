// The five-character sizes curl's meter (max5data) and busybox's progress line (smart_ulltoa5) print.
import { describe, expect, it } from 'vitest';
import { max5 } from './curl.ts';
import { size5 } from './wget.ts';

describe('five-character sizes', () => {
  it.each([
    [615, '  615', '  615'],
    [99999, '99999', '99999'],
    [100000, '  97k', '97.6k'],
    [614400, ' 600k', ' 600k'],
    [12 * 1024 * 1024 + 300 * 1024, '12.2M', '12.2M'],
  ])('%d bytes: curl %j, busybox %j', (bytes, curl, busybox) => {
    expect(max5(bytes)).toBe(curl);
    expect(size5(bytes)).toBe(busybox);
  });
});
