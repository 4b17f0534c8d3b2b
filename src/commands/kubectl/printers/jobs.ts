// Jobs: the table (printers.go printJob: STATUS from the conditions, COMPLETIONS, DURATION) and
// the describer (describe.go describeJob).
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Event } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../../lib/duration.ts';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, formatLabelSelector, parseTime, rfc1123z, selectorString, since } from './format.ts';
import { controllerOf, describePodTemplate } from './pods.ts';
import { containerCells } from './statefulsets.ts';

const hasCondition = (conditions: readonly JobCondition[] | undefined, type: string) =>
  (conditions ?? []).some((c) => c.type === type && c.status === 'True');

export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Start to completion, or start to now while it runs; empty before it starts. */
function jobDuration(job: Job, now: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const JOB_COLUMNS: Column<Job>[] = [
  { header: 'NAME', cell: (j) => j.metadata?.name ?? '' },
  { header: 'STATUS', cell: (j) => jobStatus(j) },
  { header: 'COMPLETIONS', cell: (j) => completions(j) },
  { header: 'DURATION', cell: (j, { now }) => jobDuration(j, now) },
  { header: 'AGE', cell: (j, { now }) => since(j.metadata?.creationTimestamp, now) },
  { header: 'CONTAINERS', wide: true, cell: (j) => containerCells(j.spec?.template)[0] },
  { header: 'IMAGES', wide: true, cell: (j) => containerCells(j.spec?.template)[1] },
  { header: 'SELECTOR', wide: true, cell: (j) => formatLabelSelector(j.spec?.selector) },
];

export function describeJob(job: Job, now: number, events: readonly Event[] | undefined): string {
  const w = new DescribeWriter();
  const meta = job.metadata ?? {};
  const spec = job.spec;
  const status = job.status ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (spec?.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec?.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) w.write(0, `Duration:\t${jobDuration(job, now)}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status.active ?? 0} Active${status.ready === undefined ? '' : ` (${status.ready} Ready)`} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(0, `Pods Statuses:\t${counts}\n`);
  describePodTemplate(spec?.template, w, now);
  describeEvents(w, eventsAbout({ kind: 'Job', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events), now);
  return w.toString();
}
