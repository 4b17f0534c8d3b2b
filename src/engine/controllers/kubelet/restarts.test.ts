// The kubelet's crash-loop back-off entry (client-go flowcontrol.Backoff as kuberuntime's
// doBackOff uses it): 10 s doubling to 5 min, forgotten when the container finished more than
// 10 minutes after the restart that last updated it; and the delay as Go prints a Duration.
import { describe, expect, it } from 'vitest';
import { backoffAfter, goSeconds, nextBackoff } from './restarts.ts';

describe('crash-loop back-off entry', () => {
  it('no entry: restart at once, and the first entry is 10 s', () => {
    expect(backoffAfter(undefined, 5_000)).toBe(0);
    expect(nextBackoff(undefined, 5_000, 15_000)).toEqual({ delayMs: 10_000, lastUpdate: 15_000 });
  });

  it('doubles up to 5 minutes while the container keeps failing soon after its restart', () => {
    let entry = nextBackoff(undefined, 0, 0);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const finished = entry.lastUpdate + 30_000;
      delays.push(backoffAfter(entry, finished));
      entry = nextBackoff(entry, finished, finished + delays[i]!);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('expires when the container finished more than 2 × 5 min after the last restart: restart at once, back to 10 s', () => {
    const entry = { delayMs: 300_000, lastUpdate: 1_000_000 };
    // Exactly 10 minutes is not expired (hasExpired is a strict >).
    expect(backoffAfter(entry, 1_600_000)).toBe(300_000);
    expect(nextBackoff(entry, 1_600_000, 1_900_000).delayMs).toBe(300_000);
    expect(backoffAfter(entry, 1_600_001)).toBe(0);
    expect(nextBackoff(entry, 1_600_001, 1_600_005)).toEqual({ delayMs: 10_000, lastUpdate: 1_600_005 });
  });

  it('prints the delay as time.Duration.String does', () => {
    expect([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 3_600_000].map(goSeconds)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '1h0m0s']);
  });
});
