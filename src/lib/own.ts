// Tables keyed by user text: object names, label and annotation keys, ConfigMap keys, env names,
// Docker volume names, command, verb and flag names. Any string must behave as data there, so
// `constructor`, `toString`, `valueOf`, `hasOwnProperty` and `__proto__` are ordinary keys:
//
// - reads see only own keys (`table.constructor` would otherwise be Object's constructor),
// - writes define an own key (`table.__proto__ = x` would otherwise replace the prototype),
// - the tables themselves stay ordinary objects, so the state is still plain JSON (what
//   JSON.parse, spreads and structuredClone give back keeps working with these helpers).
//
// Spreads, `{ [key]: value }` literals, Object.keys/entries/fromEntries and JSON.parse already
// treat `__proto__` as data; `obj[key] = v`, `key in obj`, `obj[key]` and Object.assign do not.

type Table<V> = Readonly<Record<string, V>>;

/** True when the table has its own entry for key (never an inherited Object.prototype member). */
export function hasOwn(table: object | null | undefined, key: string): boolean {
  return table != null && Object.prototype.hasOwnProperty.call(table, key);
}

/** The table's own value for key, or undefined. */
export function getOwn<V>(table: Table<V> | null | undefined, key: string): V | undefined {
  return table != null && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Sets the table's own entry for key in place (an enumerable data property, even for `__proto__`). */
export function setOwn<V>(table: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
  else table[key] = value;
}

/** A copy of the table with key set: the copy-on-write form of setOwn. */
export function withOwn<V>(table: Table<V> | null | undefined, key: string, value: V): Record<string, V> {
  return { ...table, [key]: value };
}

/** A copy of the table without key. */
export function withoutOwn<V>(table: Table<V> | null | undefined, key: string): Record<string, V> {
  const { [key]: _gone, ...rest } = table ?? {};
  return rest;
}
