// RFC 6902 JSON patch as the API server applies it: gopkg.in/evanphx/json-patch.v4 (v4.12.0, the
// version Kubernetes 1.34 vendors), quirks included: `replace` of a missing object key adds it,
// negative array indices count from the end, a path without a leading `/` starts at the root.
// Errors carry the library's words; the server hides them behind a 422, kubectl's client-side
// dry run shows them.
import { deepEqual } from '../../../lib/deep.ts';
import { setOwn } from '../../../lib/own.ts';

export type JsonPatchResult = { ok: true; value: unknown } | { ok: false; error: string };

type Container = Record<string, unknown> | unknown[];
const MISSING = 'missing value';
const BAD_INDEX = 'invalid index referenced';

class OpError extends Error {}

/**
 * The server's decoding of the operations (kjson into []jsonPatchOp, then DecodePatch): undefined
 * when they decode, else the BadRequest message.
 */
export function jsonPatchDecodeError(ops: unknown): string | undefined {
  if (ops === null) return undefined;
  if (!Array.isArray(ops)) return `error decoding patch: json: cannot unmarshal ${jsonKind(ops)} into Go value of type []handlers.jsonPatchOp`;
  for (const op of ops) {
    if (op === null) continue;
    if (typeof op !== 'object' || Array.isArray(op)) return `error decoding patch: json: cannot unmarshal ${jsonKind(op)} into Go value of type handlers.jsonPatchOp`;
    for (const f of ['op', 'path', 'from']) {
      const v = (op as Record<string, unknown>)[f];
      if (v !== undefined && v !== null && typeof v !== 'string') {
        return `error decoding patch: json: cannot unmarshal ${jsonKind(v)} into Go struct field jsonPatchOp.${f} of type string`;
      }
    }
  }
  return undefined;
}

