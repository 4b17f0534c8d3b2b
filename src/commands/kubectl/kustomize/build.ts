// `kustomize build` as kubectl runs it for `-k DIR` and `kubectl kustomize DIR`: resources (files
// and nested kustomizations, depth first), then generators, then this level's transformers; at the
// top only, the hash suffixes, the name-reference fix, and the legacy order (krusty.Kustomizer.Run).
import { parseManifestText } from '../../../engine/index.ts';
import type { FileSource } from '../../types.ts';
import { generate, missing } from './generators.ts';
import { nameHash, type Hashable } from './hasher.ts';
import { loadKustomization, type GeneratorArgs, type Kustomization } from './kustomization.ts';
import { fixNameReferences } from './name-references.ts';
import { legacyOrder } from './order.ts';
import { joinPath, outsideRoot, workingDir } from './paths.ts';
import { kindOf, nameOf, namespaceOf, type Resource } from './resource.ts';
import { transform } from './transformers.ts';

/** `warnings`: what kustomize wrote to stderr on the way (deprecated fields), printed before the rest. */
export type Built = { ok: true; objects: Record<string, unknown>[]; warnings: string[] } | { ok: false; error: string; warnings: string[] };

type Step<T> = { ok: true; value: T } | { ok: false; error: string };

/** Builds the kustomization in `target` (the path as given, relative to the working directory). */
export function kustomizeBuild(files: FileSource, target: string): Built {
  const warnings: string[] = [];
  const built = buildInto(files, target, warnings);
  return built.ok ? { ...built, warnings } : { ...built, warnings };
}

function buildInto(files: FileSource, target: string, warnings: string[]): { ok: true; objects: Record<string, unknown>[] } | { ok: false; error: string } {
  if (isRemote(target)) return { ok: false, error: remote(target) };
  const root = joinPath(workingDir(files), target);
  if (files.list?.(root) === undefined) {
    return { ok: false, error: files.read(root) !== undefined ? `must build at directory: '${target}': file is not directory` : `must build at directory: not a valid directory: evalsymlink failure on '${target}' : lstat ${root}: no such file or directory` };
  }
  const acc = accumulate(files, root, [], warnings);
  if (!acc.ok) return acc;
  const resources = acc.value;
  for (const r of resources) {
    if (!r.hashed) continue;
    const meta = r.object['metadata'] as Record<string, unknown>;
    meta['name'] = `${nameOf(r)}-${nameHash(r.object as unknown as Hashable)}`;
    r.names.push(meta['name'] as string);
  }
  fixNameReferences(resources);
  return { ok: true, objects: legacyOrder(resources).map((r) => r.object) };
}

/** URLs and git references: kustomize would clone them; the playground has no network. */
function isRemote(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('git@') || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(path);
}

function remote(path: string): string {
  return `remote kustomization "${path}" is not supported in this playground: copy its files next to the script`;
}

/** One kustomization directory (absolute), with everything below it; `visited` holds the roots above. */
function accumulate(files: FileSource, dir: string, visited: readonly string[], warnings: string[]): Step<Resource[]> {
  const loaded = loadKustomization(files, dir);
  warnings.push(...(loaded.warnings ?? []));
  if (!loaded.ok) return loaded;
  const k = loaded.kustomization;
  const resources: Resource[] = [];
  for (const path of k.resources) {
    const added = addResources(files, dir, path, [...visited, dir], resources, warnings);
    if (!added.ok) return { ok: false, error: `accumulating resources: ${added.error}` };
  }
  const generated = runGenerators(files, dir, k, resources);
  if (!generated.ok) return generated;
  transform(resources, k);
  return { ok: true, value: resources };
}

