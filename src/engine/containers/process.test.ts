import { describe, expect, it } from 'vitest';
import { runsUntilStopped } from './process.ts';
import { backoffMs } from '../controllers/kubelet/restarts.ts';

describe("a container's main process", () => {
  it.each([
    [['nginx', '-g', 'daemon off;'], true],
    [['sh', '-c', 'httpd -f -p 8080 -h /www'], true],
    [['python3', '-m', 'http.server', '8000'], true],
    [['sh', '-c', 'env && sleep 3600'], false],
    [['echo', 'hi'], false],
  ])('%j runs until stopped when its program has nothing left to run: %j', (argv, expected) => {
    expect(runsUntilStopped(argv)).toBe(expected);
  });

  it('back-off: none before the first restart, then 10 s doubling to a 5 min cap (kubelet CrashLoopBackOff)', () => {
    expect([0, 1, 2, 3, 5, 6, 10].map(backoffMs)).toEqual([0, 10_000, 20_000, 40_000, 160_000, 300_000, 300_000]);
  });
});
