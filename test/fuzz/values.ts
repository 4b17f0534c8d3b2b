// Hostile leaf values: the strings and numbers learners (and attackers) paste that break naive
// code — prototype-like names, markup, unicode, huge and odd numbers, long strings.
import fc from 'fast-check';

/** Names that collide with Object.prototype when a table is a plain `{}`. */
export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf'] as const;

/** Markup, control characters and unicode that printers and parsers must survive. */
export const ODD_STRINGS = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{ .Values }}',
  '${HOME}',
  '$(id)',
  '`id`',
  '%s%n%x',
  'a\tb',
  'ünïcödé',
  '日本語',
  '👩‍👩‍👧‍👦',
  '\u202eevil',
  '\u0000',
  '\uffff',
  '\ud800',
  'null',
  'true',
  '~',
  '-1',
  '0x10',
  '1e308',
  '.',
  '..',
  '/',
  '../../etc/passwd',
  'a/b',
  'UPPER',
  '-leading-dash',
  'x'.repeat(254),
  'y'.repeat(64),
] as const;

/** Numbers at the edges: 2^32, 2^53+1, 1e308, negatives, fractions, NaN-ish strings are above. */
export const HUGE_NUMBERS = [0, -1, 1, 4294967296, 9007199254740993, 1e308, -1e308, 0.5, 2147483648, 65536, 1e21, Number.MAX_SAFE_INTEGER] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }).map((n) => 'z'.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...HUGE_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** A DNS-ish name, or one of the hostile ones (names double as keys in the engine's tables). */
export const objectName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('data', 'web', 'example-pv', 'example-pvc', 'example-pod', 'frontend', 'kind-control-plane', 'worker-a1', 'standard', 'default') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: hostileString },
);

/** A replacement leaf of any JSON type, for type swaps. */
export const anyLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.constant(null), hostileString, hostileNumber), { maxLength: 3 }),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 6 })), fc.oneof(hostileString, hostileNumber, fc.constant(null))), { maxLength: 3 }).map(ownObject),
);

/** An object from entries, each an own property even when named `__proto__` (plain assignment would set the prototype). */
export function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
