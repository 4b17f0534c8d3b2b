// The overview's tiles and edges painted on one <canvas> (OverviewCanvas.tsx) instead of SVG, for
// the largest clusters. Ten thousand SVG tiles cost the page about a second of style, layout and
// paint the first time they are shown (and React creates 40,000 DOM elements for them), far over
// the 100 ms a task may take; a canvas paints only the tiles on screen, in a few milliseconds, on
// every pan and zoom. Pure: a 2D context in, no DOM and no React, so tests drive it with a fake.
import type { EdgeRelation } from './graph.ts';
import type { OverviewEdge, OverviewTile } from './overview.ts';
import type { Tone } from './status.ts';

/** Above this many tiles the overview paints on a canvas; below, SVG tiles keep the DOM's own focus and roles. */
export const CANVAS_TILES_ABOVE = 600;

/** The overview's colours as the stylesheet says them (index.css), read once per theme. */
export interface OverviewPalette {
  tiles: Record<Tone, { fill: string; bar: string; ink: string }>;
  stroke: string;
  selected: string;
  edges: Record<EdgeRelation, string>;
  font: string;
}

/** What React Flow's viewport shows: flow x = (screen x - x) / zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The part of the 2D context the painter uses (a fake in tests). */
export type Paint2D = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'beginPath' | 'roundRect' | 'rect' | 'fill' | 'stroke' | 'fillText' | 'setLineDash' | 'save' | 'restore'
> & { fillStyle: unknown; strokeStyle: unknown; lineWidth: number; font: string; textBaseline: CanvasTextBaseline };

/** Edge paths per relation, parsed once per model (Path2D takes SVG path data as it is). */
export type EdgePaths = Partial<Record<EdgeRelation, Path2D>>;

export function edgePaths(edges: readonly OverviewEdge[], make: (d?: string) => Path2D = (d) => new Path2D(d)): EdgePaths {
  const out: EdgePaths = {};
  for (const e of edges) (out[e.relation] ??= make()).addPath(make(e.d));
  return out;
}

/** The same dashes and widths as the SVG overview's edges (index.css), in screen pixels. */
const EDGE_STYLE: Record<EdgeRelation, { width: number; dash: number[] }> = {
  uses: { width: 1.25, dash: [] },
  bound: { width: 1.75, dash: [] },
  provisioned: { width: 1.25, dash: [2, 3] },
  config: { width: 1.25, dash: [1, 3] },
  waiting: { width: 1.25, dash: [5, 4] },
  owns: { width: 1.25, dash: [4, 2, 1, 2] },
  selects: { width: 1.25, dash: [6, 2] },
};

/** A tile's height in flow units (a card's), and the screen height below which tiles are plain blocks. */
const TILE_H_PX = 78;
const MOSAIC_BELOW_PX = 8;
/** The selected and focused tiles' rings are at least this high on screen. */
const RING_MIN_PX = 16;

/** The tile name's size in flow units (the SVG tiles' 30 px), and the screen size below which it is left out. */
const NAME_PX = 30;
const NAME_MIN_SCREEN_PX = 5;

/** The tiles whose boxes meet the screen rectangle `w`×`h` (CSS pixels) under viewport `vp`. */
export function visibleTiles(tiles: readonly OverviewTile[], vp: Viewport, w: number, h: number): OverviewTile[] {
  const x0 = -vp.x / vp.zoom, y0 = -vp.y / vp.zoom;
  const x1 = x0 + w / vp.zoom, y1 = y0 + h / vp.zoom;
  return tiles.filter((t) => t.x + t.w >= x0 && t.x <= x1 && t.y + t.h >= y0 && t.y <= y1);
}

/**
 * Paints edges, then tiles (body, bar, name when it is large enough to read), then the selected
 * and the keyboard-focused tiles' outlines. One fill per tone, so 10,000 tiles are a few calls.
 */
