// Tailwind classes per colour family, so a phase looks the same on cards, pills and the legend.
import type { Tone } from '../canvas/status.ts';

export const TONE_PILL: Record<Tone, string> = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30',
  blue: 'bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-400/10 dark:text-sky-300 dark:ring-sky-400/30',
  grey: 'bg-slate-100 text-slate-700 ring-slate-500/25 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30',
  red: 'bg-rose-50 text-rose-800 ring-rose-600/25 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30',
  violet: 'bg-violet-50 text-violet-800 ring-violet-600/25 dark:bg-violet-400/10 dark:text-violet-300 dark:ring-violet-400/30',
};

export const TONE_DOT: Record<Tone, string> = {
  green: 'bg-emerald-500',
  amber: 'bg-amber-500',
  blue: 'bg-sky-500',
  grey: 'bg-slate-400',
  red: 'bg-rose-500',
  violet: 'bg-violet-500',
};

export const TONE_BAR: Record<Tone, string> = {
  green: 'before:bg-emerald-500',
  amber: 'before:bg-amber-500',
  blue: 'before:bg-sky-500',
  grey: 'before:bg-slate-400',
  red: 'before:bg-rose-500',
  violet: 'before:bg-violet-500',
};
