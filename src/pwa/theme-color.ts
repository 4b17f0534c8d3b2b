// Keeps <meta name="theme-color"> (the installed app's title bar, a phone's browser bar) the colour
// of the header in the theme the learner chose, which may differ from the system's: index.html sets
// it before the first paint, and this follows the `dark` class on <html> when the theme changes.
import { THEME_COLOR } from './pwa-config.ts';

export function themeColorFor(dark: boolean): string {
  return dark ? THEME_COLOR.dark : THEME_COLOR.light;
}

/** Follows the `dark` class from now on; returns a function that stops following. */
export function followThemeColor(doc: Document): () => void {
  const root = doc.documentElement;
  const sync = () => {
    const meta = doc.querySelector('meta[name="theme-color"]');
    const color = themeColorFor(root.classList.contains('dark'));
    if (meta && meta.getAttribute('content') !== color) meta.setAttribute('content', color);
  };
  sync();
  const observer = new MutationObserver(sync);
  observer.observe(root, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
