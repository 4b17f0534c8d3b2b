// Panning (issue 12): while the pane is dragged the graph moves as one composited layer and the
// cards ignore the pointer (index.css), and afterwards everything is as before. The cards'
// anchors are plain elements (nodes/Handles.tsx) placed without transforms: edges must still
// leave and enter each card at the middle of a side.
import { expect, test, type Page } from '@playwright/test';
import { open, POD, PV_AND_PVC, useHook } from './helpers.ts';

const card = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

/** The distance from each end of every edge to the nearest middle of a side of some card. */
async function edgeEndsOffSides(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const mids = [...document.querySelectorAll('.react-flow__node-object')].flatMap((n) => {
      const r = n.getBoundingClientRect();
      return [
        [r.left + r.width / 2, r.top],
        [r.right, r.top + r.height / 2],
        [r.left + r.width / 2, r.bottom],
        [r.left, r.top + r.height / 2],
      ];
    });
    return [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].flatMap((path) => {
      const m = path.getScreenCTM()!;
      return [0, path.getTotalLength()].map((at) => {
        const p = path.getPointAtLength(at).matrixTransform(m);
        return Math.min(...mids.map(([x, y]) => Math.hypot(p.x - x!, p.y - y!)));
      });
    });
  });
}

test('edges meet the cards at the middle of a side; a drag pans the graph as one layer, and the cards answer the pointer again after it', async ({ page }) => {
  const errors = await open(page);
  await useHook(page, `${PV_AND_PVC}---\n${POD}`);
  const pod = card(page, /^Pod example-pod /);
  await expect(pod).toBeVisible();
  await expect(page.locator('.react-flow__edge-path')).toHaveCount(2); // pod → claim, claim → volume
  await page.waitForTimeout(500); // the view settles after the apply's fit
  const ends = await edgeEndsOffSides(page);
  expect(ends).toHaveLength(4);
  // The marker's arrow tip stops the path a few pixels short of the target's side.
  for (const d of ends) expect(d).toBeLessThan(8);

  const viewport = page.locator('.react-flow__viewport');
  const style = (el: Element, prop: string) => getComputedStyle(el).getPropertyValue(prop);
  const before = await pod.boundingBox();
  expect(await viewport.evaluate(style, 'will-change')).toBe('auto');
  expect(await pod.evaluate(style, 'pointer-events')).not.toBe('none');

  const spot = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 40; y < pane.bottom - 40; y += 20) {
      for (let x = pane.left + 40; x < pane.right - 80; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  expect(spot, 'an empty spot of the pane to drag').not.toBeNull();
  await page.mouse.move(spot!.x, spot!.y);
  await page.mouse.down();
  await page.mouse.move(spot!.x + 30, spot!.y + 10);
  await page.mouse.move(spot!.x + 60, spot!.y + 20);
  expect(await viewport.evaluate(style, 'will-change')).toBe('transform');
  expect(await pod.evaluate(style, 'pointer-events')).toBe('none');
  await page.mouse.up();

  // The graph moved with the pointer, and is a plain (sharp, re-rasterised) layer again.
  const after = await pod.boundingBox();
  expect(after!.x - before!.x).toBeCloseTo(60, 0);
  expect(after!.y - before!.y).toBeCloseTo(20, 0);
  expect(await viewport.evaluate(style, 'will-change')).toBe('auto');
  expect(await pod.evaluate(style, 'pointer-events')).not.toBe('none');
  await pod.click();
  await expect(pod).toHaveClass(/selected/);
  expect(await edgeEndsOffSides(page)).toEqual(ends.map((d) => expect.closeTo(d, 0)));
  expect(errors).toEqual([]);
});
