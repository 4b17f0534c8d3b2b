// One explanation from the engine (the same text `kubesim explain` prints): what the object waits
// for, every candidate volume or node with the rule that rules it out, and the fix. Wide docks put
// the fix beside the candidates, so the whole story is on screen at once.
import type { ObjectRef } from '../../engine/index.ts';
import type { Explanation } from '../../engine/explain/index.ts';
import { appStore } from '../../store/index.ts';
import { toneOf } from '../canvas/status.ts';
import { Icon } from '../components/Icon.tsx';
import { KindBadge } from '../components/KindBadge.tsx';
import { StatusPill } from '../components/StatusPill.tsx';

/** `kubesim explain pvc/data` (with `-n` outside the default namespace). */
export function explainCommand(ref: ObjectRef): string {
  const ns = ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
  return `kubesim explain ${ref.kind === 'Pod' ? 'pod' : 'pvc'}/${ref.name}${ns}`;
}

interface Verdict {
  ok: boolean | undefined;
  /** The scheduler plugin that rejected a node (`VolumeBinding`). */
  plugin?: string;
  text: string;
}

/** The engine's verdicts read `would bind`, `fits`, `no: <condition>` or `<Plugin>: <reason>`. */
function readVerdict(v: string): Verdict {
  if (v === 'would bind' || v === 'fits') return { ok: true, text: v };
  if (v.startsWith('no: ')) return { ok: false, text: v.slice(4) };
  const plugin = /^([A-Z][A-Za-z]+): (.*)$/.exec(v);
  if (plugin) return { ok: false, plugin: plugin[1]!, text: plugin[2]! };
  return { ok: undefined, text: v };
}

export function ExplanationView({ subject: ref, explanation: e, selectable = false }: { subject: ObjectRef; explanation: Explanation; selectable?: boolean }) {
  const name = ref.namespace && ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name;
  return (
    <article data-testid="why-panel" aria-label={`Why ${ref.kind} ${name} is ${e.status}`} className="@container px-4 py-3">
      <header className="flex min-w-0 items-center gap-2">
        <KindBadge kind={ref.kind} />
        {selectable ? (
          <button type="button" onClick={() => appStore.getState().selectObject(ref)} title="Select it on the canvas" className="min-w-0 truncate font-mono text-sm font-semibold text-slate-900 hover:text-indigo-700 hover:underline dark:text-white dark:hover:text-indigo-300">
            {name}
          </button>
        ) : (
          <h3 className="min-w-0 truncate font-mono text-sm font-semibold text-slate-900 dark:text-white">{name}</h3>
        )}
        <StatusPill status={e.status} tone={toneOf(e.status)} className="shrink-0" />
        <code className="ml-auto hidden shrink-0 font-mono text-[11px] text-slate-400 @xl:block dark:text-slate-500">$ {explainCommand(ref)}</code>
      </header>
      <div className="mt-2 gap-x-6 @3xl:grid @3xl:grid-cols-[minmax(0,1fr)_minmax(15rem,26rem)]">
        <div className="min-w-0">
          <div className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Why is it {e.status}?</div>
          <p className="mt-0.5 max-w-[75ch] text-[13px] leading-snug text-slate-800 dark:text-slate-100">{e.headline}</p>
          {e.sections.map((s) => (
            <section key={s.title} aria-label={s.title} className="mt-2.5">
              <h4 className="pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{s.title}</h4>
              <ul className="overflow-hidden rounded-lg ring-1 ring-slate-200 dark:ring-slate-700/70">
                {s.rows.map((r) => {
                  const v = readVerdict(r.verdict);
                  return (
                    <li key={r.name} className="flex items-start gap-2 px-2.5 py-1 text-xs leading-5 odd:bg-slate-50 dark:odd:bg-white/[0.03]">
                      <span aria-hidden className={`mt-0.5 grid size-4 shrink-0 place-items-center rounded-full ${v.ok ? 'bg-emerald-100 text-emerald-700 dark:bg-emerald-400/15 dark:text-emerald-300' : v.ok === false ? 'bg-rose-100 text-rose-700 dark:bg-rose-400/15 dark:text-rose-300' : 'bg-slate-100 text-slate-500 dark:bg-slate-700 dark:text-slate-300'}`}>
                        <Icon name={v.ok ? 'check' : v.ok === false ? 'close' : 'info'} className="size-3" />
                      </span>
                      <span className="shrink-0 font-mono font-semibold text-slate-800 dark:text-slate-100">{r.name}</span>
                      <span className="min-w-0 text-slate-600 dark:text-slate-300">
                        <span className="sr-only">{v.ok ? ': ' : v.ok === false ? ': no, ' : ': '}</span>
                        {v.plugin && <span className="mr-1.5 rounded bg-sky-100 px-1 py-px font-mono text-[11px] font-semibold text-sky-800 dark:bg-sky-400/15 dark:text-sky-200">{v.plugin}</span>}
                        <span className={v.ok ? 'font-semibold text-emerald-700 dark:text-emerald-300' : ''}>{v.text}</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
        {e.fixes.length > 0 && (
          <section aria-label={e.fixes.length === 1 ? 'Fix' : 'Fixes'} className="mt-2.5 self-start rounded-lg bg-indigo-50 px-3 py-2 ring-1 ring-indigo-200 @3xl:mt-0 dark:bg-indigo-400/10 dark:ring-indigo-400/25">
            <h4 className="text-[11px] font-semibold tracking-wider text-indigo-700 uppercase dark:text-indigo-300">{e.fixes.length === 1 ? 'Fix' : 'Fixes'}</h4>
            <ul className="mt-1 space-y-1 text-xs leading-snug text-slate-800 dark:text-slate-100">
              {e.fixes.map((f) => (
                <li key={f} className="flex gap-1.5">
                  <span aria-hidden className="text-indigo-500 dark:text-indigo-300">→</span>
                  <span>{f}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </article>
  );
}