export function paintOverview(
  ctx: Paint2D,
  opts: { tiles: readonly OverviewTile[]; edges: EdgePaths; palette: OverviewPalette; vp: Viewport; width: number; height: number; dpr: number; selectedId: string | null; focusedId: string | null },
): number {
  const { vp, dpr, palette } = opts;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, opts.width, opts.height);
  ctx.setTransform(dpr * vp.zoom, 0, 0, dpr * vp.zoom, dpr * vp.x, dpr * vp.y);
  for (const [relation, path] of Object.entries(opts.edges) as [EdgeRelation, Path2D][]) {
    const style = EDGE_STYLE[relation];
    ctx.strokeStyle = palette.edges[relation];
    ctx.lineWidth = style.width / vp.zoom;
    ctx.setLineDash(style.dash.map((d) => d / vp.zoom));
    (ctx.stroke as (p: Path2D) => void)(path);
  }
  ctx.setLineDash([]);
  const shown = visibleTiles(opts.tiles, vp, opts.width, opts.height);
  const byTone = new Map<Tone, OverviewTile[]>();
  for (const t of shown) {
    const list = byTone.get(t.tone);
    if (list) list.push(t);
    else byTone.set(t.tone, [t]);
  }
  // Far out (a tile a few pixels high) a tile is a block of its phase's strong colour: outlines
  // and rounded corners would blur ten thousand tiles into grey.
  if (TILE_H_PX * vp.zoom < MOSAIC_BELOW_PX) {
    for (const [tone, list] of byTone) {
      ctx.beginPath();
      for (const t of list) ctx.rect(t.x, t.y, t.w, t.h);
      ctx.fillStyle = palette.tiles[tone].bar;
      ctx.fill();
    }
  } else for (const [tone, list] of byTone) {
    const colours = palette.tiles[tone];
    ctx.beginPath();
    for (const t of list) ctx.roundRect(t.x, t.y, t.w, t.h, 10);
    ctx.fillStyle = colours.fill;
    ctx.fill();
    ctx.strokeStyle = palette.stroke;
    ctx.lineWidth = 1 / vp.zoom;
    ctx.stroke();
    ctx.beginPath();
    for (const t of list) ctx.roundRect(t.x, t.y, 16, t.h, 4);
    ctx.fillStyle = colours.bar;
    ctx.fill();
  }
  if (NAME_PX * vp.zoom >= NAME_MIN_SCREEN_PX) {
    ctx.font = `600 ${NAME_PX}px ${palette.font}`;
    ctx.textBaseline = 'alphabetic';
    for (const t of shown) {
      ctx.fillStyle = palette.tiles[t.tone].ink;
      ctx.fillText(t.name, t.x + 30, t.y + t.h / 2 + 11);
    }
  }
  for (const [id, width] of [[opts.selectedId, 3], [opts.focusedId, 2]] as const) {
    const t = id ? opts.tiles.find((x) => x.id === id) : undefined;
    if (!t) continue;
    // Far out the ring is drawn around the tile at a size that can be seen (a tile is a few pixels).
    const pad = Math.max(0, (RING_MIN_PX / vp.zoom - t.h) / 2);
    ctx.beginPath();
    ctx.roundRect(t.x - pad, t.y - pad, t.w + 2 * pad, t.h + 2 * pad, 10 + pad);
    ctx.strokeStyle = palette.selected;
    ctx.lineWidth = width / vp.zoom;
    ctx.stroke();
  }
  return shown.length;
}

/** The tile under a point of the canvas (CSS pixels from its top left), the topmost if several. */
export function tileAt(tiles: readonly OverviewTile[], vp: Viewport, px: number, py: number): OverviewTile | undefined {
  const x = (px - vp.x) / vp.zoom, y = (py - vp.y) / vp.zoom;
  for (let i = tiles.length - 1; i >= 0; i--) {
    const t = tiles[i]!;
    if (x >= t.x && x <= t.x + t.w && y >= t.y && y <= t.y + t.h) return t;
  }
  return undefined;
}

/**
 * The tile an arrow key moves the keyboard focus to: the nearest one whose centre lies that way
 * (ahead on that axis, ties broken by distance across it), as a spatial roving focus.
 */
export function tileToward(tiles: readonly OverviewTile[], from: OverviewTile, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): OverviewTile | undefined {
  const cx = from.x + from.w / 2, cy = from.y + from.h / 2;
  const [dx, dy] = key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowRight' ? [1, 0] : key === 'ArrowUp' ? [0, -1] : [0, 1];
  let best: OverviewTile | undefined;
  let bestScore = Infinity;
  for (const t of tiles) {
    if (t === from) continue;
    const ax = t.x + t.w / 2 - cx, ay = t.y + t.h / 2 - cy;
    const along = ax * dx + ay * dy;
    if (along <= 1) continue;
    const across = Math.abs(ax * dy) + Math.abs(ay * dx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [t, score];
  }
  return best;
}
