// Renders the installed app's PNG icons from the SVGs in public/ with headless Chromium, so the
// PNGs never drift from their source: `node --import tsx scripts/make-pwa-icons.ts`.
// Platforms that cannot use an SVG icon (Android's launcher, iOS's home screen) need PNGs; the
// sizes are the ones Chromium's installability check and the maskable-icon spec ask for.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const ICONS = [
  { svg: 'pwa-icon.svg', png: 'pwa-192.png', size: 192 },
  { svg: 'pwa-icon.svg', png: 'pwa-512.png', size: 512 },
  { svg: 'pwa-maskable.svg', png: 'pwa-maskable-192.png', size: 192 },
  { svg: 'pwa-maskable.svg', png: 'pwa-maskable-512.png', size: 512 },
  // iOS rounds the corners itself and shows transparency as black: the full-bleed maskable art.
  { svg: 'pwa-maskable.svg', png: 'apple-touch-icon.png', size: 180 },
];

const chrome = findChrome();
if (chrome.path === null) throw new Error(chrome.error);
const browser = await chromium.launch({ executablePath: chrome.path, args: CHROME_ARGS, headless: true });
try {
  for (const { svg, png, size } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const markup = readFileSync(new URL(`../public/${svg}`, import.meta.url), 'utf8');
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
    writeFileSync(new URL(`../public/${png}`, import.meta.url), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`public/${png} ${size}x${size}`);
  }
} finally {
  await browser.close();
}
