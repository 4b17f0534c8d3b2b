// The overview's tiles and edges on one <canvas> over React Flow's pane, for clusters too large
// for SVG tiles (overview-paint.ts says why). The canvas is screen-sized and repainted in the
// next animation frame whenever the view moves, so it costs the same at 1,000 or 100,000 tiles
// zoomed in, and a few milliseconds for all of them zoomed out. Pointer events go through it to
// React Flow (pan and zoom); clicks, double-clicks and right-clicks on a tile are taken from the
// pane before React Flow sees them. From the keyboard the canvas is one focusable element: the
// arrow keys move between tiles (read out by a live region), Enter selects, Shift+F10 opens the
// tile's actions.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore } from '@xyflow/react';
import type { EdgeRelation } from './graph.ts';
import type { OverviewEdge, OverviewTile } from './overview.ts';
import type { Tone } from './status.ts';
import { edgePaths, paintOverview, tileAt, tileToward, type OverviewPalette } from './overview-paint.ts';
import { useResolvedTheme } from '../app/useResolvedTheme.ts';

interface Props {
  tiles: OverviewTile[];
  edges: OverviewEdge[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onMenu: (event: MouseEvent, id: string) => void;
}

const TONES: Tone[] = ['green', 'amber', 'blue', 'grey', 'red', 'violet'];
const RELATIONS: EdgeRelation[] = ['uses', 'bound', 'provisioned', 'waiting', 'config', 'owns', 'selects'];

/**
 * The colours the stylesheet gives the SVG overview (index.css), read from hidden probes so the
 * canvas and the SVG tiles never disagree, in either theme.
 */
function readPalette(probes: HTMLElement): OverviewPalette {
  const css = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
  const tiles = {} as OverviewPalette['tiles'];
  for (const tone of TONES) {
    const g = probes.querySelector(`.tone-${tone}`)!;
    tiles[tone] = { fill: css(g, '--tile-fill'), bar: css(g, '--tile-bar'), ink: css(g, '--tile-ink') };
  }
  const edges = {} as OverviewPalette['edges'];
  for (const r of RELATIONS) edges[r] = css(probes, `--edge-${r}`) || '#64748b';
  const body = probes.querySelector('.overview-tile-body')!;
  return { tiles, edges, stroke: getComputedStyle(body).stroke, selected: '#6366f1', font: css(probes, '--font-mono') || 'monospace' };
}

export function OverviewCanvas({ tiles, edges, selectedId, onSelect, onOpen, onMenu }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const probesRef = useRef<HTMLDivElement>(null);
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const pane = useStore((s) => s.domNode);
  const theme = useResolvedTheme();
  const [palette, setPalette] = useState<OverviewPalette | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const paths = useMemo(() => edgePaths(edges), [edges]);

  useEffect(() => {
    if (probesRef.current) setPalette(readPalette(probesRef.current));
  }, [theme]);

  // Paint in the next frame: a burst of wheel events repaints once.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !palette || width === 0 || height === 0) return;
    const raf = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const shown = paintOverview(ctx, { tiles, edges: paths, palette, vp: { x, y, zoom }, width, height, dpr, selectedId, focusedId });
      // What was painted, for `npm run bench:ui` (it waits for a tile as it waits for a card): the
      // tiles as a property, and an attribute that changes with every paint (a DOM mutation to observe).
      (canvas as HTMLCanvasElement & { overviewTiles?: OverviewTile[] }).overviewTiles = tiles;
      canvas.dataset['painted'] = String(shown);
    });
    return () => cancelAnimationFrame(raf);
  }, [tiles, paths, palette, x, y, zoom, width, height, selectedId, focusedId]);

  // Clicks on a tile are the overview's; elsewhere they are React Flow's (pan, the pane, the frame).
  const latest = useRef({ tiles, vp: { x, y, zoom }, onSelect, onOpen, onMenu });
  latest.current = { tiles, vp: { x, y, zoom }, onSelect, onOpen, onMenu };
  useEffect(() => {
    if (!pane) return;
    const hit = (e: globalThis.MouseEvent) => {
      const r = pane.getBoundingClientRect();
      return tileAt(latest.current.tiles, latest.current.vp, e.clientX - r.left, e.clientY - r.top);
    };
    const take = (act: (t: OverviewTile, e: globalThis.MouseEvent) => void) => (e: globalThis.MouseEvent) => {
      if ((e.target as Element).closest?.('.react-flow__panel, .react-flow__controls')) return;
      const t = hit(e);
      if (!t) return;
      e.stopPropagation();
      act(t, e);
    };
    const onClick = take((t) => latest.current.onSelect(t.id));
    const onDouble = take((t, e) => {
      e.preventDefault();
      latest.current.onOpen(t.id);
    });
    const onContext = take((t, e) => latest.current.onMenu(e as unknown as MouseEvent, t.id));
    const onMove = (e: globalThis.MouseEvent) => {
      if (e.buttons === 0) pane.style.cursor = hit(e) ? 'pointer' : '';
    };
    pane.addEventListener('click', onClick, true);
    pane.addEventListener('dblclick', onDouble, true);
    pane.addEventListener('contextmenu', onContext, true);
    pane.addEventListener('mousemove', onMove);
    return () => {
      pane.removeEventListener('click', onClick, true);
      pane.removeEventListener('dblclick', onDouble, true);
      pane.removeEventListener('contextmenu', onContext, true);
      pane.removeEventListener('mousemove', onMove);
      pane.style.cursor = '';
    };
  }, [pane]);

  const focused = focusedId ? tiles.find((t) => t.id === focusedId) : undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const from = focused ?? tiles.find((t) => t.id === selectedId) ?? tiles[0];
    if (!from) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      e.stopPropagation();
      setFocusedId((focused ? tileToward(tiles, from, e.key) : from)?.id ?? from.id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(from.id);
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      e.stopPropagation();
      const r = canvasRef.current!.getBoundingClientRect();
      const at = { clientX: r.left + from.x * zoom + x + 12, clientY: r.top + from.y * zoom + y + 12 };
      onMenu({ ...at, preventDefault: () => {}, currentTarget: canvasRef.current } as unknown as MouseEvent, from.id);
    }
  };

  return (
    <>
      <canvas
        ref={canvasRef}
        className="overview-canvas"
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', zIndex: 4, pointerEvents: 'none' }}
        tabIndex={0}
        role="application"
        aria-roledescription="cluster overview"
        aria-label={`Cluster overview, ${tiles.length.toLocaleString('en-US')} objects: arrow keys move between them, Enter selects, Shift+F10 opens actions; zoom in to read the cards`}
        onKeyDown={onKeyDown}
        onFocus={() => setFocusedId((id) => id ?? selectedId ?? tiles[0]?.id ?? null)}
        onBlur={() => setFocusedId(null)}
      />
      <div className="sr-only" aria-live="polite">
        {focused?.ariaLabel ?? ''}
      </div>
      {/* Hidden probes the palette is read from: the SVG overview's own classes. */}
      <div ref={probesRef} aria-hidden style={{ display: 'none' }}>
        <svg>
          {TONES.map((t) => (
            <g key={t} className={`overview-tile tone-${t}`}>
              <rect className="overview-tile-body" />
            </g>
          ))}
        </svg>
      </div>
    </>
  );
}
