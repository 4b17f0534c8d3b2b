// Development-time generator (`npm run schema`) of the Kubernetes schemas we commit:
//   src/engine/manifest/schema/kubernetes.schema.json  draft-07, with descriptions, for Monaco (monaco-yaml)
//   (scripts/generate-decode-schema.ts then derives the engine's decode schema from it)
// Source of truth: the `kubernetes-types` package, turned into JSON schema by ts-json-schema-generator.
// No npm package ships a current Kubernetes schema that works offline (see stack-notes.md), hence this.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'src/engine/manifest/schema');

/** Kind → module in kubernetes-types. Order = order of the `kind` enum and of the `allOf` dispatch. */
const KINDS = {
  Namespace: 'core/v1',
  Node: 'core/v1',
  Pod: 'core/v1',
  ConfigMap: 'core/v1',
  Secret: 'core/v1',
  ServiceAccount: 'core/v1',
  PersistentVolume: 'core/v1',
  PersistentVolumeClaim: 'core/v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  Job: 'batch/v1',
  Service: 'core/v1',
  Endpoints: 'core/v1',
  EndpointSlice: 'discovery/v1',
  StorageClass: 'storage/v1',
  CSIDriver: 'storage/v1',
} as const;
const KIND_NAMES = Object.keys(KINDS) as (keyof typeof KINDS)[];

// The Kubernetes quantity grammar, loosely (the API server's own regexp in apimachinery).
const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/**
 * Kinds generated on their own and merged in: their modules reuse a type name of core/v1 for a
 * different type (discovery/v1 EndpointPort vs core/v1 EndpointPort), which one run cannot hold.
 */
const SEPARATE: readonly (keyof typeof KINDS)[] = ['EndpointSlice'];

main();

function main(): void {
  const raw = generateRaw(KIND_NAMES.filter((k) => !SEPARATE.includes(k)));
  const defs = raw.definitions as { [name: string]: Schema };
  delete defs.KindsTuple; // the auxiliary tuple, not a kind
  for (const k of SEPARATE) {
    const extra = generateRaw([k]).definitions as { [name: string]: Schema };
    delete extra.KindsTuple;
    mergeDefinitions(defs, extra, KINDS[k].split('/')[0]!);
  }

  patch(defs);
  const schema = topLevel(defs);

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'kubernetes.schema.json'), `${JSON.stringify(sortKeys(schema), null, 2)}\n`);
  console.log(`wrote ${KIND_NAMES.length} kinds, ${Object.keys(defs).length} definitions to ${OUT_DIR}`);
}

/**
 * Runs ts-json-schema-generator on one tuple type of all kinds. One tuple, in one auxiliary
 * file, because generating each kind separately makes same-named aliases collide
 * ("Type X has multiple definitions"). The file lives in node_modules/.cache so it never shows
 * up in the repo or in `tsc -p .`, and still resolves `kubernetes-types` by walking up.
 */
function generateRaw(kinds: readonly (keyof typeof KINDS)[]): Schema {
  const dir = join(ROOT, 'node_modules/.cache/generate-schema');
  const file = join(dir, 'kinds.ts');
  const byModule = new Map<string, string[]>();
  for (const k of kinds) byModule.set(KINDS[k], [...(byModule.get(KINDS[k]) ?? []), k]);
  const source = [
    ...[...byModule].map(([mod, names]) => `import type { ${names.join(', ')} } from 'kubernetes-types/${mod}';`),
    `export type KindsTuple = [${kinds.join(', ')}];`,
    '',
  ].join('\n');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, source);
  try {
    return createGenerator({
      path: file,
      type: 'KindsTuple',
      jsDoc: 'extended', // descriptions for hover/completion
      additionalProperties: false, // what makes unknown fields get markers
      sortProps: true,
      skipTypeCheck: true, // kubernetes-types is declarations only; checking it just costs time
    }).createSchema('KindsTuple') as Schema;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Adds `extra`'s definitions to `defs`. One whose name `defs` already uses for a different type is
 * renamed with the group in front (`discoveryEndpointPort`), and `extra`'s references follow it.
 */
function mergeDefinitions(defs: { [name: string]: Schema }, extra: { [name: string]: Schema }, group: string): void {
  const renamed = new Map<string, string>();
  for (const [name, def] of Object.entries(extra)) {
    if (defs[name] && JSON.stringify(defs[name]) !== JSON.stringify(def)) renamed.set(name, `${group}${name}`);
  }
  const rewrite = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v === null || typeof v !== 'object') return v;
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(v)) {
      const target = key === '$ref' && typeof value === 'string' ? renamed.get(value.replace('#/definitions/', '')) : undefined;
      out[key] = target ? `#/definitions/${target}` : rewrite(value);
    }
    return out;
  };
  for (const [name, def] of Object.entries(extra)) {
    const to = renamed.get(name) ?? name;
    if (!defs[to]) defs[to] = rewrite(def) as Schema;
  }
}

