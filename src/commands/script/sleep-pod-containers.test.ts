// `sleep` over ONE pod whose containers repeat with periods that do not line up: a crash loop at
// its 5-minute back-off beside a container that runs 1001 s (and, having run more than 10
// minutes, is restarted at once each time). The pod as a whole repeats only after the least common
// multiple of the two (300 s and 1005 s: 20100 s, 87 changes), which the per-actor cycle search
// must hold four times over (actor-log.ts keeps 1024 instants per actor). Each scenario runs once
// sleeping in one call and once resync by resync: the same output and the same final state.
import { describe, expect, it } from 'vitest';
import { advanceClock } from '../../engine/index.ts';
import { yaml } from '../../engine/testing/builders.ts';
import { runScript } from './run-script.ts';
import { files, jump, play, resyncByResync, running, withoutStepCount } from './sleep-harness.ts';

const mixed = yaml(running('mixed', 'echo once; exit 1', { sidecar: 'sleep 1001' }));

describe('sleep over a pod whose containers have unaligned periods', { timeout: 120_000 }, () => {
  it('over 30 hours: the same restarts, events and resourceVersions as resyncing one by one', () => {
    const script = `kubectl apply -f - <<EOF
${mixed}EOF
sleep 30h
kubectl get pods
kubectl get pods -o yaml
kubectl get events -o yaml
sleep 7000
kubectl get pods -o yaml`;
    const fast = play(script, 'kind', jump);
    const slow = play(script, 'kind', resyncByResync);
    expect(fast.outputs).toEqual(slow.outputs);
    expect(withoutStepCount(fast.state)).toBe(withoutStepCount(slow.state));
    expect(fast.outputs.join('')).toMatch(/mixed +1\/2 +CrashLoopBackOff +\d+ \(\S+ ago\) +30h\n/);
  });

  it('sleep 99999999 returns within a second or two, and agrees with two shorter sleeps on the same resync grid', () => {
    const state = runScript(`kubectl apply -f - <<EOF\n${mixed}EOF\n`, { preset: 'kind', files, quiet: true }).state;
    const t0 = performance.now();
    const once = advanceClock(state, 99_999_999).state;
    // About 0.4 s on an idle machine: four cycles of 20100 s are simulated before the jump (2 cores shared in CI).
    expect(performance.now() - t0).toBeLessThan(3000);
    const twice = advanceClock(advanceClock(state, 12_345_675).state, 99_999_999 - 12_345_675).state;
    expect(withoutStepCount(once)).toBe(withoutStepCount(twice));
    const out = runScript('kubectl get pods\n', { state: once, files, quiet: true }).stdout;
    // 300 s per crash restart (99999999 / 300 = 333333) plus 1005 s per restart of the 1001 s container (99502).
    expect(out).toMatch(/mixed +1\/2 +CrashLoopBackOff +43\d{4} \(\S+ ago\) +3y62d\n/);
  });
});
