// A pod's container whose image changes (the one container field a pod update may change): the
// kubelet kills it ("definition changed") and starts it from the new image, with a new writable
// layer, whatever the restartPolicy. Table cases run as one kubelet sync and until settled.
import { describe, expect, it } from 'vitest';
import type { TestCluster } from '../../testing/harness.ts';
import { runCase, type ControllerCase } from '../../testing/table.ts';
import { containerKey } from '../../containers/mounts.ts';
import { kubelet } from './index.ts';
import { setEntry } from '../../fs/tree.ts';

function pod(image: string, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'node-1', containers: [{ name: 'app', image, ...extra }], restartPolicy: 'Never' } };
}
const status = (tc: TestCluster) => tc.get('Pod', 'default/p')!.status!.containerStatuses![0]!;
const reasons = (tc: TestCluster) => tc.events('Pod', 'p').map((e) => e.split(' ').slice(1).join(' '));

const cases: ControllerCase[] = [
  {
    name: 'nginx, which stops on SIGTERM, is restarted from its new image at once',
    rule: 'computePodActions: "Container %s definition changed", restart regardless of restartPolicy',
    given: [pod('nginx:1.27')],
    // A file written outside any volume, in the old container's writable layer.
    prepare: (txn) => {
      const p = txn.get('Pod', 'default/p')!;
      const key = containerKey(p, 'app');
      const record = txn.state.containers[key]!;
      txn.state.containers[key] = { ...record, upper: setEntry(record.upper, '/tmp/note', { type: 'File', mode: 0o644, content: 'hi' }) };
    },
    objects: [pod('nginx:1.28')],
    check: (tc) => {
      const s = status(tc);
      expect(s.image).toBe('docker.io/library/nginx:1.28');
      expect(s.restartCount).toBe(1);
      expect(s.state?.running).toBeDefined();
      expect(s.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
      const p = tc.get('Pod', 'default/p')!;
      const record = tc.state.containers[containerKey(p, 'app')]!;
      expect(record.image).toBe('nginx:1.28');
      expect(JSON.stringify(record.upper)).not.toContain('note');
      expect(reasons(tc).slice(4)).toEqual([
        'Killing Container app definition changed, will be restarted',
        'Pulling Pulling image "nginx:1.28"',
        expect.stringMatching(/^Pulled Successfully pulled image "nginx:1.28" in /),
      ]);
    },
  },
  {
    name: 'sleep as PID 1 ignores SIGTERM: killed when the grace period ends',
    rule: 'killContainer waits terminationGracePeriodSeconds, then SIGKILL (137)',
    given: [pod('busybox:1.36', { command: ['sleep', '3600'] })],
    objects: [pod('busybox:1.37', { command: ['sleep', '3600'] })],
    check: (tc) => {
      // Still the old container for now: the kill lands 30 s later.
      const s = status(tc);
      expect(s.image).toBe('docker.io/library/busybox:1.36');
      expect(s.restartCount).toBe(0);
      expect(reasons(tc)).toContain('Killing Container app definition changed, will be restarted');
      const p = tc.get('Pod', 'default/p')!;
      expect(tc.state.containers[containerKey(p, 'app')]).toMatchObject({ exitAt: tc.state.now + 30_000, exitCode: 137 });
    },
  },
];

describe.each(cases)('kubelet: $name ($rule)', (c) => {
  it('single sync', () => void runCase(kubelet, c, 'single'));
  it('settled', () => void runCase(kubelet, c, 'settled'));
});