/** Applies decoded operations to a copy of `doc`. */
export function applyJsonPatch(doc: unknown, ops: readonly unknown[]): JsonPatchResult {
  let root = clone(doc) as Container;
  try {
    for (const raw of ops) {
      const op = (raw ?? {}) as Record<string, unknown>;
      const kind = typeof op['op'] === 'string' ? op['op'] : 'unknown';
      if (kind === 'replace' && op['path'] === '') root = replaceRoot(op);
      else if (Object.hasOwn(OPS, kind)) OPS[kind as keyof typeof OPS](root, op);
      else throw new OpError(`Unexpected kind: ${kind}`);
    }
  } catch (e) {
    if (e instanceof OpError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, value: root };
}

/** `value` as the library holds it: absent is Go nil, which still sets the key (to null). */
const valueOf = (op: Record<string, unknown>): unknown => clone(op['value'] ?? null);
const hasValue = (op: Record<string, unknown>) => Object.hasOwn(op, 'value');

function pathOf(op: Record<string, unknown>, name: 'path' | 'from', what: string): string {
  const p = op[name];
  if (typeof p !== 'string') throw new OpError(`${what}: ${MISSING}`);
  return p;
}

const OPS = {
  add(root: Container, op: Record<string, unknown>) {
    const path = pathOf(op, 'path', 'add operation failed to decode path');
    const [con, key] = findObject(root, path);
    if (!con) throw new OpError(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
    wrap(`error in add for path: '${path}'`, () => add(con, key, valueOf(op)));
  },
  remove(root: Container, op: Record<string, unknown>) {
    const path = pathOf(op, 'path', 'remove operation failed to decode path');
    const [con, key] = findObject(root, path);
    if (!con) throw new OpError(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
    wrap(`error in remove for path: '${path}'`, () => remove(con, key));
  },
  replace(root: Container, op: Record<string, unknown>) {
    const path = pathOf(op, 'path', 'replace operation failed to decode path: operation missing path field');
    const [con, key] = findObject(root, path);
    if (!con) throw new OpError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
    try {
      get(con, key);
    } catch {
      throw new OpError(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
    }
    wrap(`error in remove for path: '${path}'`, () => set(con, key, valueOf(op)));
  },
  move(root: Container, op: Record<string, unknown>) {
    const from = pathOf(op, 'from', 'move operation failed to decode from: operation, missing from field');
    const [src, fromKey] = findObject(root, from);
    if (!src) throw new OpError(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
    const val = wrap(`error in move for path: '${fromKey}'`, () => get(src, fromKey));
    wrap(`error in move for path: '${fromKey}'`, () => remove(src, fromKey));
    const path = pathOf(op, 'path', 'move operation failed to decode path: operation missing path field');
    const [dst, key] = findObject(root, path);
    if (!dst) throw new OpError(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
    wrap(`error in move for path: '${path}'`, () => add(dst, key, val ?? null));
  },
  copy(root: Container, op: Record<string, unknown>) {
    const from = pathOf(op, 'from', 'copy operation failed to decode from: operation, missing from field');
    const [src, fromKey] = findObject(root, from);
    if (!src) throw new OpError(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
    const val = wrap(`error in copy for from: '${from}'`, () => get(src, fromKey));
    const path = pathOf(op, 'path', 'copy operation failed to decode path');
    const [dst, key] = findObject(root, path);
    if (!dst) throw new OpError(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
    wrap('error while adding value during copy', () => add(dst, key, clone(val ?? null)));
  },
  test(root: Container, op: Record<string, unknown>) {
    const path = pathOf(op, 'path', 'test operation failed to decode path: operation missing path field');
    const failed = () => new OpError(`testing value ${path} failed: test failed`);
    if (path === '') {
      if (!deepEqual(root, op['value'])) throw failed();
      return;
    }
    const [con, key] = findObject(root, path);
    if (!con) throw new OpError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
    const val = wrap(`error in test for path: '${path}'`, () => get(con, key));
    // A JSON null reads as Go nil, in the document and in `value` alike.
    if (val === undefined || val === null) {
      if (!hasValue(op) || op['value'] === null) return;
      throw failed();
    }
    if (!hasValue(op) || !deepEqual(val, op['value'])) throw failed();
  },
};

function replaceRoot(op: Record<string, unknown>): Container {
  const v = op['value'];
  if (typeof v !== 'object' || v === null) throw new OpError('replace operation value must be object or array: %!w(<nil>)');
  return clone(v) as Container;
}

function wrap<T>(context: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof OpError) throw new OpError(`${context}: ${e.message}`);
    throw e;
  }
}

/** RFC 6901 unescaping: `~1` is `/`, `~0` is `~`. */
const decodeKey = (k: string) => k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));

/** The container holding the path's last token, and that token; none when a step is missing. */
function findObject(root: Container, path: string): [Container | undefined, string] {
  const split = path.split('/');
  if (split.length < 2) return [undefined, ''];
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = get(doc, decodeKey(part));
    } catch {
      return [undefined, ''];
    }
    if (next === undefined || next === null || typeof next !== 'object') return [undefined, ''];
    doc = next as Container;
  }
  return [doc, decodeKey(split[split.length - 1]!)];
}

function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

function index(list: unknown[], key: string, size: number): number {
  const idx = atoi(key);
  if (idx >= size || idx < -size) throw new OpError(`Unable to access invalid index: ${idx}: ${BAD_INDEX}`);
  return idx < 0 ? idx + size : idx;
}

function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return Object.hasOwn(con, key) ? con[key] : undefined;
  return con[index(con, key, con.length)];
}

function set(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) setOwn(con, key, val);
  else con[index(con, key, con.length)] = val;
}

function add(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) return setOwn(con, key, val);
  if (key === '-') {
    con.push(val);
    return;
  }
  let idx: number;
  try {
    idx = index(con, key, con.length + 1);
  } catch (e) {
    if (e instanceof OpError && e.message.startsWith('strconv')) throw new OpError(`value was not a proper array index: '${key}': ${e.message}`);
    throw e;
  }
  con.splice(idx, 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!Object.hasOwn(con, key)) throw new OpError(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
    return;
  }
  con.splice(index(con, key, con.length), 1);
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : 'string';
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
