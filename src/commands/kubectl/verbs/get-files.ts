// `kubectl get -f FILE…` and `kubectl get -k DIR`: the objects the manifests name (kind, name, and
// their namespace or the current one), each then fetched from the server as `get TYPE NAME` does.
import { flattenLists, parseManifestText, resolveResource, type KindInfo } from '../../../engine/index.ts';
import { clientError } from '../errors.ts';
import type { KubectlContext } from '../context.ts';
import { hasKustomize, manifestSources } from '../kustomize/sources.ts';

export type GetTarget = { info: KindInfo; names: string[]; namespace?: string };

export type FilesToGet =
  | { ok: true; targets: GetTarget[]; errors: string[]; singleItemImplied: boolean }
  | { ok: false; stderr: string };

/** Undefined when the command names resources by argument. */
export function filesToGet(ctx: KubectlContext): FilesToGet | undefined {
  const files = ctx.flags.values['filename'] ?? [];
  if (files.length === 0 && !hasKustomize(ctx)) return undefined;
  if (ctx.flags.args.length > 0) {
    // The builder takes either: resource arguments next to -f are refused.
    return { ok: false, stderr: clientError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well') + '\n' };
  }
  const sources = manifestSources(ctx);
  if (!sources.ok) return { ok: false, stderr: sources.stderr };
  const targets: GetTarget[] = [];
  const errors: string[] = [];
  for (const { path, text } of sources.sources) {
    if (text === undefined) {
      errors.push(clientError(`the path "${path}" does not exist`));
      continue;
    }
    for (const doc of flattenLists(parseManifestText(text))) {
      const v = doc.value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | undefined;
      const info = typeof v?.kind === 'string' && v.kind ? resolveResource(v.kind) : undefined;
      const name = v?.metadata?.name;
      if (!info || typeof name !== 'string' || name === '') continue;
      const namespace = typeof v?.metadata?.namespace === 'string' && v.metadata.namespace !== '' ? v.metadata.namespace : ctx.namespace;
      targets.push({ info, names: [name], namespace });
    }
  }
  // visitorResult: one path that is neither a directory nor stdin implies a single item (a
  // kustomization counts as one path too).
  return { ok: true, targets, errors, singleItemImplied: hasKustomize(ctx) || (files.length === 1 && files[0] !== '-') };
}
