// Draws overview.ts's tiles and edges in the canvas's own coordinates (React Flow's viewport
// portal), so they pan and zoom with the frame React Flow still draws. One SVG: a path per edge
// relation, a tile per card (past CANVAS_TILES_ABOVE tiles, a canvas instead: OverviewCanvas.tsx).
// The rings that mark this step's changes are separate HTML boxes, so the compositor animates
// them without repainting the SVG.
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore, ViewportPortal } from '@xyflow/react';
import type { OverviewCaption, OverviewEdge, OverviewModel, OverviewTile as Tile } from './overview.ts';
import { CANVAS_TILES_ABOVE } from './overview-paint.ts';
import { OverviewCanvas } from './OverviewCanvas.tsx';

interface Props {
  model: OverviewModel;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onMenu: (event: MouseEvent, id: string) => void;
}

/** The tile id under an event, from the tile's data-id. */
const tileIdOf = (target: EventTarget) => (target as Element).closest?.<SVGGElement>('.overview-tile')?.dataset['id'];

export function OverviewLayer({ model, selectedId, onSelect, onOpen, onMenu }: Props) {
  const onClick = (e: MouseEvent) => {
    const id = tileIdOf(e.target);
    if (id) onSelect(id);
  };
  const onDoubleClick = (e: MouseEvent) => {
    const id = tileIdOf(e.target);
    if (id) onOpen(id);
  };
  const onContextMenu = (e: MouseEvent) => {
    const id = tileIdOf(e.target);
    if (id) onMenu(e, id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const id = tileIdOf(e.target);
    if (!id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  // The largest clusters paint their tiles and edges on a canvas; the captions, rings and flyers stay here.
  const painted = model.tiles.length > CANVAS_TILES_ABOVE;
  return (
    <>
      {painted && <OverviewCanvas tiles={model.tiles} edges={model.edges} selectedId={selectedId} onSelect={onSelect} onOpen={onOpen} onMenu={onMenu} />}
      <ViewportPortal>
        {painted ? (
          <svg className="overview-layer" aria-hidden>
            <Captions captions={model.captions} />
          </svg>
        ) : (
          <svg className="overview-layer" role="group" aria-label="Cluster overview: zoom in or double-click a tile to read its card" onClick={onClick} onDoubleClick={onDoubleClick} onContextMenu={onContextMenu} onKeyDown={onKeyDown}>
            {model.edges.map((e) => (
              <OverviewEdgePath key={e.motion ? `${e.id}:${e.motion}` : e.id} relation={e.relation} d={e.d} motion={e.motion} />
            ))}
            <Captions captions={model.captions} />
            {model.tiles.map((t) => (
              <OverviewTile key={t.id} id={t.id} x={t.x} y={t.y} w={t.w} h={t.h} tone={t.tone} name={t.name} ariaLabel={t.ariaLabel} selected={t.id === selectedId} />
            ))}
          </svg>
        )}
        {model.tiles.map((t) => (t.motion ? <div key={`${t.id}:${t.motion}`} aria-hidden className={`overview-ring ${t.motion}`} style={{ left: t.x, top: t.y, width: t.w, height: t.h }} /> : null))}
        {model.transients.map((t) => (
          <div key={t.id} aria-hidden className={`overview-transient ${t.className}`} style={{ ...t.style, left: t.x, top: t.y, width: t.w, height: t.h }}>
            <div />
          </div>
        ))}
      </ViewportPortal>
    </>
  );
}

/** An edge; one that is drawing itself in is measured in its own length (pathLength=1) for the dash animation. */
const OverviewEdgePath = memo(function OverviewEdgePath({ relation, d, motion }: Omit<OverviewEdge, 'id'>) {
  return motion ? <path className={`overview-edge edge-${relation} overview-draw ${motion}`} d={d} pathLength={1} /> : <path className={`overview-edge edge-${relation}`} d={d} />;
});

/** Screen size of a column heading: the cards' own headings are 12 px. */
const CAPTION_PX = 13;
/** An average character's width in ems, to keep a caption within its column. */
const CHAR_EM = 0.62;

/**
 * Column headings in flow units sized for the zoom, so they read at 13 px however far out the
 * view is (and never wider than their column). Re-renders on zoom, not on pan: a few texts.
 */
const Captions = memo(function Captions({ captions }: { captions: OverviewCaption[] }) {
  const zoom = useStore((s) => s.transform[2]);
  return (
    <g className="overview-captions" aria-hidden>
      {captions.map((c) => {
        const size = Math.min(CAPTION_PX / zoom, c.w / (c.text.length * CHAR_EM));
        return (
          <text key={c.id} x={c.x} y={c.y} fontSize={size} strokeWidth={4 / zoom} className="overview-caption">
            {c.text}
          </text>
        );
      })}
    </g>
  );
});

type TileProps = Omit<Tile, 'motion'> & { selected: boolean };

/** One card as a tile: its phase colour, a bar on the left like the card's, and its name. */
const OverviewTile = memo(function OverviewTile({ id, x, y, w, h, tone, name, ariaLabel, selected }: TileProps) {
  return (
    <g className={`overview-tile tone-${tone}${selected ? ' selected' : ''}`} data-id={id} role="button" tabIndex={0} aria-label={ariaLabel} aria-pressed={selected}>
      <rect className="overview-tile-body" x={x} y={y} width={w} height={h} rx={10} />
      <rect className="overview-tile-bar" x={x} y={y} width={16} height={h} rx={4} />
      <text className="overview-tile-name" x={x + 30} y={y + h / 2 + 11}>
        {name}
      </text>
    </g>
  );
});
