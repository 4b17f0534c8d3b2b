// Reading a kustomization file: which of the three names it has, its fields checked as kustomize's
// strict decoding checks them, and a clear refusal for the fields this playground does not build.
import { parseManifestText } from '../../../engine/index.ts';
import type { FileSource } from '../../types.ts';
import { joinPath } from './paths.ts';

/** The names kustomize accepts, in the order it tries them (konfig.RecognizedKustomizationFileNames). */
const FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  options?: GeneratorOptions;
  /** Secrets only. */
  type?: string;
}

export interface LabelArgs {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
}

export interface Kustomization {
  resources: string[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  commonLabels?: Record<string, string>;
  labels: LabelArgs[];
  commonAnnotations?: Record<string, string>;
  configMapGenerator: GeneratorArgs[];
  secretGenerator: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
}

/** Every field of types.Kustomization: any other is refused, as kustomize decodes strictly. */
const KNOWN = new Set([
  'apiVersion', 'kind', 'metadata', 'openapi', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'commonAnnotations',
  'patchesStrategicMerge', 'patchesJson6902', 'patches', 'images', 'imageTags', 'replacements', 'replicas', 'vars', 'sortOptions', 'resources',
  'components', 'crds', 'bases', 'configMapGenerator', 'secretGenerator', 'helmGlobals', 'helmCharts', 'helmChartInflationGenerator',
  'generatorOptions', 'configurations', 'generators', 'transformers', 'validators', 'buildMetadata',
]);

/** Fields kustomize builds and this playground does not; set and not empty, they stop the build. */
const NOT_BUILT = [
  'patchesStrategicMerge', 'patchesJson6902', 'patches', 'images', 'imageTags', 'replacements', 'replicas', 'vars', 'sortOptions', 'components',
  'crds', 'helmGlobals', 'helmCharts', 'helmChartInflationGenerator', 'configurations', 'generators', 'transformers', 'validators', 'openapi',
  'buildMetadata',
];

/** `warnings`: kustomize's notes on deprecated fields, which it writes to stderr as it loads the file. */
export type Loaded = { ok: true; kustomization: Kustomization; fileName: string; warnings: string[] } | { ok: false; error: string; warnings?: string[] };

const EDIT_FIX = "Run 'kustomize edit fix' to update your Kustomization automatically.";
/** Deprecated fields and what replaces them, in the order kustomize checks them (CheckDeprecatedFields). */
const DEPRECATED: [field: string, instead: string, fix: string][] = [
  ['bases', 'resources', EDIT_FIX],
  ['commonLabels', 'labels', EDIT_FIX],
  ['imageTags', 'images', EDIT_FIX],
  ['patchesJson6902', 'patches', EDIT_FIX],
  ['patchesStrategicMerge', 'patches', EDIT_FIX],
  ['vars', 'replacements', `[EXPERIMENTAL] ${EDIT_FIX}`],
];

/** The kustomization in directory `dir` (absolute). */
export function loadKustomization(files: FileSource, dir: string): Loaded {
  const found = FILE_NAMES.map((name) => ({ name, text: files.read(joinPath(dir, name)) })).filter((f) => f.text !== undefined);
  if (found.length === 0) return { ok: false, error: `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'` };
  // fmt.Errorf with a trailing newline, as kustomize words it.
  if (found.length > 1) return { ok: false, error: `Found multiple kustomization files under: ${dir}\n` };
  const { name, text } = found[0]!;
  const where = joinPath(dir, name);
  const docs = parseManifestText(text!);
  const broken = docs.find((d) => d.syntaxError);
  if (broken) return { ok: false, error: `invalid Kustomization: ${broken.syntaxError!.detail}` };
  const value = docs[0]?.value;
  if (value === undefined || value === null) return { ok: false, error: `kustomization.yaml is empty` };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: `invalid Kustomization: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string'} into Go value of type types.Kustomization` };
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!KNOWN.has(key)) return { ok: false, error: `invalid Kustomization: json: unknown field "${key}"` };
  // A field given at all, even empty, is reported (the Go field is not nil); a null one is not.
  const warnings = DEPRECATED.filter(([field]) => raw[field] !== undefined && raw[field] !== null).map(([field, instead, fix]) => `# Warning: '${field}' is deprecated. Please use '${instead}' instead. ${fix}`);
  const failed = (error: string): Loaded => ({ ok: false, error, warnings });
  if (Object.keys(raw).every((k) => k === 'apiVersion' || k === 'kind' || raw[k] === null)) return failed('kustomization.yaml is empty');
  if (raw['kind'] === 'Component') return failed(unsupported('components', where));
  for (const field of NOT_BUILT) if (present(raw[field])) return failed(unsupported(field, where));
  if (Array.isArray(raw['labels']) && raw['labels'].some((l) => present((l as Record<string, unknown> | null)?.['fields']))) return failed(unsupported('labels.fields', where));
  try {
    return { ok: true, fileName: name, kustomization: decode(raw), warnings };
  } catch (e) {
    if (e instanceof UnknownFieldError) return { ok: false, error: `invalid Kustomization: json: unknown field "${e.message}"` };
    if (e instanceof FieldTypeError) return { ok: false, error: `invalid Kustomization: json: cannot unmarshal ${e.got} into Go struct field ${e.field} of type ${e.want}` };
    throw e;
  }
}

