// The cards' anchors are plain elements React Flow finds when it measures a card (Handles.tsx):
// no store subscription each (2,400 selectors per frame of a pan at 300 cards), yet the same
// ids, sides and source/target roles that graph.ts's edges and declared-handles.ts name.
import { createElement } from 'react';
import type { Node } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Handles } from './Handles.tsx';
import { DECLARE_HANDLES_ABOVE, withDeclaredHandles } from '../declared-handles.ts';

/** The anchors as React Flow's measuring reads them: its classes and data attributes. */
function anchors(html: string) {
  return [...html.matchAll(/<div([^>]*)><\/div>/g)].map(([, attrs]) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs!)?.[1];
    return { classes: attr('class')!.split(' '), id: attr('data-handleid'), position: attr('data-handlepos') };
  });
}

describe('Handles', () => {
  it('renders without React Flow\'s store: nothing in it subscribes to the viewport', () => {
    // React Flow's own <Handle> throws outside a <ReactFlowProvider> (it reads the store).
    expect(() => renderToStaticMarkup(createElement(Handles))).not.toThrow();
  });

  it('gives React Flow a source and a target anchor on every side, as measuring expects', () => {
    const found = anchors(renderToStaticMarkup(createElement(Handles)));
    expect(found).toHaveLength(8);
    for (const side of ['top', 'right', 'bottom', 'left']) {
      const target = found.find((h) => h.id === `in-${side}`)!;
      const source = found.find((h) => h.id === `out-${side}`)!;
      expect(target.classes).toEqual(expect.arrayContaining(['react-flow__handle', `react-flow__handle-${side}`, 'target', 'k8s-handle']));
      expect(source.classes).toEqual(expect.arrayContaining(['react-flow__handle', `react-flow__handle-${side}`, 'source', 'k8s-handle']));
      expect(target.classes).not.toContain('source');
      expect([target.position, source.position]).toEqual([side, side]);
    }
  });

  it('names the same anchors a large graph declares without measuring', () => {
    const cards: Node[] = Array.from({ length: DECLARE_HANDLES_ABOVE + 1 }, (_, i) => ({ id: `c${i}`, type: 'object', position: { x: 0, y: 0 }, width: 220, height: 80, data: {} }));
    const declared = withDeclaredHandles(cards)[0]!.handles!.map((h) => `${h.id}|${h.type}|${h.position}`).sort();
    const rendered = anchors(renderToStaticMarkup(createElement(Handles)))
      .map((h) => `${h.id}|${h.classes.includes('source') ? 'source' : 'target'}|${h.position}`)
      .sort();
    expect(rendered).toEqual(declared);
  });

  it('cards of one size share one handles array, in the middle of each side of that size', () => {
    const card = (i: number, w: number): Node => ({ id: `c${i}`, type: 'object', position: { x: 0, y: 0 }, width: w, height: 80, data: {} });
    const out = withDeclaredHandles([...Array.from({ length: DECLARE_HANDLES_ABOVE + 1 }, (_, i) => card(i, 220)), card(9999, 300)]);
    expect(out[0]!.handles).toBe(out[1]!.handles);
    expect(out.at(-1)!.handles).not.toBe(out[0]!.handles);
    expect(out.at(-1)!.handles!.find((h) => h.id === 'out-bottom')).toMatchObject({ x: 147, y: 77, width: 6, height: 6 });
    expect(out[0]!.handles!.find((h) => h.id === 'in-right')).toMatchObject({ x: 217, y: 37 });
  });
});
