// What `-f FILE…` or `-k DIR` hands a verb: manifest text per source, with the name kubectl gives
// it in messages (`STDIN`, the file, or the kustomization directory as typed).
import { toYaml } from '../output-formats.ts';
import { clientError } from '../errors.ts';
import { lines, type KubectlContext } from '../context.ts';
import { flag, isSet } from '../flags.ts';
import { kustomizeBuild } from './build.ts';

export interface ManifestSource {
  /** As typed after -f or -k; `-` for stdin. */
  path: string;
  /** How kubectl names it in messages. */
  source: string;
  /** The manifests, or undefined when the path does not exist. */
  text: string | undefined;
}

/** `warnings`: kustomize's stderr from the build, which comes before anything the command prints. */
export type Sources = { ok: true; sources: ManifestSource[]; warnings: string } | { ok: false; stderr: string };

/** The objects of a build as one YAML stream, as kustomize's ResMap.AsYaml writes them. */
export function renderYaml(objects: readonly Record<string, unknown>[]): string {
  return objects.map((o) => toYaml(o)).join('---\n');
}

/**
 * `-f` and `-k` together are refused (FilenameOptions.validate); `-k` builds the kustomization,
 * and a build error stops the command before anything is sent.
 */
export function manifestSources(ctx: KubectlContext): Sources {
  const files = ctx.flags.values['filename'] ?? [];
  // An empty -k is no -k, as an empty string is unset to kubectl's FilenameOptions.
  const dir = flag(ctx.flags, 'kustomize') || undefined;
  if (dir !== undefined) {
    if (files.length > 0) return { ok: false, stderr: clientError('only one of -f or -k can be specified') + '\n' };
    const built = kustomizeBuild(ctx.input.files, dir);
    const warnings = lines(built.warnings);
    if (!built.ok) return { ok: false, stderr: warnings + clientError(built.error.replace(/\n$/, '')) + '\n' };
    return { ok: true, sources: [{ path: dir, source: dir, text: renderYaml(built.objects) }], warnings };
  }
  return {
    ok: true,
    warnings: '',
    sources: files.flatMap((file) => (file === '-' ? [{ path: file, source: 'STDIN', text: ctx.input.stdin ?? '' }] : expandPath(ctx, file, isSet(ctx.flags, 'recursive')))),
  };
}

/** Whether the command was given -k. */
export function hasKustomize(ctx: KubectlContext): boolean {
  return !!flag(ctx.flags, 'kustomize');
}

/** Extensions a directory's files need to be read (resource.FileExtensions); a file named outright is read whatever its name. */
const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/**
 * ExpandPathsToFileVisitors: a file as itself; a directory as its manifest files in filepath.Walk's
 * order (by name), named `dir/file.yaml`, its subdirectories only with -R.
 */
function expandPath(ctx: KubectlContext, path: string, recursive: boolean, root = true): ManifestSource[] {
  const text = ctx.input.files.read(path);
  if (text !== undefined) return root || MANIFEST_EXTENSIONS.some((e) => path.endsWith(e)) ? [{ path, source: path, text }] : [];
  const entries = ctx.input.files.list?.(path);
  if (entries === undefined) return root ? [{ path, source: path, text: undefined }] : [];
  if (!root && !recursive) return [];
  const base = path.replace(/\/+$/, '') || '/';
  return [...entries].sort().flatMap((name) => expandPath(ctx, base === '/' ? `/${name}` : `${base}/${name}`, recursive, false));
}
