import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/index.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const systemIsDark = () => window.matchMedia(QUERY).matches;

/** The theme in effect: the user's choice, or the system's when the choice is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useAppStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  return choice === 'system' ? (dark ? 'dark' : 'light') : choice;
}
