import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PVC, useHook } from './helpers.ts';

// The terminal in the dock: real keystrokes into xterm.js, the same command layer as kubesim,
// and the canvas following what the commands change.

async function openTerminal(page: Page) {
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker against the simulated cluster');
}

/** The last line on screen that has text: the prompt alone means the command has finished. */
const lastLine = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean).pop() ?? '');

/** Types a line as a learner would, then waits for the fresh prompt after its output. */
async function run(page: Page, line: string) {
  await page.keyboard.type(line);
  await expect.poll(() => lastLine(page)).toMatch(new RegExp(`^[$>] ${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page)).toBe('$');
}

const screen = (page: Page) => page.locator('.xterm-rows');

test('the terminal runs kubectl get and exec, and the canvas follows its changes', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('kind');
  await useHook(page, `${PVC}---\n${POD}`);
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  await openTerminal(page);

  await run(page, 'kubectl get pvc');
  await expect(screen(page)).toContainText('example-pvc   Bound');
  await run(page, "kubectl exec example-pod -- sh -c 'echo hello from the volume > /usr/share/nginx/html/index.html'");
  await run(page, 'kubectl exec example-pod -- cat /usr/share/nginx/html/index.html');
  await expect(screen(page)).toContainText('hello from the volume');

  // Errors come back in kubectl's words; the prompt comes back.
  await run(page, 'kubectl get pvc nope');
  await expect(screen(page)).toContainText('Error from server (NotFound): persistentvolumeclaims "nope" not found');

  // Tab completes object names that exist now; Up recalls the last line.
  await page.keyboard.type('kubectl describe pvc ex');
  await page.keyboard.press('Tab');
  await expect(screen(page)).toContainText('$ kubectl describe pvc example-pvc');
  await page.keyboard.press('Control+c');

  // A here-document: the lines after `<<EOF` collect under a `>` prompt, then run as one command.
  await page.keyboard.type('kubectl apply -f - <<EOF');
  await page.keyboard.press('Enter');
  for (const line of ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: from-terminal', 'data:', '  mode: fast']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => lastLine(page)).toBe('>');
  await run(page, 'EOF');
  await expect(screen(page)).toContainText('configmap/from-terminal created');

  // Ctrl+R searches the history as you type (bash's reverse-i-search); Enter runs what it found.
  await page.keyboard.press('Control+r');
  await page.keyboard.type('get pvc');
  await expect.poll(() => lastLine(page)).toBe("(reverse-i-search)`get pvc': kubectl get pvc nope");
  await page.keyboard.press('Control+r');
  await expect.poll(() => lastLine(page)).toBe("(reverse-i-search)`get pvc': kubectl get pvc");
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page)).toBe('$');
  const rows = await page.locator('.xterm-rows > div').evaluateAll((r) => r.map((x) => (x.textContent ?? '').replace(/\u00a0/g, ' ').trim()));
  // The prompt shows the command found, then its output.
  const at = rows.lastIndexOf('$ kubectl get pvc');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(rows.slice(at + 1).join('\n')).toMatch(/^NAME\s+STATUS[\s\S]*\nexample-pvc\s+Bound/);

  // A change made here shows on the canvas.
  await run(page, 'kubectl delete pod example-pod');
  await expect(page.getByRole('group', { name: /^Pod example-pod/ })).toHaveCount(0);
  const shot = testInfo.outputPath('terminal.png');
  await page.screenshot({ path: shot });
  keep(shot, 'terminal-1280x720-light.png');
  expect(errors).toEqual([]);
});

test('the terminal drives the Docker host too', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const errors = await open(page);
  await page.keyboard.press('Control+`');
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker');
  await run(page, 'docker volume create my-vol');
  await run(page, 'docker run -d --name my-cont -v my-vol:/app busybox sleep 3600');
  await run(page, "docker exec my-cont sh -c 'echo This is my delta data > /app/file.txt'");
  await run(page, 'docker rm -f my-cont');
  await run(page, 'docker run --rm -v my-vol:/app busybox cat /app/file.txt');
  await expect(screen(page)).toContainText('This is my delta data');
  await run(page, 'docker system df');
  await expect(screen(page)).toContainText('Local Volumes   1         0');
  const shot = testInfo.outputPath('terminal-docker.png');
  await page.screenshot({ path: shot });
  keep(shot, 'terminal-docker-1920x1080-dark.png');
  expect(errors).toEqual([]);
});
