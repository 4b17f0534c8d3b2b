// `kubectl get -f FILE…` and `kubectl get -k DIR`: the objects the manifests name (kind, name, and
// their namespace or the current one), each then fetched from the server as `get TYPE NAME` does.
// The files are read by the resource builder (resource-builder.ts); get fetches each object as the
// builder visits it (Latest), so its errors and the fetches' NotFound come out in file order.
import type { KindInfo } from '../../../engine/index.ts';
import { UNSERVED_PATH, aggregateMessage, visitFiles } from '../resource-builder.ts';
import type { KubectlContext } from '../context.ts';

/** `errorsBefore`: the builder's errors for the documents before this one, printed in their place. */
export type GetTarget = { info: KindInfo; names: string[]; namespace?: string; errorsBefore?: string[] };

/** `errors`: the builder's errors after the last object. */
export type FilesToGet =
  | { ok: true; targets: GetTarget[]; errors: string[]; singleItemImplied: boolean }
  | { ok: false; stderr: string };

/** Undefined when the command names resources by argument. */
export function filesToGet(ctx: KubectlContext): FilesToGet | undefined {
  const built = visitFiles(ctx);
  if (!built) return undefined;
  if (!built.ok) return built;
  const targets: GetTarget[] = [];
  let pending: string[] = [];
  for (const v of built.visited) {
    // get prints the errors as one aggregate of them all, each on its line without `error: `.
    if ('error' in v) {
      pending.push(aggregateMessage(v.error));
      continue;
    }
    const o = v.object;
    if (o.namespaceError) pending.push(o.namespaceError);
    // No apiVersion: the fetch goes to a path the server does not serve.
    else if (o.unversioned) pending.push(UNSERVED_PATH);
    // Nothing to fetch without a name (kubectl prints the file's object as it is; not modelled).
    else if (o.name === '') continue;
    else {
      targets.push({ info: o.info, names: [o.name], namespace: o.namespace, ...(pending.length > 0 ? { errorsBefore: pending } : {}) });
      pending = [];
    }
  }
  return { ok: true, targets, errors: pending, singleItemImplied: built.singleItemImplied };
}
