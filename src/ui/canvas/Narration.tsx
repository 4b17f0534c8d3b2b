// Says in words what the steps on screen did: every step of the latest action for screen readers
// (aria-live), and, while travelling through the timeline, the current step as a caption over
// the canvas, so a class can read along during playback.
import { useMemo } from 'react';
import { useAppStore } from '../../store/index.ts';
import { shortSentence, spokenSteps } from './narration-text.ts';

export function Narration() {
  const steps = useAppStore((s) => s.latestSteps);
  const serial = useAppStore((s) => s.lastApply?.serial ?? 0);
  const live = useAppStore((s) => s.timeline.cursor === s.timeline.frames.length - 1);
  const frame = useAppStore((s) => s.timeline.cursor + s.timeline.dropped);
  // Bounded (narration-text.ts): a 10,000-object Apply's one step names every object.
  const spoken = useMemo(() => (serial > 0 && steps.length === 0 && live ? 'Nothing changed.' : spokenSteps(steps.map((s) => s.summary))), [serial, steps, live]);
  const caption = !live ? steps[0] : undefined;
  return (
    <>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="narration">
        {spoken}
      </div>
      {caption && (
        <div aria-hidden className="pointer-events-none absolute inset-x-0 bottom-4 z-10 flex justify-center px-16">
          <p data-testid="step-caption" className="max-w-3xl rounded-xl bg-slate-900/88 px-4 py-2 text-center text-sm leading-snug text-white shadow-lg backdrop-blur dark:bg-slate-800/92">
            <span className="mr-2 font-mono text-xs text-slate-400">#{frame}</span>
            <span className="mr-1.5 font-semibold text-indigo-300">{caption.actor}</span>
            {shortSentence(caption.summary.startsWith(`${caption.actor} `) ? caption.summary.slice(caption.actor.length + 1) : caption.summary)}
          </p>
        </div>
      )}
    </>
  );
}
