// Turning what a learner types (`pv`, `pvc,pv`, `pod/web`, `storageclass.storage.k8s.io`) into kinds.
import { resolveResource, type KindInfo } from '../../engine/index.ts';

export type ResourceArgs =
  | { ok: true; targets: { info: KindInfo; names: string[] }[] }
  | { ok: false; error: string };

/**
 * `kubectl get pv,pvc`, `kubectl get pvc data other`, `kubectl delete pod/a pvc/b`.
 * Errors read like kubectl's: `the server doesn't have a resource type "foo"`.
 */
export function parseResourceArgs(args: readonly string[]): ResourceArgs {
  if (args.length === 0) return { ok: true, targets: [] };
  if (args.some((a) => a.includes('/'))) {
    const targets: { info: KindInfo; names: string[] }[] = [];
    for (const a of args) {
      const [type, name] = a.split('/', 2) as [string, string | undefined];
      if (!name) return { ok: false, error: `arguments in resource/name form must have a single resource and name` };
      const info = resolveResource(type);
      if (!info) return { ok: false, error: `the server doesn't have a resource type "${type}"` };
      const existing = targets.find((t) => t.info.kind === info.kind);
      if (existing) existing.names.push(name);
      else targets.push({ info, names: [name] });
    }
    return { ok: true, targets };
  }
  const [types, ...names] = args as [string, ...string[]];
  const targets: { info: KindInfo; names: string[] }[] = [];
  for (const t of types.split(',').filter(Boolean)) {
    const info = resolveResource(t);
    if (!info) return { ok: false, error: `the server doesn't have a resource type "${t}"` };
    targets.push({ info, names });
  }
  if (targets.length > 1 && names.length > 0) {
    // kubectl looks each name up in each type; we keep that behaviour.
  }
  return { ok: true, targets };
}
