// The script host's `date`: GNU's formats on the simulated clock, so a script can stamp its
// output with the time the cluster's own timestamps use.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

describe('date on the script host', () => {
  it('prints the simulated time and follows sleep', () => {
    const r = runScript('echo "now: $(date)"\nsleep 90\ndate -u +%H:%M:%S\ndate -Iseconds\ndate --bogus\n', { preset: 'bare', files: { read: () => undefined }, quiet: true });
    expect(r.stdout).toBe('now: Thu Jan  1 00:00:00 UTC 2026\n00:01:30\n2026-01-01T00:01:30+00:00\n');
    // GNU's wording for an unknown option (coreutils, not busybox).
    expect(r.stderr).toContain("date: unrecognized option '--bogus'\nTry 'date --help' for more information.\n");
  });
});
