// Go's `%v` of decoded JSON (map[string]interface{}, []interface{}, int64, float64…), which the
// API server puts in its patch errors (`map: map[image:busybox] does not contain declared merge
// key: name`). The server decodes patches keeping integers as int64, so whole numbers print plainly.

export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    // fmt prints a map's keys sorted.
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goSprint((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return goFloat(v);
  return String(v);
}

/** `%v` of a float64 that is not whole: Go writes a two-digit exponent (1e-07). */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}
