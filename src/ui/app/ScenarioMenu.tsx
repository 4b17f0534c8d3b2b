// The examples menu's content and what picking one does. Loaded when the menu first opens (or
// is about to: hover, focus), so the catalog and its demo scripts stay off the first screen.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { appStore } from '../../store/index.ts';
import { isUntouched, loadScenarioText, SCENARIOS, TERMINAL_ONLY } from './scenario-files.ts';
import type { Scenario } from './scenarios.ts';
import { showLessonBrowser } from '../lessons/lesson-entry.ts';

export type PickOutcome =
  | { status: 'shown' }
  /** The editor holds the learner's own text: ask first; `replace` does it. */
  | { status: 'confirm'; title: string; preset: string; replace: () => void }
  | { status: 'failed'; error: string };

/** Puts a scenario on screen: a fresh cluster of its preset and its text (not applied). */
function showScenario(scenario: Scenario, text: string) {
  const s = appStore.getState();
  s.resetCluster(scenario.preset);
  s.setEditorText(text);
}

export async function pickScenario(scenario: Scenario): Promise<PickOutcome> {
  try {
    const text = await loadScenarioText(scenario);
    const current = appStore.getState().editorText;
    if (current !== text && !(await isUntouched(current))) {
      return { status: 'confirm', title: scenario.title, preset: scenario.preset, replace: () => showScenario(scenario, text) };
    }
    showScenario(scenario, text);
    return { status: 'shown' };
  } catch (err) {
    // A chunk that failed to download (offline, a new deploy): say so rather than do nothing.
    return { status: 'failed', error: `Could not load the example "${scenario.title}": ${err instanceof Error ? err.message : String(err)}` };
  }
}

export interface ScenarioMenuProps {
  menuId: string;
  /** Which item takes the focus on opening (keyboard), or none (a click leaves it on the button). */
  focusAt: 'first' | 'last' | null;
  onPick: (scenario: Scenario) => void;
  /** Tab leaves the menu: it closes. */
  onTabOut: () => void;
}

export function ScenarioMenu({ menuId, focusAt, onPick, onTabOut }: ScenarioMenuProps) {
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => {
    if (focusAt) items.current[focusAt === 'first' ? 0 : SCENARIOS.length - 1]?.focus();
  }, [focusAt]);

  const onKey = (e: KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      items.current[(to + SCENARIOS.length) % SCENARIOS.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at < 0 ? SCENARIOS.length - 1 : at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(SCENARIOS.length - 1);
    else if (e.key === 'Tab') onTabOut();
  };

  return (
    <>
      {/* Lessons have a header button only on wide screens; here they are one click away at any width. */}
      <button
        type="button"
        onClick={() => {
          onTabOut();
          showLessonBrowser();
        }}
        className="flex w-full items-center gap-2 border-b border-slate-200 px-4 py-2.5 text-left text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-none dark:border-slate-800 dark:text-indigo-300 dark:hover:bg-indigo-400/10"
      >
        Guided lessons, with goals and hints…
        <kbd className="ml-auto rounded border border-slate-300 px-1.5 font-mono text-[11px] text-slate-500 dark:border-slate-600 dark:text-slate-400">L</kbd>
      </button>
      <p className="border-b border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        Loads the example into the editor and starts its cluster. You press Apply.
      </p>
      <div id={menuId} role="menu" aria-label="Examples" onKeyDown={onKey} className="max-h-[min(32rem,calc(100dvh-9rem))] overflow-y-auto p-1.5">
        {SCENARIOS.map((s, i) => (
          <button
            key={s.id}
            ref={(el) => void (items.current[i] = el)}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => onPick(s)}
            className="flex w-full flex-col gap-0.5 rounded-lg px-2.5 py-2 text-left hover:bg-slate-100 focus-visible:bg-indigo-50 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-indigo-400/15"
          >
            <span className="flex w-full items-center gap-2">
              <span className="font-medium text-slate-900 dark:text-slate-100">{s.title}</span>
              <span className="ml-auto shrink-0 rounded bg-slate-100 px-1.5 py-px font-mono text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300" title={`Runs on the "${s.preset}" cluster preset`}>
                {s.preset}
              </span>
            </span>
            <span className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400">{s.blurb}</span>
          </button>
        ))}
      </div>
      {TERMINAL_ONLY.length > 0 && (
        <p className="border-t border-slate-200 px-4 py-2.5 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
          Docker examples ({TERMINAL_ONLY.join(', ')}) build images from folders: run them with{' '}
          <code className="font-mono text-[11px] text-slate-700 dark:text-slate-300">npx kubesim run examples/NAME/demo.sh</code>.
        </p>
      )}
    </>
  );
}
