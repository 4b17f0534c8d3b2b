// The strip under the header while a share link opens, when it cannot be opened (the exact
// reason; nothing of the learner's was touched), or when it replaced the learner's own text.
import { Icon } from '../components/Icon.tsx';
import type { ShareLinkControls } from './useShareLinkOnLoad.ts';

const STRIP = 'flex min-h-9 shrink-0 items-center gap-2.5 border-b px-4 py-1.5 text-sm';

export function ShareLinkBanner({ state, dismiss, restoreText }: ShareLinkControls) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'opening') {
    return (
      <div role="status" className={`${STRIP} border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-400/30 dark:bg-indigo-950 dark:text-indigo-100`}>
        <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-indigo-300 border-t-indigo-600 dark:border-indigo-700 dark:border-t-indigo-300" />
        Opening shared session…
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <div role="alert" className={`${STRIP} border-rose-200 bg-rose-50 text-rose-900 dark:border-rose-400/30 dark:bg-rose-950 dark:text-rose-100`}>
        <Icon name="alert" className="size-4 shrink-0 text-rose-600 dark:text-rose-300" />
        <p className="min-w-0 flex-1">
          <span className="font-medium">{state.error}</span>
          <span className="text-rose-700 dark:text-rose-300"> Your own editor text and cluster are unchanged.</span>
        </p>
        <DismissButton onClick={dismiss} />
      </div>
    );
  }
  return (
    <div role="status" className={`${STRIP} border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-400/30 dark:bg-indigo-950 dark:text-indigo-100`}>
      <Icon name="check" className="size-4 shrink-0 text-indigo-600 dark:text-indigo-300" />
      <p className="min-w-0 flex-1">Opened a shared session. It replaced the text you had in the editor.</p>
      <button
        type="button"
        onClick={restoreText}
        title="Put your previous editor text back (the shared cluster and timeline stay)"
        className="h-7 shrink-0 rounded-md border border-indigo-300 bg-white px-2.5 text-xs font-semibold text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-indigo-400/40 dark:bg-indigo-900 dark:text-indigo-100 dark:hover:bg-indigo-800"
      >
        Restore my text
      </button>
      <DismissButton onClick={dismiss} />
    </div>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label="Dismiss"
      title="Dismiss"
      className="grid size-7 shrink-0 place-items-center rounded-md opacity-70 hover:bg-black/5 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-white/10"
    >
      <Icon name="close" className="size-4" />
    </button>
  );
}
