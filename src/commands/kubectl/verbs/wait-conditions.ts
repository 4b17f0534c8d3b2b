// What `kubectl wait --for=…` may wait for (wait.go's conditionFuncsFor, condition.go, json.go):
// `create`, `delete`, `condition=NAME[=VALUE]` (VALUE defaults to true, both compared case-folded,
// and only once the status has observed the object's generation), and `jsonpath={…}[=VALUE]`
// (any value, or the single value printed with %v equal to VALUE).
import type { AnyStored } from '../../../engine/index.ts';
import { goQuote } from '../../../engine/api/go-strings.ts';
import { JsonPath, JsonPathRuntimeError, JsonPathSyntaxError, goSprint, kindOf, type GoValue } from '../jsonpath/index.ts';
import { relaxedJsonPath } from '../printers/sort-by.ts';

export type Check = { met: boolean; error?: string };
export type WaitCondition = { type: 'create' } | { type: 'delete' } | { type: 'check'; check: (obj: AnyStored) => Check };

export function parseWaitConditions(fors: readonly string[]): { ok: true; value: WaitCondition[] } | { ok: false; error: string } {
  const value: WaitCondition[] = [];
  for (const cond of fors) {
    const lower = cond.toLowerCase();
    if (lower === 'delete') value.push({ type: 'delete' });
    else if (lower === 'create') value.push({ type: 'create' });
    else if (cond.startsWith('condition=')) {
      const rest = cond.slice('condition='.length);
      const eq = rest.indexOf('=');
      const name = eq < 0 ? rest : rest.slice(0, eq);
      const status = eq < 0 ? 'true' : rest.slice(eq + 1);
      value.push({ type: 'check', check: (obj) => ({ met: conditionMet(obj, name, status) }) });
    } else if (cond.startsWith('jsonpath=')) {
      const parsed = jsonPathCondition(cond.slice('jsonpath='.length));
      if (!parsed.ok) return parsed;
      value.push({ type: 'check', check: parsed.check });
    } else return { ok: false, error: `unrecognized condition: ${goQuote(cond)}` };
  }
  // `%q` of an empty []string.
  if (value.length === 0) return { ok: false, error: 'unrecognized condition: []' };
  return { ok: true, value };
}

/** strings.EqualFold, near enough: Unicode simple case folding. */
const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();

function conditionMet(obj: AnyStored, name: string, status: string): boolean {
  const o = obj as { metadata: { generation?: number }; status?: { observedGeneration?: number; conditions?: { type?: unknown; status?: unknown; observedGeneration?: number }[] } };
  for (const c of o.status?.conditions ?? []) {
    if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    // A status that has not caught up with the spec says nothing yet.
    const generation = o.metadata.generation;
    const observed = c.observedGeneration ?? o.status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return equalFold(c.status, status);
  }
  return false;
}

function jsonPathCondition(input: string): { ok: true; check: (obj: AnyStored) => Check } | { ok: false; error: string } {
  const parts = splitOnSingleEquals(input);
  if (parts.length < 1 || parts.length > 2) {
    return { ok: false, error: "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'" };
  }
  const relaxed = relaxedJsonPath(parts[0]!);
  if (!relaxed.ok) return relaxed;
  const wanted = parts.length === 2 ? parts[1]!.replace(/^['"]+|['"]+$/g, '') : undefined;
  if (wanted === '') return { ok: false, error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" };
  if (relaxed.value === '') return { ok: false, error: 'jsonpath expression cannot be empty' };
  let path: JsonPath;
  try {
    path = new JsonPath(relaxed.value, { allowMissingKeys: true });
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
  return {
    ok: true,
    check: (obj) => {
      let results: GoValue[][];
      try {
        results = path.findResults(obj as unknown as GoValue);
      } catch (e) {
        if (e instanceof JsonPathRuntimeError) return { met: false, error: e.message };
        throw e;
      }
      if (results.length === 0 || results[0]!.length === 0) return { met: false };
      if (results.length > 1) return { met: false, error: 'given jsonpath expression matches more than one list' };
      if (results[0]!.length > 1) return { met: false, error: 'given jsonpath expression matches more than one value' };
      if (wanted === undefined) return { met: true };
      const v = results[0]![0]!;
      const kind = kindOf(v);
      if (kind === 'map' || kind === 'slice') return { met: false, error: 'jsonpath leads to a nested object or list which is not supported' };
      return { met: goSprint(v).trim() === wanted.trim() };
    },
  };
}

/** Splits on each single `=`; `==` stays in the element as `==` (wait.go's splitJSONPathInput). */
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (i < input.length - 1 && input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}
