// A drag handle between two panes (pointer events, plus arrow keys when focused).
import { useCallback, useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** `x`: drags left/right (resizes a width); `y`: drags up/down (resizes a height). */
  axis: 'x' | 'y';
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the pane, -1 when it shrinks it. */
  direction?: 1 | -1;
  onChange: (value: number) => void;
  label: string;
}

export function Splitter({ axis, value, min, max, direction = 1, onChange, label }: SplitterProps) {
  const start = useRef<{ pointer: number; value: number } | null>(null);
  const clamp = useCallback((v: number) => Math.round(Math.min(max, Math.max(min, v))), [min, max]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { pointer: axis === 'x' ? e.clientX : e.clientY, value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const delta = (axis === 'x' ? e.clientX : e.clientY) - start.current.pointer;
    onChange(clamp(start.current.value + direction * delta));
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = axis === 'x' ? ['ArrowRight'] : ['ArrowDown'];
    const shrink = axis === 'x' ? ['ArrowLeft'] : ['ArrowUp'];
    const step = e.shiftKey ? 64 : 16;
    if (grow.includes(e.key)) onChange(clamp(value + direction * step));
    else if (shrink.includes(e.key)) onChange(clamp(value - direction * step));
    else return;
    e.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      className={[
        'group relative z-10 shrink-0 touch-none bg-slate-200 outline-none dark:bg-slate-800',
        axis === 'x' ? 'w-px cursor-col-resize' : 'h-px cursor-row-resize',
      ].join(' ')}
    >
      <span
        className={[
          'absolute rounded-full transition-colors group-hover:bg-indigo-400/60 group-focus-visible:bg-indigo-500',
          axis === 'x' ? '-inset-x-1 inset-y-0' : '-inset-y-1 inset-x-0',
        ].join(' ')}
      />
    </div>
  );
}
