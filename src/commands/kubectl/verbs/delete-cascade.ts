// `kubectl delete --cascade`: kubectl's parseCascadingFlag (pkg/cmd/delete/delete_flags.go) reads
// the flag into the DELETE's propagationPolicy, and the API server acts on it before the delete
// (the engine's propagation.ts, shared with `kubesim serve`).
import type { Kind, Txn } from '../../../engine/index.ts';
import { markForeground, orphanDependents } from '../../../engine/controllers/garbage-collector/propagation.ts';
import { objectKey } from '../../../engine/index.ts';

export type Cascade = 'background' | 'foreground' | 'orphan';

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** The strategy, with kubectl's deprecation warning for a boolean value, or its error. */
export function parseCascade(text: string | undefined): { ok: true; cascade: Cascade; warning: string } | { ok: false; error: string } {
  if (text === undefined || text === 'background' || text === 'foreground' || text === 'orphan') return { ok: true, cascade: (text ?? 'background') as Cascade, warning: '' };
  const bool = TRUE.includes(text) ? 'background' : FALSE.includes(text) ? 'orphan' : undefined;
  if (!bool) return { ok: false, error: `invalid cascade value (${text}). Must be "background", "foreground", or "orphan"` };
  return { ok: true, cascade: bool, warning: `warning: --cascade=${text} is deprecated (boolean value) and can be replaced with --cascade=${bool}.\n` };
}

/** What the API server does for the policy before it deletes the object. */
export function beforeDelete(txn: Txn, cascade: Cascade, kind: Kind, namespace: string, name: string): void {
  if (cascade === 'foreground') markForeground(txn, kind, objectKey(kind, namespace, name));
  if (cascade === 'orphan') orphanDependents(txn, kind, namespace === '' ? undefined : namespace, name);
}
