// deployment-controller: keeps one ReplicaSet per pod template, scales the current one to the
// desired replicas and old ones to zero (a simplified rollout), and reports status.
import type { Stored } from '../../api/objects.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { createObject } from '../../cluster/apply.ts';
import { POD_TEMPLATE_HASH, isOwnedBy, ownerRef, templateHash } from './pod-template.ts';

type Deployment = Stored<'Deployment'>;

export const deploymentController: Controller = {
  name: 'deployment-controller',
  source: 'deployment-controller',
  sync(ctx) {
    for (const d of ctx.txn.list('Deployment')) {
      if (!d.metadata.deletionTimestamp) syncDeployment(ctx, d);
    }
  },
};

function syncDeployment(ctx: ControllerContext, d: Deployment): void {
  const ns = d.metadata.namespace!;
  const hash = templateHash(d.spec?.template);
  const name = `${d.metadata.name}-${hash}`;
  const owned = ctx.txn.list('ReplicaSet', ns).filter((rs) => isOwnedBy(rs.metadata, d));
  const replicas = d.spec?.replicas ?? 1;
  let current = owned.find((rs) => rs.metadata.labels?.[POD_TEMPLATE_HASH] === hash);
  // The revision is one past the highest of the deployment's ReplicaSets (MaxRevision + 1), so a
  // rollback to an old template makes that old ReplicaSet the newest revision again.
  const maxRevision = Math.max(0, ...owned.map(revisionOf));
  if (current && revisionOf(current) < maxRevision) current = bumpRevision(ctx, current, maxRevision + 1, d);
  if (!current && d.spec?.paused) return; // a paused deployment rolls out no new template
  if (!current) {
    const labels = { ...d.spec?.template?.metadata?.labels, [POD_TEMPLATE_HASH]: hash };
    const created = createObject(ctx.txn, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: ns,
        labels,
        annotations: {
          ...copiedAnnotations(d),
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
          'deployment.kubernetes.io/revision': String(maxRevision + 1),
        },
        ownerReferences: [ownerRef(d)],
      },
      spec: {
        replicas,
        selector: { ...d.spec!.selector, matchLabels: { ...d.spec!.selector.matchLabels, [POD_TEMPLATE_HASH]: hash } },
        template: { ...d.spec!.template, metadata: { ...d.spec!.template.metadata, labels } },
      },
    });
    if (!created.ok) {
      ctx.event(d, 'Warning', 'ReplicaSetCreateError', `Failed to create new replica set "${name}": ${created.error.message}`);
      ctx.step(`deployment-controller could not create ReplicaSet ${ns}/${name} for deployment ${d.metadata.name}`);
      return;
    }
    current = created.object as Stored<'ReplicaSet'>;
    ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
    ctx.step(`deployment-controller created ReplicaSet ${ns}/${name} for deployment ${d.metadata.name}`);
  } else if ((current.spec?.replicas ?? 1) !== replicas) {
    const from = current.spec?.replicas ?? 1;
    updateResource(ctx.txn, { ...current, spec: { ...current.spec!, replicas } });
    ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${replicas > from ? 'up' : 'down'} replica set ${name} from ${from} to ${replicas}`);
    ctx.step(`deployment-controller scaled ReplicaSet ${ns}/${name} from ${from} to ${replicas}`);
  }
  for (const old of owned) {
    if (old.metadata.name === name || (old.spec?.replicas ?? 0) === 0) continue;
    updateResource(ctx.txn, { ...old, spec: { ...old.spec!, replicas: 0 } });
    ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${old.metadata.name} from ${old.spec?.replicas ?? 1} to 0`);
    ctx.step(`deployment-controller scaled old ReplicaSet ${ns}/${old.metadata.name} to 0`);
  }
  const rs = ctx.txn.get('ReplicaSet', `${ns}/${name}`) ?? current;
  // The deployment carries its newest revision in the same annotation (SetDeploymentRevision).
  const revision = String(revisionOf(rs));
  if (d.metadata.annotations?.[REVISION] !== revision) {
    const live = ctx.txn.get('Deployment', `${ns}/${d.metadata.name}`) ?? d;
    const written = updateResource(ctx.txn, { ...live, metadata: { ...live.metadata, annotations: { ...live.metadata.annotations, [REVISION]: revision } } });
    if (written.ok && written.object) d = written.object;
  }
  const ready = rs.status?.readyReplicas ?? 0;
  // getReplicaFailures: the new ReplicaSet's ReplicaFailure shows on the Deployment too.
  const failure = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const status = {
    observedGeneration: d.metadata.generation,
    replicas: rs.status?.replicas ?? 0,
    updatedReplicas: rs.status?.replicas ?? 0,
    readyReplicas: ready,
    availableReplicas: ready,
    ...(replicas - ready > 0 ? { unavailableReplicas: replicas - ready } : {}),
    conditions: [
      {
        type: 'Available',
        status: ready >= replicas ? 'True' : 'False',
        reason: ready >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        message: ready >= replicas ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
      },
      { type: 'Progressing', status: 'True', reason: ready >= replicas ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', message: `ReplicaSet "${name}" ${ready >= replicas ? 'has successfully progressed.' : 'is progressing.'}` },
      ...(failure ? [{ type: 'ReplicaFailure', status: failure.status, reason: failure.reason, message: failure.message }] : []),
    ],
  };
  const clean = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined)) as typeof status;
  if (JSON.stringify(clean) !== JSON.stringify(d.status ?? {})) {
    updateStatus(ctx.txn, { ...(ctx.txn.get('Deployment', `${ns}/${d.metadata.name}`) ?? d), status: clean });
    ctx.step(`deployment-controller updated deployment ${ns}/${d.metadata.name}: ${ready}/${replicas} ready`);
  }
}

const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
/** Annotations a deployment does not pass on to its ReplicaSets (the deployment util's annotationsToSkip). */
const NOT_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

/** A ReplicaSet's `deployment.kubernetes.io/revision`, 0 when it has none. */
function revisionOf(rs: Stored<'ReplicaSet'>): number {
  const n = Number(rs.metadata.annotations?.[REVISION] ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** The deployment's own annotations that its new ReplicaSet carries too (`kubernetes.io/change-cause` among them). */
function copiedAnnotations(d: Deployment): Record<string, string> {
  return Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
}

/** An old ReplicaSet whose template is current again (a rollback): it takes the next revision and remembers the one it had. */
function bumpRevision(ctx: ControllerContext, rs: Stored<'ReplicaSet'>, revision: number, d: Deployment): Stored<'ReplicaSet'> {
  const old = rs.metadata.annotations?.[REVISION];
  const history = rs.metadata.annotations?.[REVISION_HISTORY];
  const annotations = { ...rs.metadata.annotations, ...copiedAnnotations(d), [REVISION]: String(revision), ...(old ? { [REVISION_HISTORY]: history ? `${history},${old}` : old } : {}) };
  const written = updateResource(ctx.txn, { ...rs, metadata: { ...rs.metadata, annotations } });
  if (!written.ok || !written.object) return rs;
  ctx.step(`deployment-controller made ReplicaSet ${rs.metadata.namespace}/${rs.metadata.name} revision ${revision}`);
  return written.object;
}