function addResources(files: FileSource, dir: string, path: string, visited: readonly string[], into: Resource[], warnings: string[]): Step<void> {
  if (isRemote(path)) return { ok: false, error: remote(path) };
  const abs = joinPath(dir, path);
  const from = `accumulation err='accumulating resources from '${path}'`;
  if (files.list?.(abs) !== undefined) {
    // The loader refuses a root it is already under before it recurses.
    if (visited.includes(abs)) return { ok: false, error: `${from}: '${abs}' must resolve to a file': cycle detected: candidate root '${abs}' contains visited root '${abs}'` };
    const sub = accumulate(files, abs, visited, warnings);
    if (!sub.ok) return { ok: false, error: `${from}: '${abs}' must resolve to a file': recursed accumulation of path '${abs}': ${sub.error}` };
    return absorb(sub.value, into, (e) => `${from}: ${e}': must build at directory: '${abs}': file is not directory`);
  }
  const refused = outsideRoot(abs, dir);
  if (refused) return { ok: false, error: `${from}: ${refused}': must build at directory: '${abs}': file is not directory` };
  const text = files.read(abs);
  if (text === undefined) return { ok: false, error: `${from}: ${missing(abs)}': must build at directory: not a valid directory: ${missing(abs)}` };
  const docs = parseManifestText(text);
  const broken = docs.find((d) => d.syntaxError);
  if (broken) return { ok: false, error: `accumulating resources from '${path}': MalformedYAMLError: ${broken.syntaxError!.detail.replace(/^error converting YAML to JSON: /, '')} in File: ${path}` };
  const fileError = (e: string) => `${from}: ${e}': must build at directory: '${abs}': file is not directory`;
  const read: Resource[] = [];
  for (const doc of docs) {
    const v = doc.value;
    if (v === null || v === undefined) continue;
    const meta = typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)['metadata'] : undefined;
    if (!meta || typeof meta !== 'object') return { ok: false, error: fileError('missing Resource metadata') };
    // Each build works on its own copy: the parsed document may be shared.
    const object = structuredClone(v) as Record<string, unknown>;
    read.push({ object, names: [String((meta as { name?: unknown }).name ?? '')], hashed: false });
  }
  return absorb(read, into, fileError);
}

/** Adds resources, refusing one whose kind, namespace and name are already there. */
function absorb(adding: readonly Resource[], into: Resource[], wrap: (e: string) => string): Step<void> {
  for (const r of adding) {
    const clash = into.find((o) => idOf(o) === idOf(r));
    if (clash) return { ok: false, error: wrap(`may not add resource with an already registered id: ${idOf(r)}`) };
    into.push(r);
  }
  return { ok: true, value: undefined };
}

/** ResId.String(): Kind.version.group/name.namespace, with kustomize's placeholders for blanks. */
function idOf(r: Resource): string {
  const apiVersion = String(r.object['apiVersion'] ?? '');
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return `${kindOf(r) || '[noKind]'}.${version || '[noVer]'}.${group || '[noGrp]'}/${nameOf(r)}.${namespaceOf(r) || '[noNs]'}`;
}

/** configMapGenerator, then secretGenerator, each entry in order; `merge` and `replace` change an object from below. */
function runGenerators(files: FileSource, dir: string, k: Kustomization, resources: Resource[]): Step<void> {
  const all: [kind: 'ConfigMap' | 'Secret', args: GeneratorArgs][] = [
    ...k.configMapGenerator.map((g) => ['ConfigMap', g] as ['ConfigMap', GeneratorArgs]),
    ...k.secretGenerator.map((g) => ['Secret', g] as ['Secret', GeneratorArgs]),
  ];
  for (const [kind, args] of all) {
    const made = generate(kind, args, k.generatorOptions, files, dir);
    if (!made.ok) return made;
    const r: Resource = { object: made.object, names: [args.name!], hashed: made.hashed };
    const behavior = args.behavior ?? 'create';
    const existing = resources.find((o) => kindOf(o) === kind && o.names.includes(args.name!) && namespaceOf(o) === namespaceOf(r));
    const id = resIdGo(kind, args.name!, namespaceOf(r));
    if (behavior === 'merge' || behavior === 'replace') {
      if (!existing) return { ok: false, error: `merging from generator: id ${id} does not exist; cannot merge or replace` };
      mergeInto(existing, r, behavior);
      continue;
    }
    if (existing) return { ok: false, error: `merging from generator: id ${id} exists; behavior must be merge or replace` };
    resources.push(r);
  }
  return { ok: true, value: undefined };
}

/** How kustomize prints a ResId with %#v in these errors. */
function resIdGo(kind: string, name: string, namespace: string): string {
  return `resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"${kind}", isClusterScoped:false}, Name:"${name}", Namespace:"${namespace}"}`;
}

/** `merge` adds the new keys, labels and annotations over the old; `replace` takes the new data whole. */
function mergeInto(existing: Resource, r: Resource, behavior: 'merge' | 'replace'): void {
  const old = existing.object;
  const next = r.object;
  for (const field of ['data', 'binaryData'] as const) {
    const merged = behavior === 'merge' ? { ...(old[field] as object | undefined), ...(next[field] as object | undefined) } : (next[field] as object | undefined);
    if (merged && Object.keys(merged).length > 0) old[field] = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    else delete old[field];
  }
  const oldMeta = old['metadata'] as Record<string, unknown>;
  const newMeta = next['metadata'] as Record<string, unknown>;
  for (const field of ['labels', 'annotations']) {
    const merged = { ...(oldMeta[field] as object | undefined), ...(newMeta[field] as object | undefined) };
    if (Object.keys(merged).length > 0) oldMeta[field] = merged;
  }
  if (!r.hashed) existing.hashed = false;
}
