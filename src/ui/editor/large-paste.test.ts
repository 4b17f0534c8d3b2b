import { describe, expect, it } from 'vitest';
import { pasteSlices } from './large-paste.ts';

describe('pasteSlices', () => {
  it('cuts a large paste at line breaks into slices that join back into the text', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `  key-${i}: "${'x'.repeat(1000)}"`);
    const text = rows.join('\n') + '\n';
    const slices = pasteSlices(text, 128 * 1024);
    expect(slices.join('')).toBe(text);
    expect(slices.length).toBeGreaterThanOrEqual(Math.ceil(text.length / (128 * 1024)));
    for (const s of slices.slice(0, -1)) {
      expect(s.endsWith('\n')).toBe(true);
      expect(s.length).toBeLessThanOrEqual(128 * 1024);
    }
  });

  it('cuts a text without line breaks at the size, never inside a surrogate pair', () => {
    const text = '😀'.repeat(100); // 200 UTF-16 units
    const slices = pasteSlices(text, 33);
    expect(slices.join('')).toBe(text);
    for (const s of slices) expect(s.length % 2).toBe(0);
    expect(pasteSlices('', 10)).toEqual([]);
  });
});
