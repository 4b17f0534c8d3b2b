import { describe, expect, it } from 'vitest';
import { extrapolateTextTimes } from './text-times.ts';

describe('times printed in text, moved on by whole cycles', () => {
  it("moves date's default, -R and -Iseconds shapes by the step between a, b and c", () => {
    const at = (t: string) => `hello\n${t}\n`;
    expect(extrapolateTextTimes(at('Thu Jan  1 00:00:00 UTC 2026'), at('Thu Jan  1 00:05:00 UTC 2026'), at('Thu Jan  1 00:10:00 UTC 2026'), 288)).toBe(at('Fri Jan  2 00:10:00 UTC 2026'));
    expect(extrapolateTextTimes('Thu, 01 Jan 2026 23:00:00 +0000', 'Thu, 01 Jan 2026 23:30:00 +0000', 'Fri, 02 Jan 2026 00:00:00 +0000', 2)).toBe('Fri, 02 Jan 2026 01:00:00 +0000');
    expect(extrapolateTextTimes('2026-01-01T00:00:00+00:00 x 2026-01-01T00:00:00+0000', '2026-01-01T00:00:10+00:00 x 2026-01-01T00:00:20+0000', '2026-01-01T00:00:20+00:00 x 2026-01-01T00:00:40+0000', 3)).toBe('2026-01-01T00:00:50+00:00 x 2026-01-01T00:01:40+0000');
  });

  it('refuses text that differs elsewhere, times that do not move evenly, and text with no times', () => {
    expect(extrapolateTextTimes('a Thu Jan  1 00:00:00 UTC 2026', 'b Thu Jan  1 00:05:00 UTC 2026', 'c Thu Jan  1 00:10:00 UTC 2026', 1)).toBeUndefined();
    expect(extrapolateTextTimes('Thu Jan  1 00:00:00 UTC 2026', 'Thu Jan  1 00:05:00 UTC 2026', 'Thu Jan  1 00:11:00 UTC 2026', 1)).toBeUndefined();
    expect(extrapolateTextTimes('x', 'y', 'z', 1)).toBeUndefined();
    // Past year 9999 a time no longer prints in its shape.
    expect(extrapolateTextTimes('Thu Jan  1 00:00:00 UTC 2026', 'Fri Jan  1 00:00:00 UTC 9998', 'Fri Dec 31 00:00:00 UTC 9999', 5)).toBeUndefined();
  });
});
