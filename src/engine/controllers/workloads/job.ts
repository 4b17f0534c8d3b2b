// job-controller (pkg/controller/job): runs pods until `completions` of them succeed, at most
// `parallelism` at a time. A failed pod (restartPolicy Never) is replaced after a back-off of
// 10 s doubling per failure since the last success, to at most 10 min (DefaultJobPodFailureBackOff
// and MaxJobPodFailureBackOff in job_controller.go; the docs' "six minutes" is older); more than
// `backoffLimit` failures (or, with OnFailure, that many container restarts) fail the Job. A
// finished Job keeps its pods, and says how it ended in its conditions: SuccessCriteriaMet then
// Complete, or FailureTarget then Failed, as v1.34 does.
import type { JobCondition } from 'kubernetes-types/batch/v1';
import type { Stored } from '../../api/objects.ts';
import { createObject } from '../../cluster/apply.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import { objectKey } from '../../cluster/keys.ts';
import { parseTimestamp, rfc3339 } from '../../runtime/clock.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { randomSuffix } from '../../runtime/ids.ts';
import { MAX_PODS, podLimitMessage } from './pod-limit.ts';
import { isOwnedBy } from './pod-template.ts';

type Job = Stored<'Job'>;
type Pod = Stored<'Pod'>;

const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 600_000;
export const BACKOFF_LIMIT_MESSAGE = 'Job has reached the specified backoff limit';
const COMPLETIONS_MESSAGE = 'Reached expected number of succeeded pods';
export const DEADLINE_MESSAGE = 'Job was active longer than specified deadline';

/** activeDeadlineSeconds counts from the start time (reset when a suspended Job resumes). */
function deadlineOf(job: Job): number | undefined {
  const start = parseTimestamp(job.status?.startTime);
  const seconds = job.spec?.activeDeadlineSeconds;
  return start === undefined || seconds === undefined || job.spec?.suspend === true ? undefined : start + seconds * 1000;
}

export const jobController: Controller = {
  name: 'job-controller',
  source: 'job-controller',
  sync(ctx) {
    for (const job of ctx.txn.list('Job')) {
      if (!job.metadata.deletionTimestamp && !isFinished(job)) syncJob(ctx, job);
    }
  },
  wakeTimes(view) {
    return view
      .list('Job')
      .filter((j) => !isFinished(j))
      .flatMap((j) => [nextCreateAt(j, view.list('Pod', j.metadata.namespace).filter((p) => isOwnedBy(p.metadata, j))), deadlineOf(j)]);
  },
};

export function isFinished(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

const ended = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** When the last failure's back-off ends (backoff_utils.go: 10 s doubling per failure after the last success, at most 10 min). */
function nextCreateAt(job: Job, pods: readonly Pod[]): number | undefined {
  const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finishedAt));
  // The controller counts the failures it sees after the success it saw last: a pod made after that
  // success counts even when it failed in the same second (the simulated clock has no time between).
  const failed = pods.filter((p) => p.status?.phase === 'Failed' && (finishedAt(p) > lastSuccess || (parseTimestamp(p.metadata.creationTimestamp) ?? 0) >= lastSuccess));
  if (failed.length === 0) return undefined;
  const lastFailure = Math.max(...failed.map(finishedAt));
  return lastFailure + Math.min(BACKOFF_START_MS * 2 ** (failed.length - 1), BACKOFF_MAX_MS);
}

/** Stored pods are never edited, so each one's finish time is worked out once: a Job's pods are all looked at on every sync and wake. */
const finishTimes = new WeakMap<Pod, number>();

function finishedAt(p: Pod): number {
  let at = finishTimes.get(p);
  if (at === undefined) {
    const times = (p.status?.containerStatuses ?? []).map((s) => parseTimestamp(s.state?.terminated?.finishedAt) ?? 0);
    finishTimes.set(p, (at = Math.max(0, ...times)));
  }
  return at;
}

