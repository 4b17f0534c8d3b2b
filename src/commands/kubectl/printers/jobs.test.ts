// `kubectl get jobs` (printers.go printJob): STATUS from the conditions, COMPLETIONS with and
// without `completions`, DURATION from start to completion or to now.
import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import { buildTable } from './table.ts';

const NOW = Date.parse('2026-01-01T00:02:00Z');
const job = (name: string, spec: Partial<NonNullable<Job['spec']>>, status: Job['status'], deleting = false): Job => ({
  metadata: { name, creationTimestamp: '2026-01-01T00:00:00Z', ...(deleting ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}) },
  spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } }, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, ...spec },
  status,
});
const cond = (type: string) => ({ type, status: 'True' });

describe('kubectl get jobs', () => {
  it('prints NAME STATUS COMPLETIONS DURATION AGE, and CONTAINERS IMAGES SELECTOR with -o wide', () => {
    const jobs = [
      job('done', { completions: 3 }, { succeeded: 3, startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:00:42Z', conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }),
      job('queue', { parallelism: 2 }, { startTime: '2026-01-01T00:00:30Z' }),
      job('one', {}, {}),
      job('broke', { completions: 1 }, { failed: 7, startTime: '2026-01-01T00:00:00Z', conditions: [cond('FailureTarget'), cond('Failed')] }),
      job('aiming', { completions: 1 }, { conditions: [cond('FailureTarget')] }),
      job('held', { completions: 1 }, { conditions: [cond('Suspended')] }),
      job('going', { completions: 1 }, {}, true),
    ];
    const t = buildTable('Job', jobs, { now: NOW, wide: true });
    expect(t.headers).toEqual(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(t.rows.map((r) => r.slice(0, 4))).toEqual([
      ['done', 'Complete', '3/3', '42s'],
      ['queue', 'Running', '0/1 of 2', '90s'],
      ['one', 'Running', '0/1', ''],
      ['broke', 'Failed', '0/1', '2m'],
      ['aiming', 'FailureTarget', '0/1', ''],
      ['held', 'Suspended', '0/1', ''],
      ['going', 'Terminating', '0/1', ''],
    ]);
    expect(t.rows[0]!.slice(5)).toEqual(['pi', 'perl', 'batch.kubernetes.io/controller-uid=u']);
  });

  it('kubectl get statefulsets: READY is ready/desired; -o wide adds CONTAINERS and IMAGES only', () => {
    const t = buildTable('StatefulSet', [{ metadata: { name: 'web', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { replicas: 3, serviceName: '', selector: {}, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } }, status: { replicas: 2, readyReplicas: 1 } }], { now: NOW, wide: true });
    expect(t.headers).toEqual(['NAME', 'READY', 'AGE', 'CONTAINERS', 'IMAGES']);
    expect(t.rows).toEqual([['web', '1/3', '2m', 'nginx', 'nginx:1.27']]);
  });
});
