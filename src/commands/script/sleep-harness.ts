// Test harness for `sleep`: runs a script twice, once handing each `sleep N` to advanceClock in
// one call (with every skip it makes) and once one resync (15 s) at a time, which skips nothing.
// Imported only by the sleep-*.test.ts files.
import { readFileSync } from 'node:fs';
import { advanceClock, RESYNC_SECONDS, type ClusterState, type PresetName } from '../../engine/index.ts';
import { pod } from '../../engine/testing/builders.ts';
import { runScript } from './run-script.ts';

export const files = { read: (p: string) => (p === 'web.yaml' ? readFileSync('examples/node-failure/web.yaml', 'utf8') : undefined) };

export type Sleeper = (state: ClusterState, seconds: number) => ClusterState;

export const jump: Sleeper = (state, seconds) => advanceClock(state, seconds).state;
export const resyncByResync: Sleeper = (state, seconds) => {
  for (let left = seconds; left > 0; left -= RESYNC_SECONDS) state = advanceClock(state, Math.min(left, RESYNC_SECONDS)).state;
  return state;
};

/** Runs the script's commands, handing each top-level `sleep N[s|m|h|d]` line to `sleep`. */
export function play(script: string, preset: PresetName, sleep: Sleeper): { outputs: string[]; state: ClusterState } {
  let state = runScript('', { preset, files, quiet: true }).state;
  const outputs: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const r = runScript(pending.join('\n') + '\n', { state, files });
    outputs.push(r.stdout + r.stderr);
    state = r.state;
    pending = [];
  };
  for (const line of script.split('\n')) {
    const m = /^sleep (\d+)([smhd]?)$/.exec(line);
    if (!m) {
      pending.push(line);
      continue;
    }
    flush();
    state = sleep(state, Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']);
  }
  flush();
  return { outputs, state };
}

/**
 * A busybox pod running `sh -c SCRIPT`; with `scratch`, an emptyDir at /scratch and the node's
 * /tmp/shared at /host; with `sidecar`, a second container running that script.
 */
export function running(name: string, script: string, extra: { restartPolicy?: string; nodeName?: string; scratch?: boolean; sidecar?: string } = {}) {
  const { scratch, sidecar, ...spec } = extra;
  const p = pod(name, { image: 'busybox' });
  // The node's /tmp/shared as /host beside the emptyDir: files there are the node's, shared by its pods.
  const mounts = scratch ? [{ name: 'scratch', mountPath: '/scratch' }, { name: 'host', mountPath: '/host' }] : [];
  const container = (n: string, s: string) => ({ ...p.spec.containers[0]!, name: n, command: ['sh', '-c', s], volumeMounts: mounts });
  return {
    ...p,
    spec: {
      ...p.spec,
      ...spec,
      containers: [container('app', script), ...(sidecar ? [container('sidecar', sidecar)] : [])],
      volumes: scratch ? [{ name: 'scratch', emptyDir: {} }, { name: 'host', hostPath: { path: '/tmp/shared', type: 'DirectoryOrCreate' } }] : [],
    },
  };
}

/** The whole state as JSON, but for the number of timeline steps (a skip records fewer). */
export const withoutStepCount = (s: ClusterState) => JSON.stringify({ ...s, stepCount: 0 });
