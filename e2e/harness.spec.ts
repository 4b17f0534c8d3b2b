import { expect, test } from '@playwright/test';

// Proves the Playwright wiring (webServer, baseURL, Chromium) works; the UI's own tests live beside it.
test('the production build is served with the playground title', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Storage Playground/);
});
