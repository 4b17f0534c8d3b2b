// /openapi/v3 (an index of group-version documents) and /openapi/v3/api/v1, /openapi/v3/apis/G/V,
// built from the schema the engine bundles for the editor and `kubectl explain`. kubectl 1.32
// reads them to learn that the server validates fields itself (the PATCH operation's
// `fieldValidation` parameter, so `kubectl apply` sends fieldValidation=Strict instead of
// validating on the client) and to explain kinds (`x-kubernetes-group-version-kind`). /openapi/v2
// (openapi-v2.ts) is the same schemas as one Swagger 2.0 document.
import { createHash } from 'node:crypto';
import schema from '../engine/manifest/schema/kubernetes.schema.json' with { type: 'json' };
import { VERSION_INFO, groupVersions, kindsOfGroup } from './discovery.ts';
import { failure } from './status.ts';
import type { Reply } from './reply.ts';
import type { KindInfo } from '../engine/index.ts';
import { openApiV2 } from './openapi-v2.ts';

type Json = Record<string, unknown>;
const DEFINITIONS = (schema as unknown as { definitions: Record<string, Json> }).definitions;

/** apimachinery's types keep their Go package in their OpenAPI name; the rest are k8s.io/api's. */
const META = new Set(['ObjectMeta', 'Time', 'MicroTime', 'LabelSelector', 'LabelSelectorRequirement', 'OwnerReference', 'ManagedFieldsEntry', 'FieldsV1', 'Condition']);

function schemaName(def: string): string {
  if (META.has(def)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${def}`;
  if (def === 'Quantity') return 'io.k8s.apimachinery.pkg.api.resource.Quantity';
  if (def === 'IntOrString') return 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  return `io.k8s.api.${packageOf(def)}.${def}`;
}

function packageOf(def: string): string {
  if (/^(Deployment|ReplicaSet|StatefulSet|RollingUpdate(Deployment|StatefulSet)Strategy|StatefulSetPersistentVolumeClaimRetentionPolicy|StatefulSetOrdinals)/.test(def)) return 'apps.v1';
  if (/^(Job|PodFailurePolicy|UncountedTerminatedPods|SuccessPolicy)/.test(def)) return 'batch.v1';
  if (/^(EndpointSlice|EndpointConditions|EndpointHints|ForZone|ForNode)$/.test(def) || def === 'Endpoint') return 'discovery.v1';
  if (/^(StorageClass|CSIDriver|VolumeAttachment|TokenRequest|VolumeError)/.test(def)) return 'storage.v1';
  return 'core.v1';
}

/** A JSON-schema definition as OpenAPI v3 writes it: refs to components, a described ref wrapped in allOf. */
function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== 'object') return value;
  const v = value as Json;
  // An int-or-string field refers to IntOrString, as the API server's schema has it; a Quantity is a string.
  if (Array.isArray(v['type']) && v['type'].length === 2 && v['type'].includes('number') && v['type'].includes('string')) {
    // Quantity's own definition (the one with a pattern): a oneOf, with no type of its own.
    if (v['pattern'] !== undefined) return { description: v['description'], oneOf: [{ type: 'string' }, { type: 'number' }] };
    return { ...(v['description'] !== undefined ? { description: v['description'] } : {}), allOf: [{ $ref: `#/components/schemas/${schemaName('IntOrString')}` }] };
  }
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'const' || k === '$schema' || (k === 'additionalProperties' && x === false)) continue;
    if (k === '$ref' && typeof x === 'string') continue;
    // kubernetes-types writes every Go number as `number`; the kinds we model only have int32/int64 fields.
    if (k === 'type' && x === 'number') {
      out[k] = 'integer';
      continue;
    }
    if (k === 'enum' && Array.isArray(x)) {
      // The API server's generator lists enum values sorted; the editor's schema keeps Go's order.
      out[k] = [...x].sort();
      continue;
    }
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(x as Json).map(([p, s]) => [p, convert(s)])) : convert(x);
  }
  if (typeof v['$ref'] === 'string') {
    const ref = { $ref: `#/components/schemas/${schemaName(v['$ref'].replace('#/definitions/', ''))}` };
    if (Object.keys(out).length === 0) return ref;
    return { ...out, allOf: [ref] };
  }
  return out;
}

/** The definitions a kind's schema reaches. */
function reachable(roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v as Json)) {
      if (k === '$ref' && typeof x === 'string') {
        const name = x.replace('#/definitions/', '');
        if (!seen.has(name) && DEFINITIONS[name]) {
          seen.add(name);
          visit(DEFINITIONS[name]);
        }
      } else visit(x);
    }
  };
  for (const r of roots) {
    if (!DEFINITIONS[r]) continue;
    seen.add(r);
    visit(DEFINITIONS[r]);
  }
  return [...seen].sort();
}

