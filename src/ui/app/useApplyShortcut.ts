import { useEffect } from 'react';
import { appStore } from '../../store/index.ts';

/** Ctrl/Cmd+Enter applies from anywhere on the page (inside Monaco the editor's own command handles it). */
export function useApplyShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('.monaco-editor')) return;
      e.preventDefault();
      appStore.getState().applyEditor();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
