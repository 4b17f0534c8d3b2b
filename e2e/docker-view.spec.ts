import { expect, test } from '@playwright/test';
import { keep, open } from './helpers.ts';

// The Docker view: one image's read-only layers shared by three containers, each with its own
// writable layer (the course's 4, 10 and 6 MB), and a named volume beside them.

const SETUP = [
  'docker volume create my-vol',
  "docker run -d --name container-1 -v my-vol:/data busybox sh -c 'dd if=/dev/zero of=/delta bs=1000000 count=4; sleep 3600'",
  "docker run -d --name container-2 busybox sh -c 'dd if=/dev/zero of=/delta bs=1000000 count=10; sleep 3600'",
  "docker run -d --name container-3 busybox sh -c 'dd if=/dev/zero of=/delta bs=1000000 count=6; sleep 3600'",
];

for (const scheme of ['light', 'dark'] as const) {
  test(`the Docker view draws shared image layers and each container's writable layer (${scheme})`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: scheme });
    const errors = await open(page);
    await page.evaluate(async (lines) => {
      for (const l of lines) await window.__playground!.run(l);
    }, SETUP);
    await page.getByRole('radio', { name: 'Docker' }).click();

    await expect(page.getByRole('group', { name: 'Image busybox 4.27MB' })).toBeVisible();
    await expect(page.getByTestId('docker-image-busybox')).toContainText('shared by 3 containers');
    for (const [name, size] of [['container-1', '4MB'], ['container-2', '10MB'], ['container-3', '6MB']]) {
      await expect(page.getByRole('group', { name: `Container ${name} Up` })).toBeVisible();
      await expect(page.getByTestId(`docker-container-${name}`)).toContainText(`writable ${size}`);
    }
    await expect(page.getByRole('group', { name: 'Volume my-vol 0B' })).toBeVisible();

    // A write grows the container's bar; stopping keeps it; the cluster view is one click away.
    await page.evaluate(() => window.__playground!.run("docker exec container-1 sh -c 'dd if=/dev/zero of=/more bs=1000000 count=8'"));
    await expect(page.getByTestId('docker-container-container-1')).toContainText('writable 12MB');
    await page.evaluate(() => window.__playground!.run('docker stop container-3'));
    await expect(page.getByRole('group', { name: 'Container container-3 Exited (137)' })).toBeVisible();
    await expect(page.getByTestId('docker-container-container-3')).toContainText('writable 6MB');
    await page.waitForTimeout(600); // the re-fit animation
    const shot = testInfo.outputPath('docker.png');
    await page.screenshot({ path: shot });
    keep(shot, `docker-view-1280x720-${scheme}.png`);

    await page.getByRole('radio', { name: 'Cluster' }).click();
    await expect(page.getByRole('group', { name: /^Node node-1 Ready$/ })).toBeVisible();
    expect(errors).toEqual([]);
  });
}
