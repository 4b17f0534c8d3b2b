// Where the goal ghost's cards go: tiers that read the way storage hangs together (owner → pod →
// claim → volume; image → container → volume), each tier's cards ordered to face what they link
// to, and the lines between them as SVG paths. The tiers run left to right (columns) or top to
// bottom (rows): the narrow lesson pane often fits a chain better as rows, the wide dialog as
// columns, so the drawing takes whichever fits its box at the larger scale. Pure: world units.

/** Which tier a kind sits in, and whether it goes after that tier's main cards (classes after volumes, config after pods). */
const PLACE: Record<string, { tier: number; after?: true }> = {
  StatefulSet: { tier: 0 },
  Job: { tier: 0 },
  Deployment: { tier: 0 },
  ReplicaSet: { tier: 0 },
  Service: { tier: 0 },
  DockerImage: { tier: 0 },
  Pod: { tier: 1 },
  DockerContainer: { tier: 1 },
  ConfigMap: { tier: 1, after: true },
  Secret: { tier: 1, after: true },
  PersistentVolumeClaim: { tier: 2 },
  DockerVolume: { tier: 2 },
  PersistentVolume: { tier: 3 },
  VolumeAttachment: { tier: 3, after: true },
  StorageClass: { tier: 3, after: true },
};

export type Direction = 'columns' | 'rows';

export interface LayoutItem {
  id: string;
  kind: string;
}
export interface LayoutLink {
  from: string;
  to: string;
}
export interface CardSize {
  w: number;
  h: number;
}
export interface GhostLayout {
  direction: Direction;
  card: CardSize;
  at: Record<string, { x: number; y: number }>;
  /** One SVG path per link, in the links' order ('' for a link to a card not drawn). */
  paths: string[];
  width: number;
  height: number;
}

const PAD = 6;
/** Between tiers (room for the lines), and between two cards of one tier. */
const GAP = { columns: { tiers: 32, cards: 10 }, rows: { tiers: 26, cards: 12 } };
/** How far a line between two cards of one tier bows out (it goes round the cards between). */
const ARC = 20;

/** Each tier's cards in order: left to right, a card takes the mean place of what it links to in the tiers already placed, so a claim faces its pod and a volume its claim. */
export function tiersOf(items: readonly LayoutItem[], links: readonly LayoutLink[]): LayoutItem[][] {
  const tiers = new Map<number, { main: LayoutItem[]; after: LayoutItem[] }>();
  for (const it of items) {
    const p = PLACE[it.kind] ?? { tier: 0 };
    const t = tiers.get(p.tier) ?? { main: [], after: [] };
    (p.after ? t.after : t.main).push(it);
    tiers.set(p.tier, t);
  }
  const near = new Map<string, string[]>();
  for (const l of links) {
    near.set(l.from, [...(near.get(l.from) ?? []), l.to]);
    near.set(l.to, [...(near.get(l.to) ?? []), l.from]);
  }
  const slot = new Map<string, number>();
  return [...tiers.keys()]
    .sort((a, b) => a - b)
    .map((tier) => {
      const { main, after } = tiers.get(tier)!;
      const keyed = main.map((it, i) => {
        const placed = (near.get(it.id) ?? []).flatMap((n) => (slot.has(n) ? [slot.get(n)!] : []));
        return { it, i, k: placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : i };
      });
      keyed.sort((a, b) => a.k - b.k || a.i - b.i);
      const list = [...keyed.map((x) => x.it), ...after];
      list.forEach((it, i) => slot.set(it.id, i));
      return list;
    });
}

