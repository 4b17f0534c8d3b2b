// Presentation mode frames the canvas so the cards can be read from the back of a room: a fit
// never goes below a readable zoom there (the teacher's text size raises it). A scene too big for
// the screen at that zoom is framed from its top-left corner (zones and nodes come first), and the
// rest is a pan or "zoom to selection" away, rather than the whole scene shrunk to 6 px text.

/** The zoom at which a card's smallest text is still about 10 px on screen. */
export const READABLE_ZOOM = 0.9;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The lowest zoom a fit may use: READABLE_ZOOM times the text size in presentation mode, none outside it. */
export function readableFloor(presentation: boolean, textScale: number): number {
  return presentation ? Math.round(READABLE_ZOOM * textScale * 100) / 100 : 0;
}

/**
 * `fit` (the viewport framing all of `bounds`) when its zoom is at least `floor`; otherwise the
 * floor's zoom, with the graph's top-left corner a margin from the view's (centred on an axis
 * where the graph fits).
 */
export function readableViewport(fit: Viewport, bounds: Bounds, width: number, height: number, floor: number, margin = 24): Viewport {
  if (fit.zoom >= floor) return fit;
  const zoom = floor;
  const along = (start: number, size: number, view: number) => (size * zoom + 2 * margin <= view ? (view - size * zoom) / 2 - start * zoom : margin - start * zoom);
  return { x: along(bounds.x, bounds.width, width), y: along(bounds.y, bounds.height, height), zoom };
}
