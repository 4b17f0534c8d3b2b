// What the colours and lines mean: one line above the canvas, never over it.
import type { Tone } from './status.ts';
import { TONE_DOT } from '../components/tones.ts';

const PHASES: [Tone, string][] = [
  ['amber', 'Pending'],
  ['green', 'Bound / Running'],
  ['blue', 'Available'],
  ['grey', 'Released'],
  ['red', 'Failed / Lost'],
];

/** Relation, label, short label (when the bar is narrow, e.g. 1280 px with the editor open), dash. */
const LINES: [string, string, string, string][] = [
  ['uses', 'uses', 'uses', ''],
  ['bound', 'bound to', 'bound', ''],
  ['provisioned', 'class of', 'class', '2 4'],
  ['waiting', 'waits on class', 'waits', '6 4'],
  ['config', 'config for', 'config', '1 4'],
  ['owns', 'owned by', 'owns', '4 2 1 2'],
  ['selects', 'sends to', 'sends', '6 2'],
];

export function Legend() {
  return (
    <div role="group" aria-label="Legend" className="flex min-w-0 flex-1 items-center gap-x-3 overflow-hidden text-[11px] whitespace-nowrap text-slate-600 dark:text-slate-300">
      <ul className="flex items-center gap-x-3">
        {PHASES.map(([tone, label]) => (
          <li key={label} className="flex items-center gap-1.5">
            <span aria-hidden className={`size-2 rounded-full ${TONE_DOT[tone]}`} />
            {label}
          </li>
        ))}
      </ul>
      <span aria-hidden className="h-4 w-px shrink-0 bg-slate-200 dark:bg-slate-700" />
      <ul className="flex items-center gap-x-3">
        {LINES.map(([relation, label, short, dash]) => (
          <li key={relation} className="flex items-center gap-1.5" title={label}>
            <svg aria-hidden width="16" height="6" className="overflow-visible">
              <line x1="0" y1="3" x2="16" y2="3" stroke={`var(--edge-${relation})`} strokeWidth={relation === 'bound' ? 2.5 : 1.75} strokeDasharray={dash || undefined} strokeLinecap="round" />
            </svg>
            <span className="@6xl:hidden">{short}</span>
            <span className="hidden @6xl:inline">{label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
