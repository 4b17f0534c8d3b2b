// The futures a what-if fork left behind, above the steps: a teacher who tried "what if the claim
// asked for 10Gi" can switch back to what really happened (and to the what-if again), instead of
// the fork having silently thrown the old timeline away.
import { appStore, useAppStore } from '../../store/index.ts';
import { branchLabel } from '../../store/timeline.ts';

export function BranchList() {
  const branches = useAppStore((s) => s.timeline.branches);
  const busy = useAppStore((s) => s.busy !== null);
  if (!branches?.length) return null;
  return (
    <section aria-label="Branches" className="shrink-0 border-b border-slate-200 px-3 py-1.5 text-[12px] dark:border-slate-800">
      <h3 className="sr-only">Branches</h3>
      <ul className="flex flex-wrap items-center gap-1.5">
        <li className="text-slate-500 dark:text-slate-400">
          <span className="font-semibold text-slate-700 dark:text-slate-200">This timeline</span> · left behind by a what-if:
        </li>
        {/* Newest first: the future just left is the one a teacher wants back. */}
        {branches
          .map((b, i) => ({ b, i }))
          .reverse()
          .map(({ b, i }) => (
            <li key={i}>
              <button
                type="button"
                disabled={busy}
                onClick={() => appStore.getState().switchBranch(i)}
                title={`Switch to the timeline that went on from frame ${b.at} with ${branchLabel(b)}; this one is kept as a branch in its place.`}
                className="inline-flex max-w-[28rem] items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50 dark:border-amber-400/40 dark:bg-amber-400/10 dark:text-amber-100 dark:hover:bg-amber-400/20"
              >
                <span className="shrink-0 font-semibold">Switch to</span>
                <span className="min-w-0 truncate font-mono">{branchLabel(b)}</span>
                <span className="shrink-0 text-amber-700 dark:text-amber-300">from frame {b.at}</span>
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}
