import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './index.css';
import { App } from './ui/app/App.tsx';
import { installTestHook } from './ui/app/test-hook.ts';
import { appStore } from './store/index.ts';
import { startPlaybackClock } from './store/playback.ts';

installTestHook();
startPlaybackClock(appStore, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
