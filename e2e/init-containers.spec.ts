import { expect, test } from '@playwright/test';
import { open, useHook } from './helpers.ts';

// A pod card shows its init containers before its app containers, marked `init` or `sidecar`,
// and kubectl's status while it initializes (Init:0/2).

const INITIALIZING = `apiVersion: v1
kind: Pod
metadata:
  name: seeded
spec:
  initContainers:
  - name: migrate
    image: busybox:1.28
    command: ["sh", "-c", "sleep 60"]
  - name: agent
    image: busybox:1.28
    restartPolicy: Always
    command: ["sh", "-c", "while true; do sleep 10; done"]
  containers:
  - name: app
    image: nginx
`;

test('a pod with init containers: init and sidecar chips, Init:0/2', async ({ page }, testInfo) => {
  const errors = await open(page);
  await useHook(page, INITIALIZING);
  const card = page.locator('.react-flow__node').filter({ hasText: 'seeded' }).first();
  await expect(card).toBeVisible();
  await expect(card).toContainText('init migrate');
  await expect(card).toContainText('sidecar agent');
  await expect(card).toContainText('Init:0/2');
  await page.screenshot({ path: testInfo.outputPath('init-containers.png') });
  expect(errors).toEqual([]);
});
