// System / light / dark, as a three-way segmented switch (following the system by default).
import { THEME_CHOICES, useAppStore, type ThemeChoice } from '../../store/index.ts';
import { Icon, type IconName } from '../components/Icon.tsx';

const META: Record<ThemeChoice, { icon: IconName; label: string }> = {
  system: { icon: 'monitor', label: 'Follow system theme' },
  light: { icon: 'sun', label: 'Light theme' },
  dark: { icon: 'moon', label: 'Dark theme' },
};

export function ThemeSwitch() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <div role="group" aria-label="Theme" className="flex items-center rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
      {THEME_CHOICES.map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={theme === choice}
          aria-label={META[choice].label}
          title={META[choice].label}
          onClick={() => setTheme(choice)}
          className={[
            'grid size-7 place-items-center rounded-md transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500',
            theme === choice ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-600 dark:text-white' : 'text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100',
          ].join(' ')}
        >
          <Icon name={META[choice].icon} className="size-4" />
        </button>
      ))}
    </div>
  );
}
