// Manifest texts for the fuzzer: the project's example documents with mutations at random paths
// (type swaps, deletions, nulls in lists, deep nesting, hostile keys and names), and hand-built
// YAML that only text can express (anchors and aliases, alias bombs, odd scalars).
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { BASE_DOCUMENTS } from './seeds.ts';
import { PROTOTYPE_NAMES, anyLeaf, hostileString, objectName, ownObject } from './values.ts';

type Json = unknown;
type Path = (string | number)[];

/** One edit to a document; `at` picks the path (modulo the document's paths), so it shrinks towards the root. */
export type Mutation =
  | { op: 'swap'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'null-in-list'; at: number }
  | { op: 'nest'; at: number; depth: number; list: boolean }
  | { op: 'rename-key'; at: number; key: string }
  | { op: 'name'; name: string }
  | { op: 'label'; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('swap' as const), at: fc.nat(), value: anyLeaf }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('null-in-list' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(100, 400)), list: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), hostileString) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('name' as const), name: objectName }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('label' as const), key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), hostileString), value: anyLeaf }) },
);

/** Every path in a JSON value, parents before children, in key order (so `at` is stable). */
export function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) out.push([...prefix, k], ...pathsOf((value as Record<string, Json>)[k], [...prefix, k]));
  return out;
}

function parentOf(doc: Json, path: Path): Record<string | number, Json> | undefined {
  let cur: Json = doc;
  for (const p of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, Json>)[p];
  }
  return cur !== null && typeof cur === 'object' ? (cur as Record<string | number, Json>) : undefined;
}

function setOwn(o: Record<string | number, Json>, k: string | number, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function nested(depth: number, list: boolean, leaf: Json): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = list ? [v] : ownObject([['a', v]]);
  return v;
}

/** Applies mutations to a deep copy of `doc` (never to the corpus itself). */
export function mutate(doc: Json, mutations: readonly Mutation[]): Json {
  const copy = structuredClone(doc) as Record<string, Json>;
  for (const m of mutations) {
    if (m.op === 'name') {
      const meta = copy['metadata'];
      if (meta && typeof meta === 'object' && !Array.isArray(meta)) setOwn(meta as Record<string, Json>, 'name', m.name);
      continue;
    }
    if (m.op === 'label') {
      const meta = copy['metadata'];
      if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
        const labels = ((meta as Record<string, Json>)['labels'] ??= {});
        if (labels && typeof labels === 'object') setOwn(labels as Record<string, Json>, m.key, m.value);
      }
      continue;
    }
    const paths = pathsOf(copy);
    if (paths.length === 0) continue;
    const path = paths[m.at % paths.length]!;
    const parent = parentOf(copy, path);
    const key = path[path.length - 1]!;
    if (!parent) continue;
    switch (m.op) {
      case 'swap':
        setOwn(parent, key, structuredClone(m.value));
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'null-in-list': {
        const target = parent[key];
        if (Array.isArray(target)) target.splice(target.length >> 1, 0, null);
        else setOwn(parent, key, [target, null]);
        break;
      }
      case 'nest':
        setOwn(parent, key, nested(m.depth, m.list, parent[key]));
        break;
      case 'rename-key':
        if (!Array.isArray(parent)) {
          const v = parent[key];
          delete parent[key];
          setOwn(parent, m.key, v);
        }
        break;
    }
  }
  return copy;
}

/** YAML text for a (possibly mutated) document; values YAML cannot hold safely are dumped as strings. */
export function toYaml(doc: Json): string {
  return dump(doc, { noRefs: true, lineWidth: -1, skipInvalid: true });
}

/** A mutated example document, as YAML. */
export const mutatedDocument: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: BASE_DOCUMENTS.length - 1 }), fc.array(mutation, { maxLength: 4 }))
  .map(([i, ms]) => toYaml(mutate(BASE_DOCUMENTS[i]!, ms)));

/** An unmutated example document (so later mutations can hit objects that exist). */
export const exampleDocument: fc.Arbitrary<string> = fc.nat({ max: BASE_DOCUMENTS.length - 1 }).map((i) => toYaml(BASE_DOCUMENTS[i]!));

const LAUGHS_WHERE = fc.constantFrom('labels', 'annotations', 'spec', 'data', 'finalizers');

/**
 * YAML only text can express: an anchor used as a whole document's metadata or spec, a
 * billion-laughs alias tree (width^depth leaves, bounded), merge keys, duplicate keys, tags,
 * odd scalars, and documents that are not maps.
 */
export const yamlOddity: fc.Arbitrary<string> = fc.oneof(
  // Small alias trees (at most 1,000 leaves) often, bounded bombs (10^5..10^6 leaves, which a real
  // client refuses as "excessive aliasing") rarely: each costs the engine as much as it expands.
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 9 }), LAUGHS_WHERE)
      .filter(([w, d]) => w ** d <= 1000)
      .map(([width, depth, where]) => laughs(width, depth, where)),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom([10, 5], [4, 9], [9, 6], [2, 17]), LAUGHS_WHERE).map(([[width, depth], where]) => laughs(width!, depth!, where)) },
  { weight: 10, arbitrary: fc.constantFrom(
    'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: anchored\ndata:\n  self: *m\n',
    'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: merged\nspec:\n  <<: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /tmp}}\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dup\n  name: dup2\nspec:\n  containers: [{name: c, image: busybox}]\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tagged\ndata:\n  a: !!binary aGVsbG8=\n  b: !!timestamp 2001-12-14t21:59:43.10-05:00\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata: !!set {a, b}\n',
    '- apiVersion: v1\n  kind: Namespace\n  metadata: {name: listdoc}\n',
    '42\n',
    '~\n',
    '---\n---\n---\n',
    '"just a string"\n',
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: in-list}\n',
    'apiVersion: v1\nkind: [ConfigMap]\nmetadata: {name: x}\n',
    'apiVersion: {a: 1}\nkind: Pod\nmetadata: {name: x}\n',
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: big}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 99999999999999999999999999Ei}}\n',
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: neg}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: -1}}\n',
    'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: e308}\nspec:\n  capacity: {storage: 1e308}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: __proto__}\nspec:\n  containers: [{name: c, image: busybox}]\n',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: constructor}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "\\u202e<b>"}\n',
    '{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: busybox, command: [sh, -c, "sleep 4294967296"]}]}}\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: bad-yaml\nspec: [\n',
    '\t- tab\n',
  ) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.boolean()).map(([depth, list]) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${list ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth)}\n`) },
);

/** `a0: &a0 [x, x]`, `a1: &a1 [*a0, *a0]`, …: a small text that expands to width^depth leaves. */
function laughs(width: number, depth: number, where: string): string {
  const lines = [`x0: &a0 "lol"`];
  for (let d = 1; d <= depth; d++) lines.push(`x${d}: &a${d} [${Array(width).fill(`*a${d - 1}`).join(', ')}]`);
  const body = lines.map((l) => `  ${l}`).join('\n');
  const kind = where === 'data' ? 'ConfigMap' : 'Pod';
  return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: laughs\n${where === 'labels' || where === 'annotations' || where === 'finalizers' ? `  ${where}:\n  ${body.replace(/\n/g, '\n  ')}\n` : `${where}:\n${body}\n`}`;
}

/** A manifest text: one to three documents, each mutated, plain, or odd. */
export const manifestText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: mutatedDocument }, { weight: 3, arbitrary: exampleDocument }, { weight: 2, arbitrary: yamlOddity }), { minLength: 1, maxLength: 3 })
  .map((docs) => docs.join('---\n'));
