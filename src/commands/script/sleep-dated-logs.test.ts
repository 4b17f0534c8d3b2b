// `sleep` over a crash loop that prints the time (`date; exit 1`): each restart logs a different
// line, so the cycle skip must see that the logs differ only in times moving by the period
// (runtime/text-times.ts). Sleeping in one call and resync by resync give the same output and
// the same final state, and a very long sleep returns at once.
import { describe, expect, it } from 'vitest';
import { advanceClock } from '../../engine/index.ts';
import { yaml } from '../../engine/testing/builders.ts';
import { runScript } from './run-script.ts';
import { files, jump, play, resyncByResync, running, withoutStepCount } from './sleep-harness.ts';

const dated = yaml(running('dated', 'date; exit 1'));
const rfc = yaml(running('rfc', 'echo "at $(date -R)"; date -Iseconds; exit 2'));

describe('sleep over a crash loop whose log holds the time', { timeout: 120_000 }, () => {
  it('over 10 hours: the same logs, restarts and resourceVersions as resyncing one by one', () => {
    const script = `kubectl apply -f - <<'EOF'
${dated}---
${rfc}EOF
sleep 10h
kubectl get pods
kubectl logs dated
kubectl logs dated --previous
kubectl logs rfc
kubectl get pods -o yaml
sleep 4000
kubectl logs rfc --previous`;
    const fast = play(script, 'kind', jump);
    const slow = play(script, 'kind', resyncByResync);
    expect(fast.outputs).toEqual(slow.outputs);
    expect(withoutStepCount(fast.state)).toBe(withoutStepCount(slow.state));
    expect(fast.outputs.join('')).toMatch(/\nThu Jan  1 09:5\d:\d\d UTC 2026\n/);
    expect(fast.outputs.join('')).toMatch(/at Thu, 01 Jan 2026 09:5\d:\d\d \+0000\n2026-01-01T09:5\d:\d\d\+0000\n/);
  });

  it('sleep 9999999 returns within seconds and agrees with two shorter sleeps', () => {
    const state = runScript(`kubectl apply -f - <<EOF\n${dated}EOF\n`, { preset: 'kind', files, quiet: true }).state;
    const t0 = performance.now();
    const once = advanceClock(state, 9_999_999).state;
    // About 0.2 s on an idle machine; it stepped every restart (33,000 of them, ~100 s) before.
    expect(performance.now() - t0).toBeLessThan(5000);
    const twice = advanceClock(advanceClock(state, 1_234_575).state, 9_999_999 - 1_234_575).state;
    expect(withoutStepCount(once)).toBe(withoutStepCount(twice));
    expect(runScript('kubectl logs dated\n', { state: once, files, quiet: true }).stdout).toMatch(/^Sun Apr 26 17:4\d:\d\d UTC 2026\n$/);
  });
});
