// Cards for the controllers that own pods and claims on the canvas: a StatefulSet (ready
// replicas, its claim templates) and a Job (its kubectl STATUS and COMPLETIONS).
import { type Stored, refOf } from '../../engine/index.ts';
import type { ObjectCardData } from './cards.ts';
import { jobStatus } from '../../commands/kubectl/printers/jobs.ts';

const labelOf = (obj: { metadata: { name: string; namespace?: string } }) =>
  obj.metadata.namespace && obj.metadata.namespace !== 'default' ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;

export function cardOfStatefulSet(set: Stored<'StatefulSet'>): ObjectCardData {
  const want = set.spec?.replicas ?? 1;
  const ready = set.status?.readyReplicas ?? 0;
  const templates = (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? '');
  return {
    kind: 'StatefulSet',
    ref: refOf(set),
    label: labelOf(set),
    status: `${ready}/${want} ready`,
    tone: ready >= want ? 'green' : 'amber',
    detail: set.spec?.podManagementPolicy === 'Parallel' ? 'Parallel' : 'OrderedReady',
    ...(templates.length > 0 ? { note: `claims: ${templates.join(', ')}` } : {}),
  };
}

export function cardOfJob(job: Stored<'Job'>): ObjectCardData {
  const status = jobStatus(job);
  const done = job.status?.succeeded ?? 0;
  return {
    kind: 'Job',
    ref: refOf(job),
    label: labelOf(job),
    status,
    tone: status === 'Complete' ? 'green' : status === 'Failed' ? 'red' : 'amber',
    detail: `${done}/${job.spec?.completions ?? 1} completions`,
    ...(job.status?.failed ? { note: `${job.status.failed} failed` } : {}),
  };
}
