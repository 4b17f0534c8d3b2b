import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableFloor, readableViewport } from './readable-fit.ts';

describe('readable fit (presentation mode)', () => {
  it('has no floor outside presentation mode; the text size raises it inside', () => {
    expect(readableFloor(false, 2)).toBe(0);
    expect(readableFloor(true, 1)).toBe(READABLE_ZOOM);
    expect(readableFloor(true, 1.5)).toBeCloseTo(READABLE_ZOOM * 1.5);
  });

  it('keeps a fit that is already readable', () => {
    const fit = { x: 10, y: 20, zoom: 1.2 };
    expect(readableViewport(fit, { x: 0, y: 0, width: 500, height: 300 }, 1000, 600, 0.9)).toBe(fit);
  });

  it('frames a scene too big at the readable zoom from its top-left corner', () => {
    // 3000×1200 graph in a 1200×600 view would fit at 0.4: at 0.9 it starts at the view's corner.
    const vp = readableViewport({ x: 0, y: 0, zoom: 0.4 }, { x: 100, y: 50, width: 3000, height: 1200 }, 1200, 600, 0.9);
    expect(vp.zoom).toBe(0.9);
    expect(vp.x + 100 * 0.9).toBe(24);
    expect(vp.y + 50 * 0.9).toBe(24);
  });

  it('centres the scene on an axis where it fits at the readable zoom', () => {
    // Wide but short: too wide at 0.9, so anchored left; 200 tall fits, so centred vertically.
    const vp = readableViewport({ x: 0, y: 0, zoom: 0.5 }, { x: 0, y: 0, width: 2400, height: 200 }, 1200, 600, 0.9);
    expect(vp.x).toBe(24);
    expect(vp.y).toBe((600 - 200 * 0.9) / 2);
  });
});
