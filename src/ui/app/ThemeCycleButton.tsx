// The theme choice in one icon button, for headers too narrow for the three-way ThemeSwitch:
// each press moves to the next choice (system → light → dark → system).
import { THEME_CHOICES, useAppStore, type ThemeChoice } from '../../store/index.ts';
import { Icon, type IconName } from '../components/Icon.tsx';

const META: Record<ThemeChoice, { icon: IconName; label: string }> = {
  system: { icon: 'monitor', label: 'following the system' },
  light: { icon: 'sun', label: 'light' },
  dark: { icon: 'moon', label: 'dark' },
};

export function ThemeCycleButton({ className = '' }: { className?: string }) {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const next = THEME_CHOICES[(THEME_CHOICES.indexOf(theme) + 1) % THEME_CHOICES.length]!;
  const label = `Theme: ${META[theme].label} (switch to ${META[next].label})`;
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => setTheme(next)}
      className={`grid size-8 shrink-0 place-items-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white ${className}`}
    >
      <Icon name={META[theme].icon} className="size-4" />
    </button>
  );
}
