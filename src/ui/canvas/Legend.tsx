// What the colours and lines mean, in a corner of the canvas.
import { Panel } from '@xyflow/react';
import type { Tone } from './status.ts';
import { TONE_DOT } from '../components/tones.ts';

const PHASES: [Tone, string][] = [
  ['amber', 'Pending'],
  ['green', 'Bound · Running'],
  ['blue', 'Available'],
  ['grey', 'Released'],
  ['red', 'Failed · Lost'],
];

const LINES: [string, string, string][] = [
  ['uses', 'pod uses claim', ''],
  ['bound', 'bound', ''],
  ['provisioned', 'class of volume', '2 4'],
  ['waiting', 'claim waits on class', '6 4'],
];

export function Legend() {
  return (
    <Panel position="bottom-left" className="!m-3">
      <div role="group" aria-label="Legend" className="flex flex-col gap-1.5 rounded-lg border border-slate-200 bg-white/90 px-3 py-2 text-[11px] text-slate-600 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/90 dark:text-slate-300">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {PHASES.map(([tone, label]) => (
            <span key={label} className="inline-flex items-center gap-1.5">
              <span aria-hidden className={`size-2 rounded-full ${TONE_DOT[tone]}`} />
              {label}
            </span>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {LINES.map(([relation, label, dash]) => (
            <span key={relation} className="inline-flex items-center gap-1.5">
              <svg aria-hidden width="22" height="6" className="overflow-visible">
                <line x1="0" y1="3" x2="22" y2="3" stroke={`var(--edge-${relation})`} strokeWidth={relation === 'bound' ? 2.5 : 1.75} strokeDasharray={dash || undefined} strokeLinecap="round" />
              </svg>
              {label}
            </span>
          ))}
        </div>
      </div>
    </Panel>
  );
}
