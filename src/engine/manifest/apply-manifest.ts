// The write path's entry points that take manifest text or objects built in code: both go
// through typed decoding (decode.ts, with the schema validator), so they live apart from the
// engine's read helpers, and the page's first screen never loads the validator.
import { writeObject, type WriteResult } from '../cluster/apply.ts';
import type { ClusterState } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import type { AnyStored } from '../api/objects.ts';
import { act, type ActResult } from '../runtime/simulation.ts';
import { applyDocuments, type ApplyOptions, type DocumentResult } from './apply-documents.ts';
import { decodeObject } from './decode.ts';
import { parseManifestText } from './parse.ts';
import { flattenLists } from './list-items.ts';
import { writeSummary } from './write-summary.ts';

/**
 * Applies (or creates) every document of a manifest text, then settles the cluster.
 *
 * @example
 * const { state, result } = applyManifest(createCluster({ preset: 'bare' }), pvYaml, { mode: 'apply' });
 * result[0].outcome; // 'created'
 */
export function applyManifest(state: ClusterState, text: string, opts: ApplyOptions): ActResult<DocumentResult[]> {
  return act(
    state,
    (results) => {
      const done = results.filter((r) => r.outcome && r.outcome !== 'unchanged').map((r) => `${r.ref!.kind.toLowerCase()} ${r.ref!.name} ${r.outcome}`);
      return writeSummary(opts.mode, done);
    },
    (txn) => applyDocuments(txn, flattenLists(parseManifestText(text)), opts),
  );
}

/** Creates an object built in code (kubectl's imperative `create`), through the same decode and checks as a manifest. */
export function createObjectFromManifest(txn: Txn, manifest: AnyStored): WriteResult {
  const decoded = decodeObject(manifest);
  if (!decoded.ok) return { ok: false, error: { reason: 'BadRequest', message: decoded.failure.message } };
  return writeObject(txn, decoded.object, 'create');
}
