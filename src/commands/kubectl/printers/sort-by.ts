// `kubectl get --sort-by=FIELD`: kubectl's RuntimeSort over the objects' JSON. The field is a
// relaxed jsonpath (`.spec.capacity.storage`, `{.metadata.name}`); only its first result counts.
// Numbers compare as numbers, strings that both parse as quantities (`500Mi` < `5Gi`) as
// quantities, other strings byte by byte; an object without the field sorts first.
import { parseQuantity, compareQuantities } from '../../../engine/api/quantity.ts';
import { goQuote } from '../../../engine/api/go-strings.ts';
import { JsonPath, JsonPathRuntimeError, JsonPathSyntaxError, kindOf, type GoValue } from '../jsonpath/index.ts';
import { compareBytes, goTypeName } from '../jsonpath/go-values.ts';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expression: string): { ok: true; value: string } | { ok: false; error: string } {
  if (expression === '') return { ok: true, value: expression };
  const m = RELAXED.exec(expression);
  if (!m) {
    return { ok: false, error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  }
  return { ok: true, value: `{.${m[1] ?? m[2]}}` };
}

/** `unsortable` marks a value kubectl cannot order, which it reports through klog.Exitf (see {@link klogExit}). */
export type SortResult = { ok: true; order: number[] } | { ok: false; error: string; unsortable?: boolean };

/**
 * The order kubectl prints `objects` in (indices into `objects`). `field` is already relaxed (or
 * the raw flag where kubectl falls back to it). Errors are kubectl's: a template it cannot parse,
 * a field no object has, a value it cannot order (`objectType` is the Go type that message names).
 */
export function sortOrder(objects: readonly GoValue[], field: string, objectType = '*unstructured.Unstructured'): SortResult {
  let parser: JsonPath;
  try {
    parser = new JsonPath(field, { allowMissingKeys: true });
  } catch (err) {
    if (err instanceof JsonPathSyntaxError) return { ok: false, error: err.message };
    throw err;
  }
  const keys: (GoValue | typeof MISSING)[] = [];
  for (const obj of objects) {
    try {
      const results = parser.findResults(obj);
      keys.push(results.length > 0 && results[0]!.length > 0 ? results[0]![0] : MISSING);
    } catch (err) {
      if (err instanceof JsonPathRuntimeError) return { ok: false, error: err.message };
      throw err;
    }
  }
  if (objects.length > 0 && keys.every((k) => k === MISSING)) {
    return { ok: false, error: `couldn't find any field with path ${goQuote(field)} in the list of objects` };
  }
  const order = objects.map((_, i) => i);
  try {
    goSort(order, (a, b) => less(keys[a]!, keys[b]!));
  } catch (err) {
    // kubectl exits through klog here; its message names the Go type of what was sorted.
    if (err instanceof UnsortableError) {
      return { ok: false, unsortable: true, error: `Field ${field} in ${objectType} is an unsortable type: interface, err: ${err.message}` };
    }
    throw err;
  }
  return { ok: true, order };
}

const MISSING = Symbol('missing');

class UnsortableError extends Error {}

/** RuntimeSort.Less: a missing value is less than anything (even another missing one). */
function less(a: GoValue | typeof MISSING, b: GoValue | typeof MISSING): boolean {
  if (a === MISSING) return true;
  if (b === MISSING) return false;
  return isLess(a, b);
}

/** kubectl's isLess for two values taken out of unstructured JSON (interface kinds). */
function isLess(a: GoValue, b: GoValue): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'int' || ka === 'float' || ka === 'uint') {
    if (kb === ka) return (a as number) < (b as number);
  } else if (ka === 'string') {
    if (kb === 'string') return lessString(a as string, b as string);
  } else {
    throw new UnsortableError(`unsortable type: ${goTypeName(a)}`);
  }
  throw new UnsortableError('unsortable interface: interface');
}

function lessString(a: string, b: string): boolean {
  const qa = quantity(a);
  const qb = qa && quantity(b);
  if (qa && qb) return compareQuantities(qa, qb) < 0;
  return compareBytes(a, b) < 0;
}

function quantity(s: string) {
  // resource.ParseQuantity takes the string as it is; the engine's parser trims manifest input.
  if (s !== s.trim()) return undefined;
  const q = parseQuantity(s);
  return q.ok ? q.quantity : undefined;
}

/**
 * Go's sort.Sort. Up to 12 elements it is an insertion sort, which this reproduces exactly (ties
 * keep their order, and objects without the field end up first in reverse order). Longer lists use
 * a stable merge sort: the same order except among equal keys, where Go's pdqsort may differ.
 */
function goSort(order: number[], lessFn: (a: number, b: number) => boolean): void {
  if (order.length <= 12) {
    for (let i = 1; i < order.length; i++) {
      for (let j = i; j > 0 && lessFn(order[j]!, order[j - 1]!); j--) {
        [order[j], order[j - 1]] = [order[j - 1]!, order[j]!];
      }
    }
    return;
  }
  const sorted = mergeSort(order, lessFn);
  order.splice(0, order.length, ...sorted);
}

function mergeSort(items: number[], lessFn: (a: number, b: number) => boolean): number[] {
  if (items.length <= 1) return items;
  const mid = items.length >> 1;
  const left = mergeSort(items.slice(0, mid), lessFn);
  const right = mergeSort(items.slice(mid), lessFn);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(lessFn(right[j]!, left[i]!) ? right[j++]! : left[i++]!);
  return out.concat(left.slice(i), right.slice(j));
}

/**
 * A klog.Exitf line as kubectl writes it to stderr: `Fmmdd hh:mm:ss.uuuuuu PID file:line] msg`.
 * The time is the simulated clock's; the process id, which a simulation does not have, is 1.
 */
export function klogExit(now: number, where: string, message: string): string {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  return `F${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${time} ${'1'.padStart(7)} ${where}] ${message}\n`;
}
