// The canvas's context menu: what can happen to the object under the pointer (or the focused
// card, with Shift+F10 or the ContextMenu key), each item with the exact command it runs.
//
// A menu in the WAI-ARIA sense: role="menu" with role="menuitem" buttons, the first item focused
// on open, arrow keys, Home/End, Enter, Escape (back to where focus was), Tab closes. It closes on
// a pointer press outside it, on scrolling or zooming, and on resizing, and is kept inside the
// viewport. It renders into <body> so that no transformed ancestor moves it.
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ChaosAction, ChaosMenu } from './chaos-actions.ts';
import { moveMenuFocus } from '../components/menu-keys.ts';

export interface OpenMenu {
  /** Where it was asked for, in viewport pixels. */
  x: number;
  y: number;
  menu: ChaosMenu;
  /** Which object it is for (a flow node id, or `zone:NAME`, `canvas`). */
  targetId: string;
  /** Where focus goes back to when it closes without running anything (keyboard opening). */
  returnFocus?: HTMLElement | SVGElement | null;
}

const MARGIN = 8;

export function ContextMenu({ open, onRun, onClose }: { open: OpenMenu; onRun: (action: ChaosAction) => void; onClose: (refocus: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  // Measure, then keep the whole menu on screen: flip up or left when it would overflow.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = open.x + width + MARGIN > vw ? Math.max(MARGIN, vw - width - MARGIN) : open.x;
    const top = open.y + height + MARGIN > vh ? Math.max(MARGIN, open.y - height) : open.y;
    setPlace({ left, top });
  }, [open]);

  // Focus the first item once the menu is placed (a hidden element cannot take focus).
  const placed = place !== null;
  useEffect(() => {
    if (placed) ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [placed, open]);

  useEffect(() => {
    const outside = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    const away = () => onClose(false);
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('wheel', outside, { capture: true, passive: true });
    document.addEventListener('scroll', outside, true);
    window.addEventListener('resize', away);
    window.addEventListener('blur', away);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('wheel', outside, true);
      document.removeEventListener('scroll', outside, true);
      window.removeEventListener('resize', away);
      window.removeEventListener('blur', away);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (moveMenuFocus(ref.current, e.key)) {
      // handled: focus moved among the items
    } else if (e.key === 'Escape') onClose(true);
    else if (e.key === 'Tab') onClose(false);
    else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) onClose(true);
    else return;
    e.stopPropagation();
    if (e.key !== 'Tab') e.preventDefault();
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${open.menu.title}`}
      data-testid="canvas-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
      style={{ left: place?.left ?? open.x, top: place?.top ?? open.y, visibility: place ? 'visible' : 'hidden' }}
      className="fixed z-[80] max-w-[calc(100vw-16px)] min-w-60 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-xl ring-1 ring-slate-900/5 dark:border-slate-700 dark:bg-slate-800 dark:ring-white/5"
    >
      <div className="truncate px-3 pt-1.5 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{open.menu.title}</div>
      {open.menu.groups.map((group, g) => (
        <Fragment key={g}>
          {g > 0 && <div role="separator" className="my-1 h-px bg-slate-100 dark:bg-slate-700" />}
          {group.map((action) => (
            <button
              key={action.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              title={action.hint}
              onClick={() => onRun(action)}
              className="group flex w-full flex-col items-start gap-0.5 px-3 py-1.5 text-left outline-none hover:bg-slate-50 focus-visible:bg-indigo-50 dark:hover:bg-slate-700/60 dark:focus-visible:bg-indigo-500/15"
            >
              <span className={`text-sm leading-5 font-medium ${action.danger ? 'text-rose-700 dark:text-rose-300' : 'text-slate-800 dark:text-slate-100'}`}>{action.label}</span>
              <code className="font-mono text-[11px] leading-4 whitespace-nowrap text-slate-500 group-focus-visible:text-slate-600 dark:text-slate-400 dark:group-focus-visible:text-slate-300">{action.command}</code>
            </button>
          ))}
        </Fragment>
      ))}
    </div>,
    document.body,
  );
}
