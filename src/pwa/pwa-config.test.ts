// The web app manifest as written: what Chromium's installability check and the maskable-icon
// rules need, with every icon a real file of the size it claims. (e2e/offline.spec.ts checks the
// manifest the build serves.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_COLOR, manifest, MAX_PRECACHED_FILE_BYTES, pwaOptions, THEME_COLOR } from './pwa-config.ts';
import { themeColorFor } from './theme-color.ts';

const publicFile = (src: string) => readFileSync(new URL(`../../public${src}`, import.meta.url));

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('web app manifest', () => {
  it('names the app and opens it as a standalone window at the root', () => {
    expect(manifest.name).toBe('Kubernetes Storage Playground');
    expect(manifest.short_name!.length).toBeLessThanOrEqual(12); // fits under a launcher icon
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/');
    expect(manifest.scope).toBe('/');
  });

  it('has 192 and 512 pixel PNG icons, both plain and maskable, each a file of the size it says', () => {
    const icons = manifest.icons!;
    for (const purpose of ['any', 'maskable']) {
      const sizes = icons.filter((i) => i.purpose === purpose && i.type === 'image/png').map((i) => i.sizes);
      expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    }
    for (const icon of icons) {
      const bytes = publicFile(icon.src);
      if (icon.type === 'image/png') expect(pngSize(bytes)).toBe(icon.sizes);
      else expect(bytes.toString('utf8')).toContain('<svg');
    }
    expect(pngSize(publicFile('/apple-touch-icon.png'))).toBe('180x180');
  });

  it('uses the header and page colours, and index.html starts with the same theme colour', () => {
    expect(manifest.theme_color).toBe(THEME_COLOR.light);
    expect(manifest.background_color).toBe(BACKGROUND_COLOR);
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(html).toContain(`<meta name="theme-color" content="${themeColorFor(false)}" />`);
    expect(html).toContain(`'${themeColorFor(true)}'`); // the pre-paint script's dark colour
  });
});

describe('service worker options', () => {
  it('asks before updating, and registers from the app (after load), not from an injected script', () => {
    expect(pwaOptions.registerType).toBe('prompt');
    expect(pwaOptions.injectRegister).toBe(false);
  });

  it('precaches every kind of file the build emits, Monaco-sized chunks included', () => {
    const patterns = pwaOptions.workbox!.globPatterns!.join(' ');
    for (const ext of ['html', 'js', 'css', 'svg', 'png', 'ttf', 'woff2']) expect(patterns).toMatch(new RegExp(`[{,]${ext}[,}]`));
    // Workbox's default (2 MiB) would fail the build on Monaco's ~3.2 MB chunk.
    expect(MAX_PRECACHED_FILE_BYTES).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(pwaOptions.workbox!.maximumFileSizeToCacheInBytes).toBe(MAX_PRECACHED_FILE_BYTES);
    expect(pwaOptions.workbox!.navigateFallback).toBe('index.html');
  });
});
