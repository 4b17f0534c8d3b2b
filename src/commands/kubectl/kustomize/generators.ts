// configMapGenerator and secretGenerator: key/value pairs from env files, then literals, then files
// (kustomize's kv loader order), made into a ConfigMap or Secret the way kustomize writes them.
import { base64Encode } from '../../../lib/base64.ts';
import type { FileSource } from '../../types.ts';
import type { GeneratorArgs, GeneratorOptions } from './kustomization.ts';
import { baseName, joinPath, outsideRoot } from './paths.ts';

export type Generated = { ok: true; object: Record<string, unknown>; hashed: boolean } | { ok: false; error: string };

export function generate(kind: 'ConfigMap' | 'Secret', args: GeneratorArgs, global: GeneratorOptions | undefined, files: FileSource, dir: string): Generated {
  if (!args.name) return { ok: false, error: 'a configmap must have a name' };
  const pairs = loadPairs(args, files, dir);
  if (!pairs.ok) return pairs;
  const data: Record<string, string> = Object.create(null);
  for (const [k, v] of pairs.pairs) {
    // kustomize says "configmap" for Secrets too.
    if (Object.hasOwn(data, k)) return { ok: false, error: `configmap ${args.name} illegally repeats the key \`${k}\`` };
    data[k] = v;
  }
  const opts = mergeOptions(args.options, global);
  const metadata: Record<string, unknown> = { name: args.name };
  if (args.namespace) metadata['namespace'] = args.namespace;
  if (opts.labels && Object.keys(opts.labels).length) metadata['labels'] = { ...opts.labels };
  if (opts.annotations && Object.keys(opts.annotations).length) metadata['annotations'] = { ...opts.annotations };
  const object: Record<string, unknown> = { apiVersion: 'v1', kind, metadata };
  const keys = Object.keys(data).sort();
  if (kind === 'Secret') {
    object['type'] = args.type || 'Opaque';
    // A Secret always has its data map, even empty (LookupCreate in LoadMapIntoSecretData).
    object['data'] = Object.fromEntries(keys.map((k) => [k, wrappedBase64(data[k]!)]));
  } else if (keys.length > 0) {
    // Text that is not valid UTF-8 would go to binaryData; the host's files are text, so all is data.
    object['data'] = Object.fromEntries(keys.map((k) => [k, data[k]!]));
  }
  if (opts.immutable) object['immutable'] = true;
  return { ok: true, object, hashed: !opts.disableNameSuffixHash };
}

/**
 * The generator's own options merged with generatorOptions (types.MergeGlobalOptionsIntoLocal):
 * its own labels and annotations win, and a global `true` cannot be turned off locally.
 */
function mergeOptions(local: GeneratorOptions | undefined, global: GeneratorOptions | undefined): GeneratorOptions {
  return {
    labels: { ...global?.labels, ...local?.labels },
    annotations: { ...global?.annotations, ...local?.annotations },
    disableNameSuffixHash: !!(global?.disableNameSuffixHash || local?.disableNameSuffixHash),
    immutable: !!(global?.immutable || local?.immutable),
  };
}

type Pairs = { ok: true; pairs: [string, string][] } | { ok: false; error: string };

/** Env files first, then literals, then files, each in the order listed (kv.loader.Load). */
function loadPairs(args: GeneratorArgs, files: FileSource, dir: string): Pairs {
  const pairs: [string, string][] = [];
  const envs = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  for (const env of envs) {
    const refused = outsideRoot(joinPath(dir, env), dir);
    if (refused) return { ok: false, error: `loading KV pairs: env source files: [${envs.join(' ')}]: ${refused}` };
    const text = files.read(joinPath(dir, env));
    if (text === undefined) return { ok: false, error: `loading KV pairs: env source files: [${envs.join(' ')}]: ${missing(joinPath(dir, env))}` };
    pairs.push(...envPairs(text));
  }
  const literals = args.literals ?? [];
  for (const literal of literals) {
    const eq = literal.indexOf('=');
    if (eq <= 0) return { ok: false, error: `loading KV pairs: literal sources [${literals.join(' ')}]: invalid literal source ${literal}, expected key=value` };
    pairs.push([literal.slice(0, eq), removeQuotes(literal.slice(eq + 1))]);
  }
  const sources = args.files ?? [];
  for (const source of sources) {
    const parsed = fileSource(source);
    const wrap = (e: string) => `loading KV pairs: file sources: [${sources.join(' ')}]: ${e}`;
    if (!parsed.ok) return { ok: false, error: wrap(parsed.error) };
    const path = joinPath(dir, parsed.path);
    const refused = outsideRoot(path, dir);
    if (refused) return { ok: false, error: wrap(refused) };
    const text = files.read(path);
    if (text === undefined) return { ok: false, error: wrap(files.list?.(path) ? `${path}: is a directory` : missing(path)) };
    pairs.push([parsed.key, text]);
  }
  return { ok: true, pairs };
}

/** What kustomize's loader says of a path that is not there. */
export function missing(abs: string): string {
  return `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;
}

/** `path` (the key is its base name) or `key=path` (generators.ParseFileSource). */
function fileSource(source: string): { ok: true; key: string; path: string } | { ok: false; error: string } {
  const seps = source.split('=').length - 1;
  if (seps === 0) return { ok: true, key: baseName(source), path: source };
  if (seps === 1 && source.startsWith('=')) return { ok: false, error: `missing key name for file path ${goQuote(source.slice(1))} in source ${goQuote(source)}` };
  if (seps === 1 && source.endsWith('=')) return { ok: false, error: `missing file path for key name ${goQuote(source.slice(0, -1))} in source ${goQuote(source)}` };
  if (seps > 1) return { ok: false, error: `source ${goQuote(source)} key name or file path contains '='` };
  const [key, path] = source.split('=') as [string, string];
  return { ok: true, key, path };
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * An env file's pairs (kv.keyValuesFromLine): leading blanks trimmed, `#` lines and blank lines
 * skipped, split at the first `=`, the value kept as written (quotes and trailing blanks too); a
 * line without `=` is its key with an empty value. A leading BOM is dropped from the first line.
 */
function envPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  // bufio.Scanner's lines: split at \n, a trailing \r dropped.
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r$/, '');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    out.push(eq < 0 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)]);
  });
  return out;
}

/** Surrounding quotes of a literal's value go, when the same quote ends it. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}

/** Base64 as kustomize writes Secret data: lines of 70 characters, each ending in a newline once there are two or more. */
function wrappedBase64(text: string): string {
  const b64 = base64Encode(text);
  const lineCount = Math.floor(b64.length / 70) + 1;
  if (lineCount === 1) return b64;
  let out = '';
  for (let i = 0; i < b64.length; i += 70) out += b64.slice(i, i + 70) + '\n';
  return out;
}
