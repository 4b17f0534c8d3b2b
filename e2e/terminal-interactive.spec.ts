import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// `kubectl exec -it POD -- sh` and `docker run -it busybox sh` in the terminal: the container's
// prompt, lines run there one by one with the shell's state kept, its own history and Ctrl-C,
// `exit` back to `$` (kubectl reporting a non-zero status), the canvas following, and the whole
// session surviving a reload (each line typed inside is an action on the timeline).

// The terminal's own notes about time travel (`── back to live ──`, said when a restore lands) are not output.
const rows = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((all) => all.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter((t) => t.trim() !== '' && !t.startsWith('──')));
/** The last line on screen that has text: a prompt alone means the line has finished. */
const lastLine = async (page: Page) => (await rows(page)).pop() ?? '';
const screen = (page: Page) => page.locator('.xterm-rows');

/** Types a line, presses Enter, and waits for `prompt` (as the screen shows it, trailing space trimmed). */
async function enter(page: Page, line: string, prompt: string) {
  await page.keyboard.type(line);
  // Typed behind the prompt (not lost to an unfocused page) before it is sent.
  await expect.poll(() => lastLine(page)).toMatch(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page), { timeout: 15_000 }).toBe(prompt);
}

async function openTerminal(page: Page) {
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(screen(page)).toContainText('kubectl and docker against the simulated cluster');
}

test('kubectl exec -it and docker run -it open the container shell in the terminal, and the session survives a reload', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = await open(page);
  await openTerminal(page);
  // The starter scenario's pod, applied from the editor's file as a learner would.
  await enter(page, 'kubectl apply -f manifest.yaml', '$');
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();

  // nginx is Debian: its sh is dash, whose prompt is `# ` wherever it is.
  await enter(page, 'kubectl exec -it example-pod -- sh', '#');
  await enter(page, 'cd /usr/share/nginx/html', '#');
  await enter(page, 'ls', '#');
  await enter(page, 'echo hi > x', '#');
  await enter(page, 'ls; pwd', '#');
  const inside = await rows(page);
  expect(inside.slice(-4)).toEqual(['# ls; pwd', 'x', '/usr/share/nginx/html', '#']);
  await enter(page, 'exit 3', '$');
  await expect(screen(page)).toContainText('command terminated with exit code 3');
  // The file is in the claim's volume; `$?` is kubectl's status.
  await enter(page, 'echo $?; kubectl exec example-pod -- cat /usr/share/nginx/html/x', '$');
  expect((await rows(page)).slice(-3)).toEqual(['3', 'hi', '$']);

  // busybox: ash's prompt follows cd; its history is its own; Ctrl-C throws the line away.
  await enter(page, 'docker run -it busybox sh', '/ #');
  await enter(page, 'cd /tmp', '/tmp #');
  await enter(page, 'echo one > y; ls', '/tmp #');
  expect((await rows(page)).slice(-2)).toEqual(['y', '/tmp #']);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastLine(page)).toBe('/tmp # echo one > y; ls');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastLine(page)).toBe('/tmp # cd /tmp'); // the terminal's own lines are not in it
  await page.keyboard.press('Control+c');
  await expect.poll(() => (rows(page).then((r) => r.slice(-2)))).toEqual(['/tmp # cd /tmp^C', '/tmp #']);
  await page.keyboard.type('echo still inside');
  // Meanwhile the Docker view shows the container running, its writable layer holding /tmp/y.
  await page.getByRole('radio', { name: 'Docker' }).click();
  await expect(page.getByRole('group', { name: /^Container \w+ Up/ })).toBeVisible();
  await page.getByTestId('terminal').click();
  await page.waitForTimeout(700); // the canvas's fit animation
  const shot = testInfo.outputPath('terminal-interactive-light.png');
  await page.screenshot({ path: shot });
  keep(shot, 'terminal-interactive-light-1280.png');
  await page.keyboard.press('Enter');
  await expect.poll(() => (rows(page).then((r) => r.slice(-2)))).toEqual(['still inside', '/tmp #']);
  await enter(page, 'exit 4', '$');
  await expect(page.getByRole('group', { name: /^Container \w+ Exited \(4\)/ })).toBeVisible();
  await enter(page, 'docker ps -a --format "{{.Image}} {{.Status}}" | grep busybox', '$');
  expect((await rows(page)).at(-2)).toMatch(/^busybox Exited \(4\)/);

  // A reload replays every action, the lines typed inside the shells included.
  const before = await page.evaluate(() => window.__playground!.timeline.position());
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  await openTerminal(page);
  await expect(page.getByRole('group', { name: /^Container \w+ Exited \(4\)/ })).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('terminal').click();
  // The same frames as before the reload, at the live end.
  expect(await page.evaluate(() => window.__playground!.timeline.position())).toEqual(before);
  await enter(page, 'kubectl exec example-pod -- cat /usr/share/nginx/html/x', '$');
  expect((await rows(page)).slice(-2)).toEqual(['hi', '$']);
  expect(errors).toEqual([]);
});

test('the container shell in the dark theme, with Ctrl-D back to the terminal', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const errors = await open(page);
  await openTerminal(page);
  await enter(page, 'kubectl apply -f manifest.yaml', '$');
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  await enter(page, 'kubectl exec -it example-pod -- bash', 'root@example-pod:/#');
  await enter(page, 'cd /usr/share/nginx/html && echo "<h1>hi</h1>" > index.html', 'root@example-pod:/usr/share/nginx/html#');
  await enter(page, 'cat index.html', 'root@example-pod:/usr/share/nginx/html#');
  expect((await rows(page)).at(-2)).toBe('<h1>hi</h1>');
  await page.waitForTimeout(700);
  const shot = testInfo.outputPath('terminal-interactive-dark.png');
  await page.screenshot({ path: shot });
  keep(shot, 'terminal-interactive-dark-1280.png');
  // Ctrl-D: bash says `exit` behind its prompt and the terminal's `$` comes back.
  await page.keyboard.press('Control+d');
  await expect.poll(() => lastLine(page)).toBe('$');
  expect((await rows(page)).at(-2)).toBe('root@example-pod:/usr/share/nginx/html# exit');
  expect(errors).toEqual([]);
});
