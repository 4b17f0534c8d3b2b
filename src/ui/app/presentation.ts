// Presentation mode: the editor hides and the rest is drawn larger, for a projector. The header,
// canvas bar and dock are scaled with CSS zoom (every size grows alike, so nothing reflows into
// clipped text); the canvas is not zoomed (React Flow measures its handles on screen) but gains the
// editor's width and re-fits, so its cards grow with it.
import { useEffect, useState } from 'react';
import { appStore } from '../../store/index.ts';
import { layoutStore, useLayout } from './layout-store.ts';

/**
 * How much larger presentation mode draws the app's chrome: 1.25 at 1280×720, up to 1.5 at
 * 1920×1080, never below 1 (a window that is small because the browser is zoomed, 150 % on a 720p
 * projector, is already large), times the teacher's text size.
 */
export function presentationZoom(width: number, height: number, textScale = 1): number {
  const fit = Math.min(width / 1024, height / 576);
  return Math.round(Math.min(1.5, Math.max(1, fit)) * textScale * 100) / 100;
}

/**
 * The header packs the most controls, so it never gets less than 1280 px of layout width (its
 * design width): it grows only on screens wider than that.
 */
export function headerZoom(width: number, zoom: number): number {
  return Math.round(Math.max(1, Math.min(zoom, width / 1280)) * 100) / 100;
}

/** The zooms to apply now: `chrome` for the canvas bar and the dock, `header` for the header; 1 outside presentation mode. */
export function usePresentationZoom(): { chrome: number; header: number } {
  const on = useLayout((s) => s.presentation);
  const textScale = useLayout((s) => s.textScale);
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    if (!on) return;
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [on]);
  if (!on) return { chrome: 1, header: 1 };
  const chrome = presentationZoom(size.width, size.height, textScale);
  return { chrome, header: headerZoom(size.width, chrome) };
}

/** Where a key belongs to what has focus: typing in a field, the editor or the terminal. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm') !== null;
}

export const PRESENTATION_KEYS = 'F or Ctrl+Shift+P';

/**
 * F (outside fields, the editor and the terminal) or Ctrl/Cmd+Shift+P toggles presentation mode;
 * Escape leaves it, or else clears the selection.
 */
export function usePresentationKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const layout = layoutStore.getState();
      const chord = (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p';
      const single = (e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
      if (chord || single) {
        e.preventDefault();
        layout.setPresentation(!layout.presentation);
      } else if (e.key === 'Escape' && !typingIn(e.target)) {
        if (layout.presentation) layout.setPresentation(false);
        else if (appStore.getState().selected) appStore.getState().selectObject(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
