import { useEffect, useState } from 'react';

export interface PaneSizes {
  editorWidth: number;
  dockHeight: number;
}

/** Sensible first sizes for the viewport: the editor a third of the width, the dock about a quarter of the height. */
export function initialPaneSizes(width: number, height: number): PaneSizes {
  return {
    editorWidth: Math.round(Math.min(580, Math.max(340, width * 0.29))),
    dockHeight: Math.round(Math.min(300, Math.max(160, height * 0.27))),
  };
}

/** Pane sizes that stay within the window when it is resized. */
export function usePaneSizes() {
  const [sizes, setSizes] = useState(() => initialPaneSizes(window.innerWidth, window.innerHeight));
  const [limits, setLimits] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setLimits({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const editorMax = Math.max(300, limits.width - 420);
  const dockMax = Math.max(120, limits.height - 260);
  return {
    editorWidth: Math.min(sizes.editorWidth, editorMax),
    dockHeight: Math.min(sizes.dockHeight, dockMax),
    editorMax,
    dockMax,
    setEditorWidth: (editorWidth: number) => setSizes((s) => ({ ...s, editorWidth })),
    setDockHeight: (dockHeight: number) => setSizes((s) => ({ ...s, dockHeight })),
  };
}
