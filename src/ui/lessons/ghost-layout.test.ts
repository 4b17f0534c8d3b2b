// The goal ghost's layout: tiers in storage order, cards facing what they link to, lines that
// join facing sides, and the orientation that shows the cards largest in the box.
import { describe, expect, it } from 'vitest';
import { fitGhost, layoutGhost, tiersOf } from './ghost-layout.ts';

const card = { w: 100, h: 40 };
const chain = [
  { id: 'pv', kind: 'PersistentVolume' },
  { id: 'pod', kind: 'Pod' },
  { id: 'pvc', kind: 'PersistentVolumeClaim' },
];
const chainLinks = [
  { from: 'pod', to: 'pvc' },
  { from: 'pvc', to: 'pv' },
];

describe('ghost layout', () => {
  it('puts kinds in storage order: pod, claim, volume; a class after the volumes of its tier', () => {
    const tiers = tiersOf([...chain, { id: 'sc', kind: 'StorageClass' }], chainLinks);
    expect(tiers.map((t) => t.map((i) => i.id))).toEqual([['pod'], ['pvc'], ['pv', 'sc']]);
  });

  it('orders a tier to face what it links to', () => {
    const items = [
      { id: 'a', kind: 'PersistentVolumeClaim' },
      { id: 'b', kind: 'PersistentVolumeClaim' },
      { id: 'vb', kind: 'PersistentVolume' },
      { id: 'va', kind: 'PersistentVolume' },
    ];
    const tiers = tiersOf(items, [
      { from: 'a', to: 'va' },
      { from: 'b', to: 'vb' },
    ]);
    expect(tiers[1]!.map((i) => i.id)).toEqual(['va', 'vb']);
  });

  it('columns: tiers left to right, a short tier centred, lines from right side to left side', () => {
    const l = layoutGhost(
      [...chain, { id: 'pv2', kind: 'PersistentVolume' }],
      chainLinks,
      card,
      'columns',
    );
    expect(l.at['pod']!.x).toBeLessThan(l.at['pvc']!.x);
    expect(l.at['pvc']!.x).toBeLessThan(l.at['pv']!.x);
    // Two volumes are 90 tall (40 + 10 + 40); one claim is centred on them.
    expect(l.at['pvc']!.y).toBe(l.at['pv']!.y + 25);
    expect(l.paths[0]).toBe(`M${l.at['pod']!.x + 100},${l.at['pod']!.y + 20} C${(l.at['pod']!.x + 100 + l.at['pvc']!.x) / 2},${l.at['pod']!.y + 20} ${(l.at['pod']!.x + 100 + l.at['pvc']!.x) / 2},${l.at['pvc']!.y + 20} ${l.at['pvc']!.x},${l.at['pvc']!.y + 20}`);
    expect(l.width).toBe(6 * 2 + 3 * 100 + 2 * 32);
    expect(l.height).toBe(6 * 2 + 90);
  });

  it('rows: tiers top to bottom, lines from bottom to top', () => {
    const l = layoutGhost(chain, chainLinks, card, 'rows');
    expect(l.at['pod']!.y).toBeLessThan(l.at['pvc']!.y);
    expect(l.paths[0]).toMatch(new RegExp(`^M${l.at['pod']!.x + 50},${l.at['pod']!.y + 40} C`));
    expect(l.width).toBe(6 * 2 + 100);
  });

  it('joins neighbours of one tier straight, and bows round the cards between others', () => {
    const items = [
      { id: 'p', kind: 'Pod' },
      { id: 'q', kind: 'Pod' },
      { id: 'cm', kind: 'ConfigMap' },
    ];
    const l = layoutGhost(items, [{ from: 'cm', to: 'q' }, { from: 'cm', to: 'p' }], card, 'columns');
    // Order in the tier: p, q, cm. cm–q are neighbours; cm–p have q between them.
    expect(l.paths[0]).toMatch(/ L/);
    expect(l.paths[1]).toMatch(/ C/);
    expect(l.width).toBe(6 * 2 + 100 + 20);
  });

  it('fits the orientation that shows the cards larger: a chain in a narrow tall box goes in rows', () => {
    expect(fitGhost(chain, chainLinks, [card], { w: 150, h: 300 }, 1).layout.direction).toBe('rows');
    const wide = fitGhost(chain, chainLinks, [card], { w: 600, h: 120 }, 1);
    expect(wide.layout.direction).toBe('columns');
    expect(wide.scale).toBeCloseTo(1);
  });

  it('takes wider cards when they cost no scale (fewer names cut short), narrower ones when they do', () => {
    const sizes = [card, { w: 200, h: 40 }];
    // Rows in a tall box: one card per row, room for the wide one.
    expect(fitGhost(chain, chainLinks, sizes, { w: 260, h: 300 }, 1).layout.card.w).toBe(200);
    // Columns in a short wide box: three across, the narrow cards fit at full size.
    const tight = fitGhost(chain, chainLinks, sizes, { w: 400, h: 60 }, 1);
    expect(tight.layout).toMatchObject({ direction: 'columns', card: { w: 100 } });
  });

  it('an empty picture has no size', () => {
    expect(layoutGhost([], [], card, 'columns')).toMatchObject({ width: 0, height: 0, paths: [] });
  });
});
