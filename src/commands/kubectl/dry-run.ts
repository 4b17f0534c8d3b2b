// `--dry-run[=client|server|none]`, as cmdutil.GetDryRunStrategy reads it, and the server's dry
// run: the request goes through the whole write path (defaulting, admission, validation) in a
// transaction that is then thrown away, so nothing is stored and no controller sees it.
import type { ClusterState } from '../../engine/index.ts';
import { beginTxn, type Txn } from '../../engine/cluster/store.ts';
import { parseGoBool } from './flag-values.ts';
import { flag, type ParsedFlags } from './flags.ts';

export type DryRun = 'none' | 'client' | 'server';

/**
 * The strategy, or kubectl's error for a value it does not know. A bare `--dry-run` (value
 * `unchanged`) and `--dry-run=true` mean client; `false` means none. (kubectl also logs a
 * deprecation warning through klog for those: a timestamped line we do not reproduce.)
 */
export function dryRunOf(flags: ParsedFlags): { ok: true; value: DryRun } | { ok: false; error: string } {
  const v = flag(flags, 'dry-run');
  if (v === undefined) return { ok: true, value: 'none' };
  const b = parseGoBool(v);
  if (b !== undefined) return { ok: true, value: b ? 'client' : 'none' };
  if (v === 'unchanged' || v === 'client') return { ok: true, value: 'client' };
  if (v === 'server' || v === 'none') return { ok: true, value: v };
  return { ok: false, error: `Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

/** What kubectl appends to the operation it prints (PrintFlagsWithDryRunStrategy). */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/**
 * Runs a write as the API server runs a `dryRun=All` request: every check, nothing kept. The
 * state passed in is never touched (the transaction copies what it writes).
 */
export function serverDryRun<T>(state: ClusterState, write: (txn: Txn) => T): T {
  return write(beginTxn(state));
}

/** `act` for a dry run: the same call shape, the write thrown away, no steps on the timeline. */
export function discardedAct<T>(state: ClusterState, _summary: unknown, action: (txn: Txn) => T): { state: ClusterState; steps: never[]; result: T } {
  return { state, steps: [], result: serverDryRun(state, action) };
}