export function layoutGhost(items: readonly LayoutItem[], links: readonly LayoutLink[], card: CardSize, direction: Direction): GhostLayout {
  const tiers = tiersOf(items, links);
  const gap = GAP[direction];
  const cols = direction === 'columns';
  // Along the tiers (main axis) and across them (cross axis), in card sizes.
  const along = cols ? card.w : card.h;
  const across = cols ? card.h : card.w;
  const span = (n: number) => n * across + Math.max(0, n - 1) * gap.cards;
  const widest = Math.max(0, ...tiers.map((t) => span(t.length)));
  const at: GhostLayout['at'] = {};
  const place = new Map<string, { tier: number; slot: number }>();
  tiers.forEach((list, ti) => {
    // A short tier is centred on the longest, so one card facing three sits in the middle.
    const start = PAD + (widest - span(list.length)) / 2;
    list.forEach((it, si) => {
      const main = PAD + ti * (along + gap.tiers);
      const cross = start + si * (across + gap.cards);
      at[it.id] = cols ? { x: main, y: cross } : { x: cross, y: main };
      place.set(it.id, { tier: ti, slot: si });
    });
  });
  let bows = false;
  const paths = links.map((l) => {
    const a = at[l.from];
    const b = at[l.to];
    const pa = place.get(l.from);
    const pb = place.get(l.to);
    if (!a || !b || !pa || !pb) return '';
    // p comes first: the earlier tier, or in one tier the earlier slot.
    const [p, q] = pa.tier !== pb.tier ? (pa.tier < pb.tier ? [a, b] : [b, a]) : pa.slot <= pb.slot ? [a, b] : [b, a];
    if (pa.tier !== pb.tier) {
      // From the earlier tier's facing side to the later one's, as a gentle S.
      if (cols) {
        const x1 = p.x + card.w, y1 = p.y + card.h / 2, x2 = q.x, y2 = q.y + card.h / 2, m = (x1 + x2) / 2;
        return `M${x1},${y1} C${m},${y1} ${m},${y2} ${x2},${y2}`;
      }
      const x1 = p.x + card.w / 2, y1 = p.y + card.h, x2 = q.x + card.w / 2, y2 = q.y, m = (y1 + y2) / 2;
      return `M${x1},${y1} C${x1},${m} ${x2},${m} ${x2},${y2}`;
    }
    if (Math.abs(pa.slot - pb.slot) === 1) {
      // Neighbours in one tier: a short straight line between the sides that face.
      return cols ? `M${p.x + card.w / 2},${p.y + card.h} L${q.x + card.w / 2},${q.y}` : `M${p.x + card.w},${p.y + card.h / 2} L${q.x},${q.y + card.h / 2}`;
    }
    bows = true;
    // Further apart in one tier: out and round, so the line crosses no card between.
    if (cols) {
      const x = p.x + card.w, y1 = p.y + card.h / 2, y2 = q.y + card.h / 2;
      return `M${x},${y1} C${x + ARC},${y1} ${x + ARC},${y2} ${x},${y2}`;
    }
    const y = p.y + card.h, x1 = p.x + card.w / 2, x2 = q.x + card.w / 2;
    return `M${x1},${y} C${x1},${y + ARC} ${x2},${y + ARC} ${x2},${y}`;
  });
  const n = tiers.length;
  const mainLength = n === 0 ? 0 : PAD * 2 + n * along + (n - 1) * gap.tiers + (bows ? ARC : 0);
  const crossLength = n === 0 ? 0 : PAD * 2 + widest;
  return { direction, card, at, paths, width: cols ? mainLength : crossLength, height: cols ? crossLength : mainLength };
}

/**
 * The layout that shows the cards largest in a box (at most `maxScale`), and that scale: both
 * orientations, each card width offered; at the same scale (give or take 5 %) the wider cards win,
 * since they cut fewer names short.
 */
export function fitGhost(items: readonly LayoutItem[], links: readonly LayoutLink[], cards: readonly CardSize[], box: { w: number; h: number }, maxScale: number): { layout: GhostLayout; scale: number } {
  let best: { layout: GhostLayout; scale: number } | undefined;
  for (const card of cards) {
    for (const d of ['columns', 'rows'] as const) {
      const layout = layoutGhost(items, links, card, d);
      const scale = layout.width === 0 ? 1 : Math.min(maxScale, box.w / layout.width, box.h / layout.height);
      if (!best || scale > best.scale * 1.05 || (scale >= best.scale * 0.95 && card.w > best.layout.card.w)) best = { layout, scale };
    }
  }
  return best!;
}
