import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// "Configure a Pod to Use a Volume for Storage" (kubernetes.io) typed at the terminal as the page
// has it: the redis pod, `kubectl exec -it redis -- /bin/bash`, apt-get update, apt-get install
// procps, ps aux (redis-server is PID 1), then `kill 1`, and the file in the emptyDir is still
// there in the restarted container. The screenshot is what a class sees after `ps aux`.

const rows = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((all) => all.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter((t) => t.trim() !== '' && !t.startsWith('──')));
const lastLine = async (page: Page) => (await rows(page)).pop() ?? '';

async function enter(page: Page, line: string, prompt: string) {
  await page.keyboard.type(line);
  await expect.poll(() => lastLine(page)).toMatch(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page), { timeout: 15_000 }).toBe(prompt);
}

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: redis', 'spec:', '  containers:', '  - name: redis', '    image: redis', '    volumeMounts:', '    - name: redis-storage', '      mountPath: /data/redis', '  volumes:', '  - name: redis-storage', '    emptyDir: {}'];

test('the redis volume task at the terminal: apt-get install procps, ps aux, kill, and the file survives', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker against the simulated cluster');
  await enter(page, "kubectl apply -f - <<'EOF'", '>');
  for (const line of POD) await enter(page, line, '>');
  await enter(page, 'EOF', '$');
  await expect(page.getByRole('group', { name: 'Pod redis Running' })).toBeVisible();

  await enter(page, 'kubectl exec -it redis -- /bin/bash', 'root@redis:/data#');
  await enter(page, 'cd /data/redis/', 'root@redis:/data/redis#');
  await enter(page, 'echo Hello > test-file', 'root@redis:/data/redis#');
  await enter(page, 'apt-get update', 'root@redis:/data/redis#');
  expect((await rows(page)).at(-2)).toBe('Reading package lists... Done');
  await enter(page, 'apt-get install procps', 'root@redis:/data/redis#');
  expect((await rows(page)).at(-2)).toBe('Setting up procps (2:4.0.2-3) ...');
  await enter(page, 'ps aux', 'root@redis:/data/redis#');
  const ps = (await rows(page)).slice(-5);
  expect(ps[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
  expect(ps[1]).toMatch(/^redis +1 .* redis-server \*:6379$/);
  await page.waitForTimeout(300);
  const shot = testInfo.outputPath('k8s-docs-redis-ps.png');
  await page.screenshot({ path: shot });
  keep(shot, 'k8s-docs-redis-ps-dark-1280.png');

  await enter(page, 'kill 1', '$');
  await expect(page.locator('.xterm-rows')).toContainText('command terminated with exit code 137');
  await enter(page, 'kubectl exec -it redis -- /bin/bash', 'root@redis:/data#');
  await enter(page, 'ls /data/redis', 'root@redis:/data#');
  expect((await rows(page)).at(-2)).toBe('test-file');
  await enter(page, 'exit', '$');
});
