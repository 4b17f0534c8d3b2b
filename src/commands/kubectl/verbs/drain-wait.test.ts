// `kubectl drain` waits for the pods it evicts, as real drain's waitForDelete does: the simulated
// clock moves until each is gone, `pod/x evicted` is printed in the order they go, after
// `node/x cordoned`, the warnings and every `evicting pod …`.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind-multinode', quiet: true, files: { read: () => undefined } });
const both = (script: string) => run(script).chunks.map((c) => c.text).join('');
// Both on kind-worker: `sleep` ignores SIGTERM (30 s grace), nginx stops at once.
const PODS = (name: string, command: string) =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: kind-worker\n  containers:\n  - name: c\n    image: ${command}\nEOF\n`;
const SETUP = PODS('slow', 'busybox\n    command: [sleep, "3600"]') + PODS('quick', 'nginx:1.27');

describe('drain waits for the evicted pods', () => {
  it('prints each pod as it goes and moves the clock by the slowest grace period', () => {
    const before = run(SETUP).state.now;
    const r = run(SETUP + 'kubectl drain kind-worker --force\n');
    expect(r.chunks.map((c) => c.text).join('')).toBe(
      'pod/slow created\npod/quick created\n' +
        'node/kind-worker cordoned\n' +
        'Warning: deleting Pods that declare no controller: default/quick, default/slow\n' +
        'evicting pod default/quick\nevicting pod default/slow\n' +
        'pod/quick evicted\npod/slow evicted\nnode/kind-worker drained\n',
    );
    expect(r.state.objects.Pod?.['default/slow']).toBeUndefined();
    expect(r.state.now - before).toBeGreaterThanOrEqual(30_000);
    expect(r.exitCode).toBe(0);
  });

  it('a node that does not exist fails the command', () => {
    const r = run('kubectl drain nope\n');
    expect(r.stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(r.exitCode).toBe(1);
    expect(both('kubectl drain kind-worker\n')).toBe('node/kind-worker cordoned\nnode/kind-worker drained\n');
  });
});
