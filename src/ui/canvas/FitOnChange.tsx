import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';

export const FIT_OPTIONS: FitViewOptions = { padding: 0.08, maxZoom: 1.35 };

/**
 * Re-frames the canvas when objects appear or disappear, or when the canvas itself is resized
 * (a splitter, focus mode, the window), so nothing lands off-screen. A status change alone does
 * not move the view.
 */
export function FitOnChange({ ids }: { ids: string }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const raf = requestAnimationFrame(() => void fitView({ ...FIT_OPTIONS, duration: 300 }));
    return () => cancelAnimationFrame(raf);
  }, [ids, width, height, fitView]);
  return null;
}
