import { useMemo } from 'react';
import { viewOf } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';
import { countPending } from '../inspector/pending-count.ts';

/** The dock tabs' badges: events (and how many are warnings), timeline steps, Pending claims and pods. */
export function useDockCounts(): { events: number; warnings: number; steps: number; pending: number } {
  const cluster = useAppStore((s) => s.cluster);
  // Frames after the first, as the playback counter shows them (`steps` keeps only the newest MAX_STEPS).
  const steps = useAppStore((s) => s.timeline.frames.length - 1);
  const counts = useMemo(() => {
    const events = viewOf(cluster).list('Event');
    return { events: events.length, warnings: events.filter((e) => e.type === 'Warning').length, pending: countPending(cluster) };
  }, [cluster]);
  return { ...counts, steps };
}
