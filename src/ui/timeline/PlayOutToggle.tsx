// "Play out each action" (issue 12's lecture mode): with it on, an Apply, a terminal command or a
// canvas action that takes several controller steps is shown from its first step and played to
// live, captioned, instead of jumping to the end. On by default in presentation mode, where a
// class watches; the teacher's own choice (the button, or P) is kept with the other UI prefs. The
// app store only reads the effective value, pushed from here, so it never imports the layout.
import { useEffect } from 'react';
import { appStore } from '../../store/index.ts';
import { layoutStore, playOutOn, useLayout } from '../app/layout-store.ts';
import { typingInto } from './typing-into.ts';

export function PlayOutToggle() {
  const on = useLayout(playOutOn);
  useEffect(() => appStore.getState().setPlayOut(on), [on]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'p' && e.key !== 'P') || typingInto(e.target)) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label="Play out each action"
      data-testid="play-out-toggle"
      title={`Play out each action step by step, captioned (P): ${on ? 'on' : 'off'}`}
      onClick={toggle}
      className={`grid size-7 place-items-center rounded-md focus-visible:outline-2 focus-visible:outline-indigo-500 ${on ? 'bg-indigo-100 text-indigo-700 hover:bg-indigo-200 dark:bg-indigo-400/20 dark:text-indigo-200 dark:hover:bg-indigo-400/30' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'}`}
    >
      {/* Three frames, one after another: a step-by-step play-out. */}
      <svg viewBox="0 0 24 24" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 7v10M9 7v10M14 6.5v11l7-5.5z" />
      </svg>
    </button>
  );
}

function toggle() {
  const s = layoutStore.getState();
  s.setPlayOut(!playOutOn(s));
}
