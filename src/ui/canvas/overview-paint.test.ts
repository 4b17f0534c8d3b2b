import { describe, expect, it } from 'vitest';
import type { OverviewTile } from './overview.ts';
import { edgePaths, paintOverview, tileAt, tileToward, visibleTiles, type OverviewPalette, type Paint2D } from './overview-paint.ts';

const tile = (id: string, x: number, y: number, tone: OverviewTile['tone'] = 'blue'): OverviewTile => ({ id, x, y, w: 224, h: 78, tone, name: id, ariaLabel: `ConfigMap ${id}` });
// A 100 x 100 grid of tiles 250 apart: 10,000 tiles, 25,000 flow units square.
const grid = Array.from({ length: 10_000 }, (_, i) => tile(`t${i}`, (i % 100) * 250, Math.floor(i / 100) * 100, i % 7 === 0 ? 'green' : 'blue'));

const palette: OverviewPalette = {
  tiles: { green: { fill: 'g-fill', bar: 'g-bar', ink: 'g-ink' }, amber: { fill: 'a', bar: 'a', ink: 'a' }, blue: { fill: 'b-fill', bar: 'b-bar', ink: 'b-ink' }, grey: { fill: 'x', bar: 'x', ink: 'x' }, red: { fill: 'r', bar: 'r', ink: 'r' }, violet: { fill: 'v', bar: 'v', ink: 'v' } },
  stroke: 'stroke',
  selected: 'sel',
  edges: { uses: 'u', bound: 'b', provisioned: 'p', waiting: 'w', config: 'c', owns: 'o', selects: 's' },
  font: 'mono',
};

/** A 2D context that records calls. */
function fakeContext() {
  const calls: string[] = [];
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    font: '',
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    setTransform: () => calls.push('setTransform'),
    clearRect: () => calls.push('clearRect'),
    beginPath: () => calls.push('beginPath'),
    roundRect: () => calls.push('roundRect'),
    rect: () => calls.push('rect'),
    fill: () => calls.push(`fill ${String(ctx.fillStyle)}`),
    stroke: () => calls.push(`stroke ${String(ctx.strokeStyle)}`),
    fillText: (text: string) => calls.push(`text ${text}`),
    setLineDash: () => calls.push('dash'),
    save: () => {},
    restore: () => {},
  };
  return { ctx: ctx as unknown as Paint2D, calls };
}

const count = (calls: string[], name: string) => calls.filter((c) => c === name || c.startsWith(`${name} `)).length;

describe('the overview painted on a canvas', () => {
  it('paints only the tiles on screen, one fill per tone, with names once they are large enough to read', () => {
    const { ctx, calls } = fakeContext();
    // Zoom 0.5 at the origin: a 1000 x 500 canvas shows flow x 0..2000, y 0..1000.
    const shown = paintOverview(ctx, { tiles: grid, edges: {}, palette, vp: { x: 0, y: 0, zoom: 0.5 }, width: 1000, height: 500, dpr: 1, selectedId: null, focusedId: null });
    expect(shown).toBe(visibleTiles(grid, { x: 0, y: 0, zoom: 0.5 }, 1000, 500).length);
    expect(shown).toBe(9 * 11); // columns 0..8 (x ≤ 2000), rows 0..10 (y ≤ 1000)
    expect(count(calls, 'roundRect')).toBe(2 * shown);
    expect(calls.filter((c) => c.startsWith('fill ')).sort()).toEqual(['fill b-bar', 'fill b-fill', 'fill g-bar', 'fill g-fill']);
    expect(count(calls, 'text')).toBe(shown);
  });

  it('far out, every tile is a plain block in its strong colour, without names', () => {
    const { ctx, calls } = fakeContext();
    const shown = paintOverview(ctx, { tiles: grid, edges: {}, palette, vp: { x: 0, y: 0, zoom: 0.03 }, width: 1000, height: 500, dpr: 2, selectedId: 't5', focusedId: null });
    expect(shown).toBe(10_000);
    expect(count(calls, 'rect')).toBe(10_000);
    expect(count(calls, 'roundRect')).toBe(1); // the selected tile's outline only
    expect(calls.filter((c) => c.startsWith('fill ')).sort()).toEqual(['fill b-bar', 'fill g-bar']);
    expect(count(calls, 'text')).toBe(0);
    expect(calls).toContain('stroke sel');
  });

  it('strokes each relation\'s edges once, in its colour', () => {
    const made: { d?: string; added: number }[] = [];
    const make = (d?: string) => {
      const p = { d, added: 0, addPath: () => void p.added++ };
      made.push(p);
      return p as unknown as Path2D;
    };
    const paths = edgePaths([{ id: 'a', relation: 'bound', d: 'M0 0' }, { id: 'b', relation: 'bound', d: 'M1 1' }, { id: 'c', relation: 'uses', d: 'M2 2' }], make);
    expect(Object.keys(paths).sort()).toEqual(['bound', 'uses']);
    expect((paths.bound as unknown as { added: number }).added).toBe(2);
    const { ctx, calls } = fakeContext();
    paintOverview(ctx, { tiles: [], edges: paths, palette, vp: { x: 0, y: 0, zoom: 1 }, width: 100, height: 100, dpr: 1, selectedId: null, focusedId: null });
    expect(calls.filter((c) => c.startsWith('stroke ')).sort()).toEqual(['stroke b', 'stroke u']);
  });

  it('finds the tile under the pointer through the viewport, and none between tiles', () => {
    const vp = { x: -100, y: 50, zoom: 0.5 };
    // Screen (px, py) is flow ((px - x) / zoom, (py - y) / zoom).
    expect(tileAt(grid, vp, -100 + 0.5 * (250 + 10), 50 + 0.5 * (100 + 10))?.id).toBe('t101');
    expect(tileAt(grid, vp, -100 + 0.5 * (250 + 230), 50 + 0.5 * 10)).toBeUndefined();
  });

  it('moves the keyboard focus to the nearest tile in the arrow\'s direction', () => {
    const at = grid[505]!; // column 5, row 5
    expect(tileToward(grid, at, 'ArrowRight')?.id).toBe('t506');
    expect(tileToward(grid, at, 'ArrowLeft')?.id).toBe('t504');
    expect(tileToward(grid, at, 'ArrowDown')?.id).toBe('t605');
    expect(tileToward(grid, at, 'ArrowUp')?.id).toBe('t405');
    expect(tileToward(grid, grid[0]!, 'ArrowUp')).toBeUndefined();
  });
});
