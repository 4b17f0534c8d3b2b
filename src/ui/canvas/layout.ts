// Geometry of the canvas, by hand and deterministic: a left "cluster" region (zone lanes, node
// boxes holding their pods and node-local volumes, an Unscheduled box); to its right a row of
// StorageClasses on top and, below it, a column of claims and a column of cluster-wide volumes.
// Every row and column is ordered by object key and laid out on its own, so a change in one
// never moves another's cards.
export const CARD_W = 224;
export const CARD_H = 78;
export const GAP = 14;
export const PAD = 14;
/** Node box: header height and width (one card plus padding). */
export const NODE_HEADER = 60;
export const NODE_W = CARD_W + 2 * PAD;
/** Height of the "Local volumes" caption inside a node box. */
export const SECTION_CAPTION = 28;
export const EMPTY_NODE_BODY = 36;
export const ZONE_HEADER = 40;
export const ZONE_PAD = 16;
export const REGION_GAP = 28;
/** Between node boxes side by side. */
export const NODE_GAP = 20;
export const COLUMN_GAP = 84;
/** Headings sit this far above the cards they title. */
export const HEADING_OFFSET = 40;
/** Top of the claims and volumes columns: below the class row and its own heading. */
export const COLUMNS_TOP = CARD_H + 44 + HEADING_OFFSET;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A vertical stack of cards starting at (x, y). */
export function stack(count: number, x: number, y: number): Box[] {
  return Array.from({ length: count }, (_, i) => ({ x, y: y + i * (CARD_H + GAP), w: CARD_W, h: CARD_H }));
}

/** Cards per column before a list wraps into the next column. */
export const ROWS_PER_COLUMN = 10;

/**
 * Rows of a wrapped list: ROWS_PER_COLUMN for everyday lists, more for long ones, so that a few
 * hundred cards make a roughly square block rather than a strip too wide to fit on screen.
 */
export function rowsFor(count: number): number {
  return Math.max(ROWS_PER_COLUMN, Math.ceil(Math.sqrt(count * 3)));
}
/** Between wrapped columns of one list (narrower than between lists). */
export const WRAP_GAP = 24;

/** Cards top to bottom, wrapping into a new column every rowsFor(count) cards; one column for short lists. */
export function grid(count: number, x: number, y: number): Box[] {
  const rows = rowsFor(count);
  return Array.from({ length: count }, (_, i) => ({
    x: x + Math.floor(i / rows) * (CARD_W + WRAP_GAP),
    y: y + (i % rows) * (CARD_H + GAP),
    w: CARD_W,
    h: CARD_H,
  }));
}

/** Width of a wrapped list: one card wide up to ROWS_PER_COLUMN cards, then a column per rowsFor(count). */
export function gridWidth(count: number): number {
  const columns = Math.max(1, Math.ceil(count / rowsFor(count)));
  return columns * CARD_W + (columns - 1) * WRAP_GAP;
}

/** Height of `count` stacked cards (0 for none). */
export function stackHeight(count: number): number {
  return count === 0 ? 0 : count * CARD_H + (count - 1) * GAP;
}

/** Height of a wrapped list of `count` cards (rowsFor(count) at most per column). */
export function gridHeight(count: number): number {
  return stackHeight(Math.min(count, rowsFor(count)));
}

/** Size of a node box holding `pods` pods and `locals` node-local volumes (both lists wrap into columns). */
export function nodeBoxHeight(pods: number, locals: number): number {
  const podsH = pods === 0 ? EMPTY_NODE_BODY : gridHeight(pods);
  const localsH = locals === 0 ? 0 : SECTION_CAPTION + gridHeight(locals) + GAP;
  return NODE_HEADER + podsH + localsH + PAD;
}

/** Width of a node box: one card plus padding, wider when a list wraps into more columns. */
export function nodeBoxWidth(pods: number, locals: number): number {
  return 2 * PAD + gridWidth(Math.max(1, pods, locals));
}

/** Where the node-local volume list starts inside a node box (relative to the box). */
export function localVolumesTop(pods: number): number {
  return NODE_HEADER + (pods === 0 ? EMPTY_NODE_BODY : gridHeight(pods)) + GAP + SECTION_CAPTION;
}

export type HandleSide = 'top' | 'right' | 'bottom' | 'left';

/**
 * Which sides an edge leaves and enters by: straight down when the target sits under the
 * source, otherwise sideways towards it. Handle ids are `out-<side>` and `in-<side>`.
 */
export function facingSides(s: Box, t: Box): { source: HandleSide; target: HandleSide } {
  const overlapX = Math.min(s.x + s.w, t.x + t.w) - Math.max(s.x, t.x);
  if (overlapX > 0) return t.y >= s.y ? { source: 'bottom', target: 'top' } : { source: 'top', target: 'bottom' };
  return t.x >= s.x + s.w ? { source: 'right', target: 'left' } : { source: 'left', target: 'right' };
}
