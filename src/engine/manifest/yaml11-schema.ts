// Plain scalars resolved as kubectl's go-yaml v2 resolves them (resolve.go, YAML 1.1): `yes`, `on`,
// `y` are booleans, `0644` is octal, `1_000` is 1000, `.inf` is infinity, and a timestamp stays a
// string. A label value `yes` therefore reaches the API server as the JSON `true`, and is refused
// there as a bool, as it is with kubectl.
import { CORE_SCHEMA, NOT_RESOLVED, defineScalarTag, mergeTag } from 'js-yaml';

type Resolved = { kind: 'null' | 'bool' | 'int' | 'float' | 'str'; value: unknown };

const MAPPED: Record<string, Resolved> = Object.assign(Object.create(null) as Record<string, Resolved>, {});
const add = (kind: Resolved['kind'], value: unknown, words: string[]) => {
  for (const w of words) MAPPED[w] = { kind, value };
};
add('bool', true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
add('bool', false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
add('null', null, ['', '~', 'null', 'Null', 'NULL']);
add('float', NaN, ['.nan', '.NaN', '.NAN']);
add('float', Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
add('float', -Infinity, ['-.inf', '-.Inf', '-.INF']);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
/** go-yaml's `yamlStyleFloat`, applied after underscores are removed. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's strconv.ParseFloat accepts of a scalar starting with `.`. */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
/** go-yaml's timestamp test: four digits and a dash, then one of its layouts. */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]| )[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]{1,9})?(?:Z|[-+][0-9]{2}:[0-9]{2})?)?$/;

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64) syntax: sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal. */
function parseGoInt(s: string, signed: boolean): bigint | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m || (!signed && m[1])) return undefined;
  let digits = m[2]!;
  if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`;
  const v = BigInt(digits);
  return m[1] === '-' ? -v : v;
}

/** Go's ParseFloat on a string already known to be decimal: out of range is an error. */
function parseGoFloat(s: string): number | undefined {
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** How go-yaml v2 resolves a plain scalar. */
export function resolvePlain(text: string): Resolved {
  const mapped = MAPPED[text];
  if (mapped) return mapped;
  const first = text[0];
  if (first === '.') {
    const v = DOT_FLOAT.test(text) ? parseGoFloat(text) : undefined;
    return v === undefined ? { kind: 'str', value: text } : { kind: 'float', value: v };
  }
  if (first !== undefined && /[-+0-9]/.test(first)) {
    if (TIMESTAMP.test(text)) return { kind: 'str', value: text };
    const plain = text.replaceAll('_', '');
    const signed = parseGoInt(plain, true);
    if (signed !== undefined && signed >= INT64_MIN && signed <= INT64_MAX) return { kind: 'int', value: Number(signed) };
    const unsigned = parseGoInt(plain, false);
    if (unsigned !== undefined && unsigned <= UINT64_MAX) return { kind: 'int', value: Number(unsigned) };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const v = parseGoFloat(plain);
      if (v !== undefined) return { kind: 'float', value: v };
    }
    const bin = /^(-?)0b([01]+)$/.exec(plain);
    if (bin) return { kind: 'int', value: Number(BigInt(`0b${bin[2]}`)) * (bin[1] ? -1 : 1) };
  }
  return { kind: 'str', value: text };
}

function tagFor(kind: 'null' | 'bool' | 'int' | 'float', firstChars: string[] | null) {
  return defineScalarTag(`tag:yaml.org,2002:${kind}`, {
    implicit: true,
    implicitFirstChars: firstChars,
    resolve: (source) => {
      const r = resolvePlain(source);
      if (r.kind === kind) return r.value;
      // `!!float 1` is the float 1, as go-yaml turns an int into a float for that tag.
      if (kind === 'float' && r.kind === 'int') return r.value;
      return NOT_RESOLVED;
    },
    identify: () => false,
  });
}

const NUMBER_START = [...'-+0123456789.'];

/** An error go-yaml's decoder raises while building a value (printed without a line). */
export class GoDecodeError extends Error {}

/**
 * `!!binary`: go-yaml v2 decodes the base64 (StdEncoding, line breaks ignored) into a string, so
 * the JSON holds the decoded text.
 */
const binaryAsText = defineScalarTag('tag:yaml.org,2002:binary', {
  resolve: (source) => {
    const b64 = source.replace(/[\r\n]/g, '');
    if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new GoDecodeError('!!binary value contains invalid base64 data');
    const bytes: number[] = [];
    let bits = 0;
    let acc = 0;
    for (const c of b64.replace(/=+$/, '')) {
      acc = (acc << 6) | 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(c);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((acc >> bits) & 0xff);
      }
    }
    return new TextDecoder().decode(Uint8Array.from(bytes));
  },
  identify: () => false,
});

/** go-yaml v2 decodes a scalar with a local tag it does not know (`!Ref x`) as its text. */
const localScalarTag = defineScalarTag('!', { matchByTagPrefix: true, resolve: (source) => source, identify: () => false });

/** js-yaml's YAML 1.2 core schema with go-yaml v2's scalar resolution, `<<` merge keys and local scalar tags. */
export const KUBECTL_SCHEMA = CORE_SCHEMA.withTags(
  tagFor('null', ['', '~', 'n', 'N']),
  tagFor('bool', [...'yYnNtTfFoO']),
  tagFor('int', NUMBER_START),
  tagFor('float', NUMBER_START),
  mergeTag,
  localScalarTag,
  binaryAsText,
);

/**
 * sigs.k8s.io/yaml turns the decoded YAML into JSON with encoding/json, which refuses infinities
 * and NaN. Maps are encoded with their keys sorted, so the first one met in that order is named.
 */
export function unsupportedJsonValue(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return '+Inf';
    if (value === -Infinity) return '-Inf';
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = unsupportedJsonValue(v);
      if (bad) return bad;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value).sort()) {
      const bad = unsupportedJsonValue((value as Record<string, unknown>)[k]);
      if (bad) return bad;
    }
  }
  return undefined;
}
