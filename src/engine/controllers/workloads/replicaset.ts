// replicaset-controller: creates or deletes pods until the owned, live pods match spec.replicas.
import type { Stored } from '../../api/objects.ts';
import { randomSuffix } from '../../runtime/ids.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { isOwnedBy, ownerRef } from './pod-template.ts';

export const replicaSetController: Controller = {
  name: 'replicaset-controller',
  source: 'replicaset-controller',
  sync(ctx) {
    for (const rs of ctx.txn.list('ReplicaSet')) {
      if (!rs.metadata.deletionTimestamp) syncReplicaSet(ctx, rs);
    }
  },
};

function syncReplicaSet(ctx: ControllerContext, rs: Stored<'ReplicaSet'>): void {
  const ns = rs.metadata.namespace!;
  const pods = ctx.txn.list('Pod', ns).filter((p) => isOwnedBy(p.metadata, rs) && !p.metadata.deletionTimestamp);
  const want = rs.spec?.replicas ?? 1;
  for (let i = pods.length; i < want; i++) {
    const name = `${rs.metadata.name}-${randomSuffix(ctx.txn.state, 5)}`;
    const template = rs.spec!.template!;
    ctx.txn.create<'Pod'>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...template.metadata, name, namespace: ns, generateName: `${rs.metadata.name}-`, ownerReferences: [ownerRef(rs)] },
      spec: template.spec!,
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
    ctx.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
    ctx.step(`replicaset-controller created pod ${ns}/${name}`);
  }
  if (pods.length > want) {
    // Newest first, like the real controller's preference for deleting the least established pods.
    const extra = [...pods].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || b.metadata.name.localeCompare(a.metadata.name)).slice(0, pods.length - want);
    for (const p of extra) {
      ctx.txn.delete('Pod', `${ns}/${p.metadata.name}`);
      ctx.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      ctx.step(`replicaset-controller deleted pod ${ns}/${p.metadata.name}`);
    }
  }
  const live = ctx.txn.list('Pod', ns).filter((p) => isOwnedBy(p.metadata, rs) && !p.metadata.deletionTimestamp);
  const ready = live.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  const status = { replicas: live.length, fullyLabeledReplicas: live.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation };
  const clean = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined));
  const latest = ctx.txn.get('ReplicaSet', `${ns}/${rs.metadata.name}`) ?? rs;
  if (JSON.stringify(clean) !== JSON.stringify(latest.status ?? {})) {
    ctx.txn.update({ ...latest, status: clean as { replicas: number } });
    ctx.step(`replicaset-controller updated replicaset ${ns}/${rs.metadata.name}: ${ready}/${want} ready`);
  }
}
