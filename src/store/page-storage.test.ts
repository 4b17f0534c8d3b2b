import { describe, expect, it } from 'vitest';
import { isEmbedSearch, memoryStorage, pageStorage } from './page-storage.ts';

describe('page storage', () => {
  it('knows an embed by its ?embed parameter, whatever its value', () => {
    expect(isEmbedSearch('?embed=canvas')).toBe(true);
    expect(isEmbedSearch('?a=1&embed')).toBe(true);
    expect(isEmbedSearch('')).toBe(false);
    expect(isEmbedSearch('?embedded=1')).toBe(false);
  });

  it('keeps values in memory only', () => {
    const s = memoryStorage();
    expect(s.getItem('k')).toBeNull();
    s.setItem('k', 'v');
    expect(s.getItem('k')).toBe('v');
    s.removeItem('k');
    expect(s.getItem('k')).toBeNull();
  });

  it('is undefined without a window (Node, the CLI)', () => {
    expect(pageStorage()).toBeUndefined();
  });
});
