// head and tail with the obsolete numeric first argument (`head -3`, `tail -5`, `tail +5`), which
// busybox (head.c/tail.c) and GNU coreutils both accept, plus `-n +N` and `-n -N`; in a container's
// shell and in the script host's shell.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { runScript } from './run-script.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n  - name: sh\n    image: busybox\n    command: ["sh", "-c", "sleep 3600"]\n';

function sh(script: string) {
  const r = execInPod(applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state, 'default', 'box', 'sh', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r;
}
const host = (script: string) => runScript(script, { preset: 'bare', quiet: true, files: { read: () => undefined } });

const CASES: [string, string][] = [
  ['head -3 /f', '1\n2\n3\n'],
  ['tail -2 /f', '5\n6\n'],
  ['tail +5 /f', '5\n6\n'],
  ['tail -n +4 /f', '4\n5\n6\n'],
  ['head -n -4 /f', '1\n2\n'],
  ['head -n 2 /f', '1\n2\n'],
  ['tail /f', '1\n2\n3\n4\n5\n6\n'],
  ['cat /f | head -1', '1\n'],
];

describe('head and tail counts', () => {
  it.each(CASES)('container: %s', (cmd, expected) => {
    const r = sh(`seq 6 > /f; ${cmd}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });

  it.each(CASES)('host: %s', (cmd, expected) => {
    const r = host(`seq 6 > f\n${cmd.replace(/\/f/g, 'f')}\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });
});
