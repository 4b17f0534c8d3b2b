import { useMemo } from 'react';
import { viewOf } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';

export function useDockCounts(): { events: number; steps: number } {
  const cluster = useAppStore((s) => s.cluster);
  const steps = useAppStore((s) => s.steps.length);
  const events = useMemo(() => viewOf(cluster).count('Event'), [cluster]);
  return { events, steps };
}