const STRING_PARAM = { schema: { type: 'string', uniqueItems: true } };

function queryParam(name: string, description: string): Json {
  return { name, in: 'query', description, ...STRING_PARAM };
}

const DRY_RUN = queryParam('dryRun', 'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed');
const FIELD_MANAGER = queryParam('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.');
const FIELD_VALIDATION = queryParam(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
);

function operations(info: KindInfo, version: string): Record<string, Json> {
  const gvk = { group: info.group, version, kind: info.kind };
  const ref = { $ref: `#/components/schemas/${schemaName(info.kind)}` };
  const body = (status: string) => ({ [status]: { description: status === '201' ? 'Created' : 'OK', content: { 'application/json': { schema: ref } } } });
  const op = (action: string, extra: Json = {}) => ({ tags: [], 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': gvk, ...extra });
  const prefix = info.group ? `/apis/${info.group}/${version}` : `/api/${version}`;
  const collection = info.namespaced ? `${prefix}/namespaces/{namespace}/${info.plural}` : `${prefix}/${info.plural}`;
  const namespaceParam = info.namespaced ? [{ name: 'namespace', in: 'path', description: 'object name and auth scope, such as for teams and projects', required: true, ...STRING_PARAM }] : [];
  const nameParam = { name: 'name', in: 'path', description: `name of the ${info.kind}`, required: true, ...STRING_PARAM };
  return {
    [collection]: {
      get: op('list', { responses: body('200') }),
      post: op('post', { parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION], requestBody: { content: { '*/*': { schema: ref } }, required: true }, responses: body('201') }),
      ...(info.verbs.includes('deletecollection') ? { delete: op('deletecollection', { parameters: [DRY_RUN] }) } : {}),
      parameters: namespaceParam,
    },
    [`${collection}/{name}`]: {
      get: op('get', { responses: body('200') }),
      put: op('put', { parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION], requestBody: { content: { '*/*': { schema: ref } }, required: true }, responses: body('200') }),
      patch: op('patch', {
        parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } }],
        requestBody: {
          content: Object.fromEntries(
            ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'].map((t) => [t, { schema: { type: 'object' } }]),
          ),
          required: true,
        },
        responses: body('200'),
      }),
      delete: op('delete', { parameters: [DRY_RUN, { name: 'gracePeriodSeconds', in: 'query', schema: { type: 'integer', uniqueItems: true } }, queryParam('propagationPolicy', 'Whether and how garbage collection will be performed.')] }),
      parameters: [nameParam, ...namespaceParam],
    },
  };
}

/** The document of one group version (`api/v1`, `apis/apps/v1`), or undefined (openapi-v2.ts merges them). */
export function document(path: string): Json | undefined {
  const gv = groupVersions().find((g) => (g.group ? `apis/${g.groupVersion}` : `api/${g.version}`) === path);
  if (!gv) return undefined;
  const kinds = kindsOfGroup(gv.group);
  const schemas: Json = { [schemaName('IntOrString')]: INT_OR_STRING };
  for (const def of reachable(kinds.map((k) => k.kind))) {
    const converted = convert(DEFINITIONS[def]) as Json;
    const info = kinds.find((k) => k.kind === def);
    schemas[schemaName(def)] = info ? { ...converted, 'x-kubernetes-group-version-kind': [{ group: info.group, kind: info.kind, version: gv.version }] } : converted;
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: VERSION_INFO.gitVersion },
    paths: Object.assign({}, ...kinds.map((k) => operations(k, gv.version))),
    components: { schemas },
  };
}

const INT_OR_STRING = {
  description:
    'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  format: 'int-or-string',
  oneOf: [{ type: 'integer' }, { type: 'string' }],
};

const cache = new Map<string, { text: string; hash: string }>();

function cached(path: string): { text: string; hash: string } | undefined {
  let entry = cache.get(path);
  if (!entry) {
    const doc = document(path);
    if (!doc) return undefined;
    const text = JSON.stringify(doc);
    entry = { text, hash: createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase() };
    cache.set(path, entry);
  }
  return entry;
}

export function openApi(path: string, _query: URLSearchParams, accept?: string): Reply {
  if (path === 'v3') {
    const paths: Json = {};
    for (const g of groupVersions()) {
      const p = g.group ? `apis/${g.groupVersion}` : `api/${g.version}`;
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${cached(p)!.hash}` };
    }
    return { code: 200, body: { paths } };
  }
  if (path === 'v2') return openApiV2(accept);
  if (path.startsWith('v3/')) {
    const doc = cached(path.slice(3));
    if (doc) return { code: 200, body: JSON.parse(doc.text) as unknown };
  }
  return { code: 404, body: failure(404, 'NotFound', 'the server could not find the requested resource', {}) };
}
