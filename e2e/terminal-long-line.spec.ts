import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// A line longer than the terminal is wide (the course's `kubectl exec … -- sh -c '…'` lines are)
// wraps onto several rows and edits as in bash: the prompt stays, the cursor moves across the
// wrap, Backspace joins the rows, the history recalls it whole, a resize draws it again.

/** The screen's rows as text (xterm draws spaces as no-break spaces). */
const rows = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((rs) => rs.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));

/** Where the cursor is drawn: its row on screen and its column in that row. */
const cursor = (page: Page) =>
  page.locator('.xterm-rows').evaluate((el) => {
    const all = [...el.children];
    const row = all.findIndex((r) => r.querySelector('.xterm-cursor'));
    if (row < 0) return { row: -1, col: -1 };
    let col = 0;
    for (const span of all[row]!.children) {
      if (span.classList.contains('xterm-cursor')) break;
      col += (span.textContent ?? '').length;
    }
    return { row, col };
  });

/** The last drawing of a prompt and what follows it on screen (the wrapped rows joined), and its first row. */
async function lastPrompt(page: Page, prompt = '$ echo') {
  const rs = await rows(page);
  let start = rs.length - 1;
  while (start > 0 && !rs[start]!.startsWith(prompt)) start--;
  const used = rs.slice(start);
  while (used.length && used[used.length - 1] === '') used.pop();
  return { start, text: used.join(''), rows: used };
}

// 201 characters, no spaces past the first word, so every wrapped row is full to its edge.
const WORD = 'kubectl-exec-web--sh-c-echo-hello-from-the-volume-usr/share/nginx/html/index.html.';
const LINE = `echo ${(WORD + WORD + WORD).slice(0, 196)}`;

test('the terminal edits a 200-character line as bash does', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await open(page);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker against the simulated cluster');
  expect(LINE.length).toBe(201);

  await page.keyboard.type(LINE);
  await expect.poll(async () => (await lastPrompt(page)).text).toBe(`$ ${LINE}`);
  const first = await lastPrompt(page);
  const cols = first.rows[0]!.length;
  expect(first.rows.length).toBe(Math.ceil((LINE.length + 2) / cols));
  expect(first.rows.length).toBeGreaterThan(1);
  // The cursor after the last character, on the last row.
  const at = (index: number) => ({ row: first.start + Math.floor((index + 2) / cols), col: (index + 2) % cols });
  await expect.poll(() => cursor(page)).toEqual(at(LINE.length));

  // Home and End go to the line's ends across the rows; Left crosses the wrap backwards.
  await page.keyboard.press('Home');
  await expect.poll(() => cursor(page)).toEqual(at(0));
  await page.keyboard.press('End');
  await expect.poll(() => cursor(page)).toEqual(at(LINE.length));
  const second = cols - 2; // the first character of the second row
  for (let i = LINE.length; i > second; i--) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => cursor(page)).toEqual(at(second));
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => cursor(page)).toEqual({ row: first.start, col: cols - 1 });
  await page.keyboard.press('ArrowRight');

  // Backspace at the start of the second row takes the last character of the first.
  await page.keyboard.press('Backspace');
  const edited = LINE.slice(0, second - 1) + LINE.slice(second);
  await expect.poll(async () => (await lastPrompt(page)).text).toBe(`$ ${edited}`);
  await expect.poll(() => cursor(page)).toEqual(at(second - 1));
  // Typing it back pushes the rest along; the prompt stays where it was.
  await page.keyboard.type(LINE[second - 1]!);
  await expect.poll(async () => (await lastPrompt(page)).text).toBe(`$ ${LINE}`);
  expect((await lastPrompt(page)).start).toBe(first.start);
  await expect.poll(() => cursor(page)).toEqual(at(second));

  // Enter with the cursor inside the line: the output comes below the whole line.
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await rows(page)).filter(Boolean).pop()).toBe('$');
  // (The screen may have scrolled: the rows are found by what they say.)
  const after = await rows(page);
  const lineRows = first.rows.length;
  const ran = after.findIndex((r) => r.startsWith('$ echo'));
  expect(after.slice(ran, ran + lineRows).join('')).toBe(`$ ${LINE}`);
  expect(after.slice(ran + lineRows, after.lastIndexOf('$')).join('')).toBe(LINE.slice(5));

  // Up recalls the long line whole, on the new prompt, with the cursor at its end.
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await lastPrompt(page)).text).toBe(`$ ${LINE}`);
  const recalled = await lastPrompt(page);
  expect(recalled.start).toBeGreaterThan(ran);
  expect(recalled.rows.length).toBe(lineRows);
  await expect.poll(() => cursor(page)).toEqual({ row: recalled.start + lineRows - 1, col: (LINE.length + 2) % cols });
  // Down gives back the empty line: nothing of the long one is left below the prompt.
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await rows(page)).slice(recalled.start).filter(Boolean)).toEqual(['$']);
  await page.keyboard.press('ArrowUp');

  // Ctrl+A, Alt+F (a word forward), Ctrl+K (kill to the end), Ctrl+Y (put it back).
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Alt+f');
  await expect.poll(() => cursor(page)).toEqual({ row: recalled.start, col: 2 + 'echo'.length });
  await page.keyboard.press('Control+k');
  await expect.poll(async () => (await rows(page)).slice(recalled.start).filter(Boolean)).toEqual(['$ echo']);
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await lastPrompt(page)).text).toBe(`$ ${LINE}`);

  const shot = testInfo.outputPath('terminal-long-line.png');
  await page.screenshot({ path: shot });
  keep(shot, 'terminal-long-line-1280x900.png');

  // A narrower window: the terminal is refitted and the line drawn again for its new width.
  await page.setViewportSize({ width: 900, height: 900 });
  await expect.poll(async () => (await lastPrompt(page)).rows[0]!.length).toBeLessThan(cols);
  await expect.poll(async () => (await lastPrompt(page)).text).toBe(`$ ${LINE}`);
  const narrow = await lastPrompt(page);
  const narrowCols = narrow.rows[0]!.length;
  expect(narrow.rows.length).toBe(Math.ceil((LINE.length + 2) / narrowCols));
  // The output above is untouched by the redraw.
  expect((await rows(page)).join('\n')).toContain(LINE.slice(5, 5 + 20));
  const narrowShot = testInfo.outputPath('terminal-long-line-narrow.png');
  await page.screenshot({ path: narrowShot });
  keep(narrowShot, 'terminal-long-line-900x900.png');
  expect(errors).toEqual([]);
});
