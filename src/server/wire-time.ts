// The simulated clock starts at the engine's fixed epoch, but kubectl computes some ages on its
// own clock (describe's event ages, `Start Time`). So on the wire every timestamp is shifted by
// the distance between the wall clock and the simulated one when serving began: objects leave
// with today's times and requests' timestamps come back onto the simulated clock. Only whole
// RFC 3339 strings (Time and MicroTime) are shifted; ages and cells are not timestamps.
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{1,9})?Z$/;

/** Every RFC 3339 string in `value` moved by `offsetMs` (a new value; the input is not changed). */
export function shiftTimes<T>(value: T, offsetMs: number): T {
  if (offsetMs === 0) return value;
  return shift(value, offsetMs) as T;
}

function shift(value: unknown, offsetMs: number): unknown {
  if (typeof value === 'string') return shiftOne(value, offsetMs);
  if (Array.isArray(value)) return value.map((v) => shift(v, offsetMs));
  if (value === null || typeof value !== 'object') return value;
  // Null prototype: any key a user wrote (`__proto__` among them) stays an ordinary key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = shift(v, offsetMs);
  return out;
}

function shiftOne(text: string, offsetMs: number): string {
  const m = RFC3339.exec(text);
  if (!m) return text;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return text;
  const fraction = m[7] ?? '';
  const moved = new Date(ms + offsetMs).toISOString().slice(0, 19);
  // Keep the fraction as written (MicroTime's six digits); the offset is whole seconds.
  return `${moved}${fraction}Z`;
}
