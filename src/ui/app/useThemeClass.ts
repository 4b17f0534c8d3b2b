import { useEffect } from 'react';
import { useResolvedTheme } from './useResolvedTheme.ts';

/** Keeps the `dark` class and color-scheme on <html> in step with the theme in effect. */
export function useThemeClass(): void {
  const theme = useResolvedTheme();
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('dark', theme === 'dark');
    root.style.colorScheme = theme;
  }, [theme]);
}
