// Go's json.Marshal of a decoded YAML or JSON value, as kubectl quotes a document in its messages
// (`Object 'Kind' is missing in '{"apiVersion":"v1","kind":5}'`): compact, map keys sorted by
// their bytes, numbers as Go prints a float64, and Go's string escapes (HTML characters, U+2028
// and U+2029 as \u escapes; \b and \f short since Go 1.22).

export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Go sorts map keys by their UTF-8 bytes; for strings without surrogates this is code unit order.
    const keys = sortedKeys(record);
    return `{${keys.map((k) => `${goJsonString(k)}:${goJsonMarshal(record[k])}`).join(',')}}`;
  }
  return 'null';
}

/**
 * encoding/json's float64: 'f' format, switching to 'e' below 1e-6 and from 1e21 with the exponent's
 * leading zero dropped, which is exactly where and how JavaScript's shortest form switches too.
 */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return Object.is(n, -0) ? '-0' : n.toString();
}

/** An object's keys in the order Go's json.Marshal writes a map's. */
export function sortedKeys(o: object): string[] {
  return Object.keys(o).sort(byUtf8);
}

function byUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) if (ea[i] !== eb[i]) return ea[i]! - eb[i]!;
  return ea.length - eb.length;
}

const SHORT: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT[ch];
    const code = ch.codePointAt(0)!;
    if (short !== undefined) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    // A lone surrogate is not valid UTF-8: Go writes the replacement character.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}
