// Says what the latest apply did, in words, for screen readers (the steps panel shows the same).
import { useAppStore } from '../../store/index.ts';

export function Narration() {
  const steps = useAppStore((s) => s.latestSteps);
  const serial = useAppStore((s) => s.lastApply?.serial ?? 0);
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="narration">
      {serial > 0 && steps.length === 0 ? 'Nothing changed.' : steps.map((s) => `${s.summary}.`).join(' ')}
    </div>
  );
}
