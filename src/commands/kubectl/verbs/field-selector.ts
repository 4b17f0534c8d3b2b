// `--field-selector involvedObject.name=example-pvc,type!=Normal`: equality on dotted field paths.
import type { AnyStored } from '../../../engine/index.ts';

export type FieldSelectorResult = { ok: true; objects: AnyStored[] } | { ok: false; error: string };

export function filterByFieldSelector(objects: readonly AnyStored[], text: string): FieldSelectorResult {
  const reqs: { path: string; op: '=' | '!='; value: string }[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    reqs.push({ path: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! });
  }
  return {
    ok: true,
    objects: objects.filter((o) =>
      reqs.every((r) => {
        const v = valueAt(o, r.path);
        const s = v === undefined || v === null ? '' : String(v);
        return r.op === '=' ? s === r.value : s !== r.value;
      }),
    ),
  };
}

function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}
