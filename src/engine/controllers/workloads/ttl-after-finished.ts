// ttl-after-finished-controller: a finished Job with `ttlSecondsAfterFinished` is deleted that
// many seconds after it finished (completionTime, or the Failed condition's time); its pods go
// with it through the garbage collector.
import type { Stored } from '../../api/objects.ts';
import { objectKey } from '../../cluster/keys.ts';
import { parseTimestamp } from '../../runtime/clock.ts';
import type { Controller } from '../../runtime/controller.ts';

type Job = Stored<'Job'>;

/** When the Job may be deleted, or undefined while it runs or has no TTL. */
function expiresAt(job: Job): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || job.metadata.deletionTimestamp) return undefined;
  const finished = (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const at = parseTimestamp(finished?.lastTransitionTime);
  return at === undefined ? undefined : at + ttl * 1000;
}

export const ttlAfterFinishedController: Controller = {
  name: 'ttl-after-finished-controller',
  source: 'ttl-after-finished-controller',
  sync(ctx) {
    for (const job of ctx.txn.list('Job')) {
      const at = expiresAt(job);
      if (at === undefined || ctx.now < at) continue;
      ctx.txn.delete('Job', objectKey('Job', job.metadata.namespace, job.metadata.name));
      ctx.step(`ttl-after-finished-controller deleted job ${job.metadata.namespace}/${job.metadata.name}: ${job.spec?.ttlSecondsAfterFinished}s after it finished`);
    }
  },
  wakeTimes: (view) => view.list('Job').map(expiresAt),
};
