// `date`: busybox's formats in busybox images, GNU coreutils' in Debian ones, always UTC, at the
// shell's clock (the container's files' `now`).
import { describe, expect, it } from 'vitest';
import { runShell, type ShellContext } from './interpreter.ts';
import { memoryFs } from './testing.ts';
import { strftime } from './date.ts';

// 2026-12-06 11:39:25 UTC, a Sunday.
const AT = Date.UTC(2026, 11, 6, 11, 39, 25, 123);

function date(args: string, family?: 'debian') {
  const ctx: ShellContext = { fs: { ...memoryFs(), now: AT }, env: {}, cwd: '/', hostname: 'p', lastCode: 0, ...(family ? { family } : {}) };
  return runShell(`date ${args}`, ctx);
}

describe('date in a busybox image', () => {
  it.each([
    ['', 'Sun Dec  6 11:39:25 UTC 2026'],
    ['-u', 'Sun Dec  6 11:39:25 UTC 2026'],
    ['-R', 'Sun, 06 Dec 2026 11:39:25 +0000'],
    ['-uR', 'Sun, 06 Dec 2026 11:39:25 UTC'],
    ['-I', '2026-12-06'],
    ['-Ihours', '2026-12-06T11+0000'],
    ['-Iminutes', '2026-12-06T11:39+0000'],
    ['-Iseconds', '2026-12-06T11:39:25+0000'],
    ['-u -Iseconds', '2026-12-06T11:39:25UTC'],
    ["'+%Y-%m-%d %H:%M:%S'", '2026-12-06 11:39:25'],
    ['+%s', String(Math.floor(AT / 1000))],
    ['-d @0', 'Thu Jan  1 00:00:00 UTC 1970'],
  ])('date %s prints %s', (args, expected) => {
    expect(date(args)).toEqual({ stdout: `${expected}\n`, stderr: '', code: 0 });
  });

  it('refuses what busybox refuses, with its usage', () => {
    const bad = date('-x');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^date: invalid option -- 'x'\nBusyBox v1\.37\.0 .*\n\nUsage: date \[OPTIONS\] \[\+FMT\] \[TIME\]\n/);
    expect(date('-Ins').stderr).toMatch(/^BusyBox v1\.37\.0/);
    expect(date('tomorrow')).toEqual({ stdout: '', stderr: "date: invalid date 'tomorrow'\n", code: 1 });
  });
});

describe('date in a Debian image (GNU coreutils, C locale)', () => {
  it.each([
    ['', 'Sun Dec  6 11:39:25 UTC 2026'],
    ['-R', 'Sun, 06 Dec 2026 11:39:25 +0000'],
    ['-uR', 'Sun, 06 Dec 2026 11:39:25 +0000'],
    ['-I', '2026-12-06'],
    ['-Iseconds', '2026-12-06T11:39:25+00:00'],
    ['--iso-8601=minutes', '2026-12-06T11:39+00:00'],
    ['-Ins', '2026-12-06T11:39:25,123000000+00:00'],
    ["'+%F %T %:z'", '2026-12-06 11:39:25 +00:00'],
  ])('date %s prints %s', (args, expected) => {
    expect(date(args, 'debian')).toEqual({ stdout: `${expected}\n`, stderr: '', code: 0 });
  });

  it('words its errors as coreutils does', () => {
    expect(date('-x', 'debian')).toEqual({ stdout: '', stderr: "date: invalid option -- 'x'\nTry 'date --help' for more information.\n", code: 1 });
    expect(date('+%s extra', 'debian')).toEqual({ stdout: '', stderr: "date: extra operand 'extra'\nTry 'date --help' for more information.\n", code: 1 });
    expect(date('-Ifoo', 'debian').stderr).toBe(
      "date: invalid argument 'foo' for '--iso-8601'\nValid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'\nTry 'date --help' for more information.\n",
    );
  });
});

describe('strftime', () => {
  it('knows the common conversions, and leaves unknown ones as they stand', () => {
    expect(strftime('%a %A %b %B %d %e %j %H %I %k %l %M %S %p %y %C %u %w %U %W %V %G %D %R %T %%', AT, false)).toBe(
      'Sun Sunday Dec December 06  6 340 11 11 11 11 39 25 AM 26 20 7 0 49 48 49 2026 12/06/26 11:39 11:39:25 %',
    );
    expect(strftime('%Q', AT, false)).toBe('%Q');
    // ISO week of 1 January 2021 (a Friday): week 53 of 2020.
    expect(strftime('%G-W%V', Date.UTC(2021, 0, 1), false)).toBe('2020-W53');
  });
});

describe('date -d @SECONDS past what a date can show', () => {
  it('busybox calls it an invalid date; GNU says a 64-bit time is out of range, and a longer one invalid', () => {
    expect(date('-d @99999999999999999999')).toMatchObject({ stdout: '', stderr: "date: invalid date '@99999999999999999999'\n", code: 1 });
    expect(date('-d @9999999999999999', 'debian')).toMatchObject({ stdout: '', stderr: 'date: time 9999999999999999 is out of range\n', code: 1 });
    expect(date('-d @99999999999999999999', 'debian')).toMatchObject({ stderr: "date: invalid date '@99999999999999999999'\n", code: 1 });
    expect(date('-d @-5 -u')).toMatchObject({ stdout: 'Wed Dec 31 23:59:55 UTC 1969\n', code: 0 });
  });
});
