// The binder's recorded decision per claim it did not bind (state.binding): what it waits for, and
// every volume with the first binding condition it fails. Explanations read this record instead of
// asking the binding rule again, and it travels with the state, so it is right after time travel.
//
// The volume verdicts are n claims × m volumes: they are worked out again only when the claim or
// some volume changed since the last pass (every write takes a resourceVersion newer than all
// others, so the volumes' count and newest resourceVersion change whenever any volume does).
import type { Stored } from '../../api/objects.ts';
import { checkBinding } from '../../api/volume-binding.ts';
import type { BindingDecision, BindingRecord } from '../../cluster/state.ts';
import type { Txn } from '../../cluster/store.ts';

type PV = Stored<'PersistentVolume'>;
type PVC = Stored<'PersistentVolumeClaim'>;

/** The volume list's fingerprint, per list: the store hands out the same sorted list until a volume is written. */
const fingerprints = new WeakMap<readonly PV[], { count: number; version: number }>();

export function recordDecision(txn: Txn, claim: PVC, decision: BindingDecision): void {
  const table = records(txn);
  const key = claimKey(claim);
  const volumes = txn.list('PersistentVolume');
  const { count, version } = fingerprint(volumes);
  const claimVersion = claim.metadata.resourceVersion ?? '';
  const old = table[key];
  const current = old !== undefined && old.claimVersion === claimVersion && old.volumeCount === count && old.volumeVersion === version;
  if (current && old.decision === decision) return;
  const verdicts = current
    ? old.volumes
    : volumes.map((pv) => {
        const verdict = checkBinding(pv, claim);
        return { name: pv.metadata.name, failed: verdict.ok ? null : verdict.reason };
      });
  table[key] = { decision, volumes: verdicts, claimVersion, volumeCount: count, volumeVersion: version };
}

/** The claim was bound, or is going away: there is nothing left to explain about binding it. */
export function forgetDecision(txn: Txn, claim: PVC): void {
  const table = records(txn);
  const key = claimKey(claim);
  if (table[key]) delete table[key];
}

/** Drops the records of claims that no longer exist. */
export function forgetGoneClaims(txn: Txn): void {
  const table = records(txn);
  for (const key of Object.keys(table)) if (!txn.get('PersistentVolumeClaim', key)) delete table[key];
}

function records(txn: Txn): Record<string, BindingRecord> {
  // Every transaction starts its own copy of the table (store.ts), so writing keys here never touches a snapshot.
  return (txn.state.binding ??= {});
}

function fingerprint(volumes: readonly PV[]): { count: number; version: number } {
  let f = fingerprints.get(volumes);
  if (!f) {
    let version = 0;
    for (const pv of volumes) version = Math.max(version, Number(pv.metadata.resourceVersion ?? 0));
    f = { count: volumes.length, version };
    fingerprints.set(volumes, f);
  }
  return f;
}

function claimKey(claim: PVC): string {
  return `${claim.metadata.namespace}/${claim.metadata.name}`;
}
