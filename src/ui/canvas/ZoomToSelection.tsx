// "Zoom to selection" (the canvas' corner button, or Z outside fields): frames the selected card
// with the cards it has edges to (its claim, its volume, its class), at a zoom the room can read,
// so a teacher can point at one thing in a scene too big to show whole at a readable size.
import { useCallback, useEffect } from 'react';
import { ControlButton, useReactFlow, type Edge } from '@xyflow/react';

/** The selected card and its neighbours along edges, by node id. */
export function selectionIds(selectedId: string, edges: readonly Pick<Edge, 'source' | 'target'>[]): string[] {
  const ids = new Set([selectedId]);
  for (const e of edges) {
    if (e.source === selectedId) ids.add(e.target);
    if (e.target === selectedId) ids.add(e.source);
  }
  return [...ids];
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm') !== null;
}

export function ZoomToSelection({ selectedId, edges, floor }: { selectedId: string | null; edges: readonly Edge[]; floor: number }) {
  const { fitView } = useReactFlow();
  const zoom = useCallback(() => {
    if (!selectedId) return;
    // Never below the readable zoom (centred on the selection when its neighbours are far apart).
    const minZoom = Math.max(0.6, floor);
    void fitView({ nodes: selectionIds(selectedId, edges).map((id) => ({ id })), padding: 0.25, minZoom, maxZoom: Math.max(1.6, minZoom), duration: 400 });
  }, [selectedId, edges, floor, fitView]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'z' && e.key !== 'Z') || typingIn(e.target)) return;
      if (!selectedId) return;
      e.preventDefault();
      zoom();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoom, selectedId]);
  return (
    <ControlButton onClick={zoom} disabled={!selectedId} title={selectedId ? 'Zoom to selection (Z)' : 'Zoom to selection (Z): select a card first'} aria-label="Zoom to selection" aria-keyshortcuts="Z">
      <svg viewBox="0 0 16 16" aria-hidden fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
        <circle cx="7" cy="7" r="4.2" />
        <path d="M10.2 10.2 14 14M5.2 7h3.6M7 5.2v3.6" />
      </svg>
    </ControlButton>
  );
}
