// replicaset-controller: creates or deletes pods until the owned, live pods match spec.replicas.
import type { Stored } from '../../api/objects.ts';
import { createObject } from '../../cluster/apply.ts';
import { randomSuffix } from '../../runtime/ids.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { isOwnedBy, ownerRef } from './pod-template.ts';
import { MAX_PODS, podLimitMessage } from './pod-limit.ts';
import { rfc3339 } from '../../runtime/clock.ts';

export const replicaSetController: Controller = {
  name: 'replicaset-controller',
  source: 'replicaset-controller',
  sync(ctx) {
    // Counted once; each sync below takes what it creates from it.
    const room = { pods: MAX_PODS - ctx.txn.count('Pod') };
    for (const rs of ctx.txn.list('ReplicaSet')) {
      if (!rs.metadata.deletionTimestamp) syncReplicaSet(ctx, rs, room);
    }
  },
};

function syncReplicaSet(ctx: ControllerContext, rs: Stored<'ReplicaSet'>, room: { pods: number }): void {
  const ns = rs.metadata.namespace!;
  const pods = ctx.txn.list('Pod', ns).filter((p) => isOwnedBy(p.metadata, rs) && !p.metadata.deletionTimestamp);
  const want = rs.spec?.replicas ?? 1;
  let failure: string | undefined;
  for (let i = pods.length; i < want; i++) {
    if (room.pods <= 0) {
      failure = podLimitMessage(`${rs.metadata.name}-`);
      ctx.event(rs, 'Warning', 'FailedCreate', `Error creating: ${failure}`);
      ctx.step(`replicaset-controller could not create a pod for ${ns}/${rs.metadata.name}: the playground simulates at most ${MAX_PODS} pods`);
      break;
    }
    const name = `${rs.metadata.name}-${randomSuffix(ctx.txn.state, 5)}`;
    const template = rs.spec!.template!;
    // Through the API server's create path, so admission (ServiceAccount) applies as to any pod.
    const created = createObject(ctx.txn, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...template.metadata, name, namespace: ns, generateName: `${rs.metadata.name}-`, ownerReferences: [ownerRef(rs)] },
      spec: template.spec!,
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
    if (!created.ok) {
      // The server names the pod by its generateName: it fails before a name is generated.
      const message = created.error.message.replace(`pods "${name}"`, `pods "${rs.metadata.name}-"`);
      failure = message;
      ctx.event(rs, 'Warning', 'FailedCreate', `Error creating: ${message}`);
      ctx.step(`replicaset-controller could not create a pod for ${ns}/${rs.metadata.name}`);
      break;
    }
    room.pods--;
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
  const latest = ctx.txn.get('ReplicaSet', `${ns}/${rs.metadata.name}`) ?? rs;
  const status = { replicas: live.length, fullyLabeledReplicas: live.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation, conditions: replicaFailure(latest, failure, ctx.now) };
  const clean = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined));
  if (JSON.stringify(clean) !== JSON.stringify(latest.status ?? {})) {
    updateStatus(ctx.txn, { ...latest, status: clean as { replicas: number } });
    ctx.step(`replicaset-controller updated replicaset ${ns}/${rs.metadata.name}: ${ready}/${want} ready`);
  }
}

type ReplicaSetCondition = NonNullable<NonNullable<Stored<'ReplicaSet'>['status']>['conditions']>[number];

/** calculateStatus: a failed create sets ReplicaFailure (kept while it lasts), a sync without one clears it. */
function replicaFailure(rs: Stored<'ReplicaSet'>, failure: string | undefined, now: number): ReplicaSetCondition[] | undefined {
  const others = (rs.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  const existing = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const kept = failure === undefined ? [] : [existing ?? { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure, lastTransitionTime: rfc3339(now) }];
  const all = [...others, ...kept];
  return all.length > 0 ? all : undefined;
}
