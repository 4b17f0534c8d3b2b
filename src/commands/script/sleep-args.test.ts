// GNU sleep's operands and messages (C locale).
import { describe, expect, it } from 'vitest';
import { parseSleepArgs } from './sleep-args.ts';

const TRY = "Try 'sleep --help' for more information.\n";

describe('sleep arguments', () => {
  it('adds up intervals with s/m/h/d suffixes', () => {
    expect(parseSleepArgs(['1m', '30', '0.5s'])).toEqual({ ok: true, seconds: 90.5 });
    expect(parseSleepArgs(['1d'])).toEqual({ ok: true, seconds: 86400 });
    expect(parseSleepArgs(['1e2'])).toEqual({ ok: true, seconds: 100 });
    expect(parseSleepArgs(['--', '5'])).toEqual({ ok: true, seconds: 5 });
  });

  it('words every failure as coreutils does', () => {
    expect(parseSleepArgs([])).toEqual({ ok: false, stderr: `sleep: missing operand\n${TRY}` });
    expect(parseSleepArgs(['-1'])).toEqual({ ok: false, stderr: `sleep: invalid option -- '1'\n${TRY}` });
    expect(parseSleepArgs(['5', '--bogus'])).toEqual({ ok: false, stderr: `sleep: unrecognized option '--bogus'\n${TRY}` });
    expect(parseSleepArgs(['forever', '2x', '3'])).toEqual({ ok: false, stderr: `sleep: invalid time interval 'forever'\nsleep: invalid time interval '2x'\n${TRY}` });
    expect(parseSleepArgs(['-'])).toEqual({ ok: false, stderr: `sleep: invalid time interval '-'\n${TRY}` });
  });
});
