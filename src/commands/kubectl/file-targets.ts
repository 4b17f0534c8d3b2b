// `-f FILE` as the resource builder reads it for verbs that act on existing objects (wait,
// rollout, patch): each document's kind, namespace and name, the object itself coming from the server.
import type { KindInfo } from '../../engine/index.ts';
import type { KubectlContext } from './context.ts';
import { builderErrors, checkErr, visitFiles, visitedObjects } from './resource-builder.ts';

export type FileRef = { info: KindInfo; namespace: string; name: string };

/**
 * `undecodable`: what the verb does with documents the builder cannot decode or map. wait and
 * patch decode as the builder does (unstructured) and stop with its errors (`error: unable to
 * decode "x.yaml": …`); rollout decodes with the typed scheme, whose messages differ and are not
 * modelled, so it passes over them.
 */
export function namedInFiles(ctx: KubectlContext, undecodable: 'refuse' | 'skip' = 'refuse'): { refs: FileRef[] } | { fatal: string } {
  const built = visitFiles(ctx, []);
  if (!built) return { refs: [] };
  if (!built.ok) return { fatal: built.stderr.replace(/\n$/, '') };
  const errors = builderErrors(built.visited);
  if (undecodable === 'refuse' && errors.length > 0) return { fatal: checkErr(errors).replace(/\n$/, '') };
  // An object without a name names nothing the server can find.
  const refs = visitedObjects(built.visited).filter((o) => o.name !== '' && !o.unversioned);
  return { refs: refs.map((o) => ({ info: o.info, namespace: o.namespace || ctx.namespace, name: o.name })) };
}
