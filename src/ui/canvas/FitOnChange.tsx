import { useEffect, useRef } from 'react';
import { useReactFlow, type FitViewOptions } from '@xyflow/react';

export const FIT_OPTIONS: FitViewOptions = { padding: 0.08, maxZoom: 1.1 };

/** Re-frames the canvas when objects appear or disappear (not when a status changes), so nothing new lands off-screen. */
export function FitOnChange({ ids }: { ids: string }) {
  const { fitView } = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const raf = requestAnimationFrame(() => void fitView({ ...FIT_OPTIONS, duration: 350 }));
    return () => cancelAnimationFrame(raf);
  }, [ids, fitView]);
  return null;
}