/** Things kubernetes-types types as plain `string` (or gets wrong) that the API server constrains. */
function patch(defs: { [name: string]: Schema }): void {
  // YAML authors write `storage: 1` as often as `storage: 1Gi`; the API server accepts both.
  Object.assign(need(defs, 'Quantity'), { type: ['string', 'number'], pattern: QUANTITY_PATTERN });

  // `interface FieldsV1 {}` becomes an object with no properties and additionalProperties:false,
  // which would reject every managedFields entry a learner pastes from `kubectl get -o yaml`.
  delete need(defs, 'FieldsV1').additionalProperties;

  const accessModes = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
  const volumeModes = ['Filesystem', 'Block'];
  for (const def of ['PersistentVolumeSpec', 'PersistentVolumeClaimSpec', 'PersistentVolumeClaimStatus']) {
    setEnum(defs, def, 'accessModes', accessModes);
  }
  setEnum(defs, 'PersistentVolumeSpec', 'volumeMode', volumeModes);
  setEnum(defs, 'PersistentVolumeClaimSpec', 'volumeMode', volumeModes);
  setEnum(defs, 'PersistentVolumeSpec', 'persistentVolumeReclaimPolicy', ['Retain', 'Delete', 'Recycle']);
  setEnum(defs, 'StorageClass', 'volumeBindingMode', ['Immediate', 'WaitForFirstConsumer']);
  setEnum(defs, 'StorageClass', 'reclaimPolicy', ['Retain', 'Delete']);
  setEnum(defs, 'PodSpec', 'restartPolicy', ['Always', 'OnFailure', 'Never']);
  setEnum(defs, 'HostPathVolumeSource', 'type',
    ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice']);
}

/** Adds an enum to a string property (or to the items of a string array). Throws if the shape moved. */
function setEnum(defs: { [name: string]: Schema }, def: string, prop: string, values: string[]): void {
  const props = need(defs, def).properties as { [name: string]: Schema } | undefined;
  let target = props?.[prop];
  if (target?.type === 'array') target = target.items as Schema;
  if (target?.type !== 'string') throw new Error(`${def}.${prop} is not a string (or string[]) any more`);
  target.enum = values;
}

function need(defs: { [name: string]: Schema }, name: string): Schema {
  const d = defs[name];
  if (!d) throw new Error(`definition ${name} missing from kubernetes-types output`);
  return d;
}

/**
 * The document-level schema: `kind`/`apiVersion` enums for completion, then one
 * `if kind == X then $ref X` per kind. A oneOf over kinds would report every kind's errors.
 */
function topLevel(defs: { [name: string]: Schema }): Schema {
  const apiVersions = new Set<string>();
  for (const k of KIND_NAMES) {
    const v = ((need(defs, k).properties as { [n: string]: Schema }).apiVersion as Schema).const;
    if (typeof v !== 'string') throw new Error(`${k}.apiVersion has no const`);
    apiVersions.add(v);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes Storage Playground manifest',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...apiVersions].sort(), description: 'API group/version of the kind.' },
      // `List` (v1, with `items`) is kubectl's: it applies each item as a document of its own.
      kind: { type: 'string', enum: [...KIND_NAMES, 'List'], description: 'Kind of object this document describes.' },
    },
    required: ['apiVersion', 'kind'],
    // `required` in the `if` so that a document without `kind` does not match every branch.
    allOf: KIND_NAMES.map((k) => ({
      if: { properties: { kind: { const: k } }, required: ['kind'] },
      then: { $ref: `#/definitions/${k}` },
    })),
    definitions: defs,
  };
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k]!)]));
}
