// How vite-plugin-pwa builds the service worker and the web app manifest (used by vite.config.ts).
// Once visited, the playground must work in a classroom with no network: every file of the build is
// precached, the lazily loaded ones too (Monaco and its workers, the engine worker, xterm, the
// lesson layer, the scenarios), not only what the first screen fetched.
import type { ManifestOptions, VitePWAOptions } from 'vite-plugin-pwa';

/** The header's colours (Tailwind white and slate-900): the installed window's title bar matches it. */
export const THEME_COLOR = { light: '#ffffff', dark: '#0f172a' } as const;
/** The page background (slate-50), shown on the installed app's splash screen. */
export const BACKGROUND_COLOR = '#f8fafc';

/** Larger than the biggest chunk (Monaco with the YAML language, ~3.2 MB); a file over it fails the build. */
export const MAX_PRECACHED_FILE_BYTES = 8 * 1024 * 1024;

export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Kubernetes Storage Playground',
  short_name: 'K8s Storage',
  description: 'Write Kubernetes manifests, watch a simulated cluster bind claims, provision volumes and schedule pods.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: THEME_COLOR.light,
  background_color: BACKGROUND_COLOR,
  categories: ['education', 'developer'],
  icons: [
    { src: '/pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/pwa-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/pwa-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};

export const pwaOptions: Partial<VitePWAOptions> = {
  // A new version waits until the learner or teacher clicks Reload in the toast (UpdateToast):
  // 'autoUpdate' would reload the page in the middle of a lesson.
  registerType: 'prompt',
  // src/pwa/register.ts registers the worker itself, after the first screen has loaded.
  injectRegister: false,
  manifest,
  // The icons are in public/, so the glob below precaches them already (and the plugin adds the
  // manifest itself): listing them twice would only duplicate precache entries.
  includeManifestIcons: false,
  workbox: {
    // Everything the build emits. The plugin's default leaves out fonts (Monaco's codicon.ttf) and
    // images; workbox-build leaves out sw.js and its own runtime.
    globPatterns: ['**/*.{html,js,css,svg,png,ico,ttf,woff,woff2,json}'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
    // Every navigation (`/?embed=…`, `/#lesson=…`) is the one page, served from the precache offline.
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
};