function syncJob(ctx: ControllerContext, job: Job): void {
  const ns = job.metadata.namespace!;
  const name = job.metadata.name;
  const spec = job.spec!;
  const pods = ctx.txn.list('Pod', ns).filter((p) => isOwnedBy(p.metadata, job));
  const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
  const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
  let active = pods.filter((p) => !ended(p) && !p.metadata.deletionTimestamp);
  const now = rfc3339(ctx.now);
  const backoffLimit = spec.backoffLimit ?? 6;
  const restarts = active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + (s.restartCount ?? 0), 0), 0);
  const pastLimitOnFailure = spec.template.spec?.restartPolicy === 'OnFailure' && (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit);
  const completions = spec.completions;
  const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
  let conditions: JobCondition[] = [...(job.status?.conditions ?? [])];
  let completionTime: string | undefined;
  let resumed = false;

  const deadline = deadlineOf(job);
  const failure = complete
    ? undefined
    : failed > backoffLimit || pastLimitOnFailure
      ? { reason: 'BackoffLimitExceeded', message: BACKOFF_LIMIT_MESSAGE }
      : deadline !== undefined && ctx.now >= deadline
        ? { reason: 'DeadlineExceeded', message: DEADLINE_MESSAGE }
        : undefined;
  if (failure) {
    // The Job is done for: its running pods are stopped, and it is marked failed.
    for (const p of active) deletePod(ctx, job, p);
    active = [];
    conditions = [...conditions, condition('FailureTarget', failure.reason, failure.message, now), condition('Failed', failure.reason, failure.message, now)];
    ctx.event(job, 'Warning', failure.reason, failure.message);
  } else if (complete) {
    for (const p of active) deletePod(ctx, job, p);
    active = [];
    conditions = [...conditions, condition('SuccessCriteriaMet', 'CompletionsReached', COMPLETIONS_MESSAGE, now), condition('Complete', 'CompletionsReached', COMPLETIONS_MESSAGE, now)];
    completionTime = now;
    ctx.event(job, 'Normal', 'Completed', 'Job completed');
  } else if (spec.suspend === true) {
    // Suspended: no pod runs; the condition says since when (and a resume clears the start time).
    for (const p of active) deletePod(ctx, job, p);
    active = [];
    if (!conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) {
      conditions = [...conditions.filter((c) => c.type !== 'Suspended'), condition('Suspended', 'JobSuspended', 'Job suspended', now)];
      ctx.event(job, 'Normal', 'Suspended', 'Job suspended');
    }
  } else {
    if (conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) {
      conditions = conditions.map((c) => (c.type === 'Suspended' ? { ...condition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' } : c));
      resumed = true;
      ctx.event(job, 'Normal', 'Resumed', 'Job resumed');
    }
    const parallelism = spec.parallelism ?? 1;
    const remaining = completions !== undefined ? completions - succeeded : parallelism;
    const wanted = Math.max(0, Math.min(parallelism, remaining));
    const createAt = nextCreateAt(job, pods);
    if (active.length < wanted && (createAt === undefined || ctx.now >= createAt)) {
      for (let i = active.length; i < wanted; i++) {
        const pod = createPod(ctx, job);
        if (!pod) break;
        active = [...active, pod];
      }
    }
  }

  const latest = ctx.txn.get('Job', objectKey('Job', ns, name)) ?? job;
  const status = {
    ...(conditions.length > 0 ? { conditions } : {}),
    startTime: spec.suspend === true ? latest.status?.startTime : resumed ? now : (latest.status?.startTime ?? now),
    ...(completionTime ? { completionTime } : latest.status?.completionTime ? { completionTime: latest.status.completionTime } : {}),
    ...(active.length > 0 ? { active: active.length } : {}),
    ...(succeeded > 0 ? { succeeded } : {}),
    ...(failed > 0 ? { failed } : {}),
    ready: active.filter(isReady).length,
    terminating: 0,
    uncountedTerminatedPods: {},
  };
  const clean = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== undefined));
  if (JSON.stringify(clean) !== JSON.stringify(latest.status ?? {})) {
    updateStatus(ctx.txn, { ...latest, status: clean } as Job);
    ctx.step(`job-controller updated job ${ns}/${name}: ${succeeded} succeeded, ${failed} failed, ${active.length} active`);
  }
}

function condition(type: string, reason: string, message: string, now: string): JobCondition {
  return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message };
}

function createPod(ctx: ControllerContext, job: Job): Pod | undefined {
  const ns = job.metadata.namespace!;
  const prefix = `${job.metadata.name}-`;
  if (ctx.txn.count('Pod') >= MAX_PODS) {
    ctx.event(job, 'Warning', 'FailedCreate', `Error creating: ${podLimitMessage(prefix)}`);
    ctx.step(`job-controller could not create a pod for ${ns}/${job.metadata.name}: the playground simulates at most ${MAX_PODS} pods`);
    return undefined;
  }
  const name = `${prefix}${randomSuffix(ctx.txn.state, 5)}`;
  const template = job.spec!.template;
  const created = createObject(ctx.txn, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...template.metadata,
      name,
      namespace: ns,
      generateName: prefix,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: template.spec!,
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  } as Pod);
  if (!created.ok) {
    const message = created.error.message.replace(`pods "${name}"`, `pods "${prefix}"`);
    ctx.event(job, 'Warning', 'FailedCreate', `Error creating: ${message}`);
    ctx.step(`job-controller could not create a pod for ${ns}/${job.metadata.name}`);
    return undefined;
  }
  ctx.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
  ctx.step(`job-controller created pod ${ns}/${name}`);
  return created.object as Pod;
}

function deletePod(ctx: ControllerContext, job: Job, pod: Pod): void {
  ctx.txn.delete('Pod', objectKey('Pod', job.metadata.namespace, pod.metadata.name));
  ctx.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  ctx.step(`job-controller deleted pod ${job.metadata.namespace}/${pod.metadata.name}`);
}
