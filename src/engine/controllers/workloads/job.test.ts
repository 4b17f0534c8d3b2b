// Job: pods run to completion, `parallelism` at a time, until `completions` succeed; failures are
// retried after a back-off until backoffLimit is passed; the server generates the selector.
import { describe, expect, it } from 'vitest';
import { advanceClock, viewOf } from '../../index.ts';
import { TestCluster } from '../../testing/harness.ts';

const job = (name: string, command: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', command] }] } }, ...spec },
});

function sleep(tc: TestCluster, seconds: number): void {
  tc.state = advanceClock(tc.state, seconds).state;
}

const podsOf = (tc: TestCluster, name: string) => viewOf(tc.state).list('Pod').filter((p) => p.metadata.labels?.['job-name'] === name);

describe('job-controller', () => {
  it('runs parallelism pods at a time until completions succeed, then is Complete and keeps its pods', () => {
    const tc = TestCluster.of('kind');
    expect(tc.apply(job('pi', 'echo 3.14 && sleep 5', { completions: 3, parallelism: 2 }))[0]!.outcome).toBe('created');
    expect(podsOf(tc, 'pi').filter((p) => p.status?.phase === 'Running')).toHaveLength(2);
    expect(tc.get('Job', 'default/pi')!.status).toMatchObject({ active: 2, ready: 2, terminating: 0, startTime: '2026-01-01T00:00:00Z', uncountedTerminatedPods: {} });
    sleep(tc, 5);
    expect(tc.get('Job', 'default/pi')!.status).toMatchObject({ active: 1, succeeded: 2 });
    sleep(tc, 5);
    const done = tc.get('Job', 'default/pi')!;
    expect(done.status).toMatchObject({ succeeded: 3, completionTime: '2026-01-01T00:00:10Z' });
    expect(done.status?.active).toBeUndefined();
    expect(done.status?.conditions?.map((c) => `${c.type} ${c.status} ${c.reason} ${c.message}`)).toEqual([
      'SuccessCriteriaMet True CompletionsReached Reached expected number of succeeded pods',
      'Complete True CompletionsReached Reached expected number of succeeded pods',
    ]);
    expect(podsOf(tc, 'pi').map((p) => p.status?.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    const events = tc.events('Job', 'pi');
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: pi-'))).toHaveLength(3);
    expect(events.at(-1)).toBe('Normal Completed Job completed');
  });

  it('the server generates the selector from the uid and labels the template; a hand-written selector is refused', () => {
    const tc = TestCluster.of('kind');
    tc.apply(job('gen', 'true'));
    const j = tc.get('Job', 'default/gen')!;
    const uid = j.metadata.uid!;
    expect(j.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(j.spec?.template.metadata?.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'gen', 'controller-uid': uid, 'job-name': 'gen' });
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(podsOf(tc, 'gen')[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'gen', uid, controller: true, blockOwnerDeletion: true }]);
    // Applying the same manifest again changes nothing (the generated fields survive the merge).
    expect(tc.apply(job('gen', 'true'))[0]!.outcome).toBe('unchanged');
    const manual = tc.apply(job('manual', 'true', { selector: { matchLabels: { a: 'b' } } }));
    expect(manual[0]!.error?.message).toBe('The Job "manual" is invalid: spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` not auto-generated');
  });

  it('retries a failed pod after a back-off, and fails with BackoffLimitExceeded past backoffLimit', () => {
    const tc = TestCluster.of('kind');
    tc.apply(job('flaky', 'exit 1', { backoffLimit: 1 }));
    expect(podsOf(tc, 'flaky').map((p) => p.status?.phase)).toEqual(['Failed']);
    sleep(tc, 5);
    expect(podsOf(tc, 'flaky')).toHaveLength(1);
    sleep(tc, 10);
    const j = tc.get('Job', 'default/flaky')!;
    expect(podsOf(tc, 'flaky').map((p) => p.status?.phase)).toEqual(['Failed', 'Failed']);
    expect(j.status?.failed).toBe(2);
    expect(j.status?.conditions?.map((c) => `${c.type} ${c.reason}`)).toEqual(['FailureTarget BackoffLimitExceeded', 'Failed BackoffLimitExceeded']);
    expect(tc.events('Job', 'flaky').at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
    expect(j.status?.completionTime).toBeUndefined();
  });

  it('waits 10 s, 20 s, 40 s … between failed pods, at most 10 minutes (MaxJobPodFailureBackOff)', () => {
    const tc = TestCluster.of('kind');
    tc.apply(job('flaky', 'exit 1', { backoffLimit: 100 }));
    // Each pod fails as it starts; the next is made once the back-off since that failure is over.
    const created = () => podsOf(tc, 'flaky').map((p) => Date.parse(p.metadata.creationTimestamp!) / 1000 - Date.parse('2026-01-01T00:00:00Z') / 1000).sort((x, y) => x - y);
    sleep(tc, 4 * 3600);
    const gaps = created().slice(1).map((t, i) => t - created()[i]!);
    // 10 s doubling, then capped at 600 s (640 would be next), each rounded up to the 15 s resync.
    expect(gaps.slice(0, 8)).toEqual([15, 30, 45, 90, 165, 330, 600, 600]);
  });

  it('counts failures since the last success only: after a success the back-off starts again at 10 s', () => {
    const tc = TestCluster.of('kind');
    // The pods count their runs in a node file they share: the 4th succeeds, the others fail.
    const spec = job('mixed', 'n=$(cat /shared/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > /shared/n; [ $n -eq 4 ]', { backoffLimit: 100, completions: 2 }).spec;
    const pod = spec.template.spec;
    tc.apply({
      ...job('mixed', ''),
      spec: { ...spec, template: { spec: { ...pod, containers: [{ ...pod.containers[0]!, volumeMounts: [{ name: 'shared', mountPath: '/shared' }] }], volumes: [{ name: 'shared', hostPath: { path: '/tmp/job-runs', type: 'DirectoryOrCreate' } }] } } },
    });
    sleep(tc, 600);
    const pods = podsOf(tc, 'mixed').sort((x, y) => Date.parse(x.metadata.creationTimestamp!) - Date.parse(y.metadata.creationTimestamp!));
    expect(pods.slice(0, 5).map((p) => p.status?.phase)).toEqual(['Failed', 'Failed', 'Failed', 'Succeeded', 'Failed']);
    const at = (i: number) => Date.parse(pods[i]!.metadata.creationTimestamp!) / 1000;
    // Three failures: 40 s before the 4th pod (rounded up to the resync); one failure since its success: 10 s.
    expect([at(3) - at(2), at(5) - at(4)]).toEqual([45, 15]);
  });

  it('a suspended Job runs no pod until resumed, and says so in its Suspended condition and events', () => {
    const tc = TestCluster.of('kind');
    tc.apply(job('later', 'sleep 5', { suspend: true }));
    expect(podsOf(tc, 'later')).toEqual([]);
    const suspended = tc.get('Job', 'default/later')!;
    expect(suspended.status?.startTime).toBeUndefined();
    expect(suspended.status?.conditions?.map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual(['Suspended True JobSuspended']);
    tc.apply(job('later', 'sleep 5', { suspend: false }));
    expect(podsOf(tc, 'later')).toHaveLength(1);
    expect(tc.get('Job', 'default/later')!.status?.conditions?.map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual(['Suspended False JobResumed']);
    expect(tc.events('Job', 'later').filter((e) => !e.includes('SuccessfulCreate'))).toEqual(['Normal Suspended Job suspended', 'Normal Resumed Job resumed']);
  });

  it('activeDeadlineSeconds stops a Job that runs too long: DeadlineExceeded', () => {
    const tc = TestCluster.of('kind');
    tc.apply(job('slow', 'sleep 600', { activeDeadlineSeconds: 30 }));
    sleep(tc, 29);
    expect(tc.get('Job', 'default/slow')!.status?.active).toBe(1);
    sleep(tc, 2);
    const j = tc.get('Job', 'default/slow')!;
    expect(j.status?.conditions?.map((c) => `${c.type} ${c.reason} ${c.message}`)).toEqual([
      'FailureTarget DeadlineExceeded Job was active longer than specified deadline',
      'Failed DeadlineExceeded Job was active longer than specified deadline',
    ]);
    expect(j.status?.active).toBeUndefined();
    expect(tc.events('Job', 'slow').at(-1)).toBe('Warning DeadlineExceeded Job was active longer than specified deadline');
  });

  it('ttlSecondsAfterFinished deletes the finished Job, and its pods with it', () => {
    const tc = TestCluster.of('kind');
    tc.apply(job('short', 'true', { ttlSecondsAfterFinished: 30 }));
    expect(tc.get('Job', 'default/short')!.status?.succeeded).toBe(1);
    sleep(tc, 20);
    expect(tc.get('Job', 'default/short')).toBeDefined();
    sleep(tc, 15);
    expect(tc.get('Job', 'default/short')).toBeUndefined();
    expect(podsOf(tc, 'short')).toEqual([]);
  });

  it('refuses pods that would never end, in the API server\'s words', () => {
    const tc = TestCluster.of('kind');
    const { restartPolicy: _r, ...spec } = job('x', 'true').spec.template.spec;
    const missing = tc.apply({ ...job('forever', 'true'), spec: { template: { spec } } });
    expect(missing[0]!.error?.message).toBe('The Job "forever" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  });
});
