// A bug inside a command (here: a controller throwing over a corrupted object) must cost that
// command only: one `error: internal error …` line, the state as it was, the rest of the script.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { runScript } from './run-script.ts';

const noFiles = { read: () => undefined };

/** A cluster holding a pod whose `containers` is not a list: every controller pass over pods throws. */
function corrupted(): ClusterState {
  const state = createCluster({ preset: 'kind' });
  const broken = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'broken', namespace: 'default', uid: 'u-broken', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { nodeName: 'kind-control-plane', containers: 7 },
    status: { phase: 'Pending' },
  };
  return { ...state, objects: { ...state.objects, Pod: { 'default/broken': broken as never } } };
}

describe('an internal error in a script', () => {
  it('prints one line naming the command, keeps the state and the output so far, goes on, exits 1', () => {
    const state = corrupted();
    const seen: string[] = [];
    const r = runScript('kubectl get ns default\nkubectl create configmap cfg --from-literal=a=b\nkubectl get cm cfg\necho done\n', {
      state,
      files: noFiles,
      onChunk: (c) => seen.push(c.text),
    });
    expect(r.stderr).toMatch(/^error: internal error running "kubectl create configmap cfg --from-literal=a=b": [^\n]+\nError from server \(NotFound\): configmaps "cfg" not found\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('$ kubectl get ns default\nNAME      STATUS   AGE\ndefault   Active   0s\n');
    expect(r.stdout).toContain('$ echo done\ndone\n');
    expect(r.exitCode).toBe(1);
    expect(r.state.objects.ConfigMap?.['default/cfg']).toBeUndefined();
    // Streamed as produced, in the same order.
    expect(seen.join('')).toBe(r.chunks.map((c) => c.text).join(''));
  });

  it('a sleep past the year 9999 is refused, not a crash', () => {
    const r = runScript('sleep 999999999999\nkubectl get ns default\n', { preset: 'bare', files: noFiles, quiet: true });
    expect(r.stderr).toBe('kubesim: sleep: the simulated clock cannot go past 9999-12-31T23:59:59Z\n');
    expect(r.stdout).toContain('default   Active   0s');
    expect(r.exitCode).toBe(1);
  });
});
