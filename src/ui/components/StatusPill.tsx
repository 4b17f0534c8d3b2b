import type { Tone } from '../canvas/status.ts';
import { TONE_DOT, TONE_PILL } from './tones.ts';

export function StatusPill({ status, tone, className = '' }: { status: string; tone: Tone; className?: string }) {
  return (
    <span className={`inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-[11px] leading-4 font-semibold ring-1 ring-inset ${TONE_PILL[tone]} ${className}`}>
      <span aria-hidden className={`size-1.5 shrink-0 rounded-full ${TONE_DOT[tone]}`} />
      <span className="truncate">{status}</span>
    </span>
  );
}
