import { describe, expect, it } from 'vitest';
import { mainProcessLifetime } from './process.ts';
import { backoffMs } from '../controllers/kubelet/restarts.ts';

describe("a container's main process lifetime", () => {
  it.each([
    [[], { forever: true }],
    [['nginx', '-g', 'daemon off;'], { forever: true }],
    [['sh', '-c', 'tail -f /dev/null'], { forever: true }],
    [['sh', '-c', 'env && sleep 3600'], { forever: false, seconds: 3600 }],
    [['sh', '-c', 'sleep 1m; sleep 30'], { forever: false, seconds: 90 }],
    [['echo', 'hi'], { forever: false, seconds: 0 }],
  ])('%j lives %j', (argv, expected) => {
    expect(mainProcessLifetime(argv)).toEqual(expected);
  });

  it('back-off: none before the first restart, then 10 s doubling to a 5 min cap (kubelet CrashLoopBackOff)', () => {
    expect([0, 1, 2, 3, 5, 6, 10].map(backoffMs)).toEqual([0, 10_000, 20_000, 40_000, 160_000, 300_000, 300_000]);
  });
});
