// The status line `kubectl rollout status` prints for one look at a Deployment or StatefulSet
// (polymorphichelpers' DeploymentStatusViewer and StatefulSetStatusViewer), and whether it is done.
import type { AnyStored } from '../../../engine/index.ts';

export interface RolloutLook {
  message: string;
  done: boolean;
  error?: string;
}

export function rolloutStatus(obj: AnyStored, revision: number): RolloutLook {
  if (obj.kind === 'StatefulSet') return statefulSetStatus(obj);
  const d = obj as { metadata: { name: string; generation?: number; annotations?: Record<string, string> }; spec?: { replicas?: number }; status?: DeploymentStatus };
  const name = d.metadata.name;
  if (revision > 0) {
    const running = Number(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    if (revision !== running) return { message: '', done: false, error: `desired revision (${revision}) is different from the running revision (${running})` };
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
  const replicas = d.spec?.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const wait = (what: string) => ({ message: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`, done: false });
  if (updated < replicas) return wait(`${updated} out of ${replicas} new replicas have been updated`);
  if ((s.replicas ?? 0) > updated) return wait(`${(s.replicas ?? 0) - updated} old replicas are pending termination`);
  if ((s.availableReplicas ?? 0) < updated) return wait(`${s.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  conditions?: { type: string; reason?: string }[];
}

function statefulSetStatus(obj: AnyStored): RolloutLook {
  const sts = obj as {
    metadata: { generation?: number };
    spec?: { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
    status?: { observedGeneration?: number; readyReplicas?: number; updatedReplicas?: number; currentReplicas?: number; currentRevision?: string; updateRevision?: string };
  };
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const s = sts.status ?? {};
  if (!s.observedGeneration || (sts.metadata.generation ?? 0) > s.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas ?? 1;
  if ((s.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (s.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (partition !== undefined && (s.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...\n`, done: true };
}
