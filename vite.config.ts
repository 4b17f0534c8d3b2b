import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './src/pwa/pwa-config.ts';

export default defineConfig({
  // The service worker and manifest are build-only (the dev server runs without them): see src/pwa/.
  plugins: [react(), tailwindcss(), VitePWA(pwaOptions)],
  // Under `vite` dev the yaml worker must be pre-bundled, or the first editor open reloads the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // The engine, the command layers and lib are pure modules: importing one runs no code worth
    // keeping, so a chunk needs only the modules whose exports it uses. That keeps the engine's
    // write path (typed decoding and its schema validator) out of the first screen.
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](engine|commands|lib)[\\/]/.test(id) },
    },
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/store/test-setup.ts'],
  },
});
