import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './index.css';
import { App } from './ui/app/App.tsx';
import { installTestHook } from './ui/app/test-hook.ts';
import { appStore } from './store/index.ts';
import { startPlaybackClock } from './store/playback.ts';
import { parseEmbedParams } from './ui/embed/embed-params.ts';

installTestHook();
startPlaybackClock(appStore, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) });

// `?embed=PANES`: the compact shell for an <iframe> (src/ui/embed/), its own chunk.
const embed = parseEmbedParams(location.search);
const EmbedApp = lazy(() => import('./ui/embed/EmbedApp.tsx'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {embed ? (
      <Suspense>
        <EmbedApp params={embed} />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