/** Our wording: kustomize builds these, the playground does not, and the learner should know which. */
export function unsupported(field: string, file: string): string {
  return `kustomization field "${field}" is not supported in this playground (${file})`;
}

function present(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return v !== '' && v !== false;
}

class FieldTypeError extends Error {
  constructor(
    readonly field: string,
    readonly want: string,
    readonly got: string,
  ) {
    super(field);
  }
}

function goType(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'string' : 'object';
}

function str(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new FieldTypeError(field, 'string', goType(v));
  return v;
}

function strings(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new FieldTypeError(field, '[]string', goType(v));
  return v.map((x) => {
    if (typeof x !== 'string') throw new FieldTypeError(field, 'string', goType(x));
    return x;
  });
}

function stringMap(v: unknown, field: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new FieldTypeError(field, 'map[string]string', goType(v));
  const out: Record<string, string> = Object.create(null);
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw new FieldTypeError(field, 'string', goType(x));
    out[k] = x;
  }
  return out;
}

function bool(v: unknown, field: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new FieldTypeError(field, 'bool', goType(v));
  return v;
}

function list(v: unknown, field: string): Record<string, unknown>[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new FieldTypeError(field, `[]types.${field.split('.').pop() === 'labels' ? 'Label' : 'GeneratorArgs'}`, goType(v));
  return v.map((x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FieldTypeError(field, 'object', goType(x));
    return x as Record<string, unknown>;
  });
}

function options(v: unknown, field: string): GeneratorOptions | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new FieldTypeError(field, 'types.GeneratorOptions', goType(v));
  const o = v as Record<string, unknown>;
  known(o, OPTION_FIELDS);
  return {
    labels: stringMap(o['labels'], `${field}.labels`),
    annotations: stringMap(o['annotations'], `${field}.annotations`),
    disableNameSuffixHash: bool(o['disableNameSuffixHash'], `${field}.disableNameSuffixHash`),
    immutable: bool(o['immutable'], `${field}.immutable`),
  };
}

const GENERATOR_FIELDS = ['namespace', 'name', 'behavior', 'literals', 'files', 'envs', 'env', 'options'];
const OPTION_FIELDS = ['labels', 'annotations', 'disableNameSuffixHash', 'immutable'];
const LABEL_FIELDS = ['pairs', 'includeSelectors', 'includeTemplates', 'fields'];

class UnknownFieldError extends Error {}

/** Strict decoding reaches into nested structs too: an unknown key anywhere is refused. */
function known(o: Record<string, unknown>, fields: readonly string[]): void {
  for (const k of Object.keys(o)) if (!fields.includes(k)) throw new UnknownFieldError(k);
}

function generator(g: Record<string, unknown>, field: string): GeneratorArgs {
  known(g, field.endsWith('secretGenerator') ? [...GENERATOR_FIELDS, 'type'] : GENERATOR_FIELDS);
  return {
    name: str(g['name'], `${field}.name`),
    namespace: str(g['namespace'], `${field}.namespace`),
    behavior: str(g['behavior'], `${field}.behavior`),
    literals: strings(g['literals'], `${field}.literals`),
    files: strings(g['files'], `${field}.files`),
    envs: strings(g['envs'], `${field}.envs`),
    env: str(g['env'], `${field}.env`),
    options: options(g['options'], `${field}.options`),
    type: str(g['type'], `${field}.type`),
  };
}

function decode(raw: Record<string, unknown>): Kustomization {
  return {
    // `bases` is the deprecated spelling of resources; kustomize appends it to them.
    resources: [...strings(raw['resources'], 'Kustomization.resources'), ...strings(raw['bases'], 'Kustomization.bases')],
    namespace: str(raw['namespace'], 'Kustomization.namespace'),
    namePrefix: str(raw['namePrefix'], 'Kustomization.namePrefix'),
    nameSuffix: str(raw['nameSuffix'], 'Kustomization.nameSuffix'),
    commonLabels: stringMap(raw['commonLabels'], 'Kustomization.commonLabels'),
    labels: list(raw['labels'], 'Kustomization.labels').map((l) => (known(l, LABEL_FIELDS), {
      pairs: stringMap(l['pairs'], 'Kustomization.labels.pairs'),
      includeSelectors: bool(l['includeSelectors'], 'Kustomization.labels.includeSelectors'),
      includeTemplates: bool(l['includeTemplates'], 'Kustomization.labels.includeTemplates'),
    })),
    commonAnnotations: stringMap(raw['commonAnnotations'], 'Kustomization.commonAnnotations'),
    configMapGenerator: list(raw['configMapGenerator'], 'Kustomization.configMapGenerator').map((g) => generator(g, 'Kustomization.configMapGenerator')),
    secretGenerator: list(raw['secretGenerator'], 'Kustomization.secretGenerator').map((g) => generator(g, 'Kustomization.secretGenerator')),
    generatorOptions: options(raw['generatorOptions'], 'Kustomization.generatorOptions'),
  };
}
