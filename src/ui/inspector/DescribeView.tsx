// `kubectl describe` of the selected object, printed by the kubectl command itself. The command
// layer loads on first use (import()), so it costs the first screen nothing.
import { useEffect, useMemo, useState } from 'react';
import type { ObjectRef } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';

type DescribeModule = typeof import('./describe-text.ts');
let loading: Promise<DescribeModule> | undefined;
/** Starts loading the describe printer (idempotent): the inspector calls it when it opens. */
export const loadDescribe = () => (loading ??= import('./describe-text.ts'));

export function DescribeView({ target }: { target: ObjectRef }) {
  const cluster = useAppStore((s) => s.cluster);
  const [mod, setMod] = useState<DescribeModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadDescribe().then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const result = useMemo(() => mod?.describeText(cluster, target), [mod, cluster, target]);

  if (failed) return <p className="px-3 py-3 text-xs text-rose-700 dark:text-rose-300">The describe printer could not be loaded (offline?). Reload the page to try again.</p>;
  if (!result) return <p className="px-3 py-3 text-xs text-slate-500 dark:text-slate-400">Loading kubectl describe…</p>;
  if (!result.ok) return <p className="px-3 py-3 font-mono text-xs text-rose-700 dark:text-rose-300">{result.error}</p>;
  return (
    <pre data-testid="describe-text" className="w-max min-w-full px-3 pb-4 font-mono text-xs leading-5 whitespace-pre text-slate-800 dark:text-slate-200">
      {result.text.split('\n').map((line, i) => {
        // Field names (`Status:`, `Access Modes:`) and the Events header stand out, like a terminal with colour.
        const field = /^(\s*)([A-Za-z][\w.()/-]*(?: [\w.()/-]+)*:)(\s.*|)$/.exec(line);
        return field ? (
          <div key={i}>
            {field[1]}
            <span className="text-sky-700 dark:text-sky-300">{field[2]}</span>
            {field[3]}
          </div>
        ) : (
          <div key={i}>{line || '\u00a0'}</div>
        );
      })}
    </pre>
  );
}
