// A Job's generated selector (pkg/registry/batch/job/strategy.go generateSelector): unless
// `manualSelector` is set, the server labels the pod template with the Job's uid and name and
// selects on the uid, so a Job only ever counts its own pods. The uid is drawn here, before
// storage, because the selector is part of the object the store keeps.
import type { Stored } from '../api/objects.ts';
import type { Admitted } from '../cluster/admission.ts';
import type { Txn } from '../cluster/store.ts';
import { JOB_CONTROLLER_UID } from '../manifest/validation/job.ts';
import { newUid } from '../runtime/ids.ts';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

export function admitJob(txn: Txn, job: Stored<'Job'>): Admitted<'Job'> {
  if (job.spec?.manualSelector === true) return { ok: true, object: job };
  const uid = newUid(txn.state);
  const name = job.metadata.name;
  const labels = {
    ...job.spec?.template?.metadata?.labels,
    [JOB_CONTROLLER_UID]: uid,
    [JOB_NAME_LABEL]: name,
    // The legacy keys, still written in v1.34.
    'controller-uid': uid,
    'job-name': name,
  };
  const metaLabels = Object.keys(job.metadata.labels ?? {}).length > 0 ? job.metadata.labels : labels;
  return {
    ok: true,
    object: {
      ...job,
      metadata: { ...job.metadata, uid, labels: metaLabels },
      spec: {
        ...job.spec!,
        selector: { matchLabels: { [JOB_CONTROLLER_UID]: uid } },
        template: { ...job.spec!.template, metadata: { ...job.spec!.template.metadata, labels } },
      },
    },
  };
}
