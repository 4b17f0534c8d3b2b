// The two human-readable size formats, against values the real tools print.
import { describe, expect, it } from 'vitest';
import { busyboxHuman, gnuHuman } from './human.ts';
import { formatG } from './dd.ts';

const DD = { base1024: false, space: true, bytes: true, nearest: true };
const IEC = { ...DD, base1024: true };
const LS = { base1024: true, space: false, bytes: false, nearest: false };

describe('busybox make_human_readable_str', () => {
  it('bytes as they are, one tenth from the last division, no tenth with block size 0', () => {
    expect(busyboxHuman(0)).toBe('0');
    expect(busyboxHuman(999)).toBe('999');
    expect(busyboxHuman(45_730_000)).toBe('43.6M');
    expect(busyboxHuman(1_048_576)).toBe('1.0M');
    // 2047 bytes: the tenth rounds to 10, so the whole number goes up.
    expect(busyboxHuman(2047)).toBe('2.0K');
    expect(busyboxHuman(8192, 0)).toBe('8K');
  });
});

describe('gnulib human_readable', () => {
  it("dd's sizes: powers of 1000 and 1024 with B, rounded to nearest", () => {
    expect(gnuHuman(1_048_576, DD)).toBe('1.0 MB');
    expect(gnuHuman(1_048_576, IEC)).toBe('1.0 MiB');
    expect(gnuHuman(104_857_600, DD)).toBe('105 MB');
    expect(gnuHuman(104_857_600, IEC)).toBe('100 MiB');
    expect(gnuHuman(1000, DD)).toBe('1.0 kB');
    expect(gnuHuman(512, DD)).toBe('512 B');
  });

  it("dd's rate: bytes per 10^9 ns over the elapsed ns, in floating point", () => {
    expect(gnuHuman(1_048_576, DD, 1e9, 1_230_000)).toBe('853 MB');
  });

  it("ls -h and df -h: powers of 1024, rounded up, a tenth below 10", () => {
    expect(gnuHuman(5000, LS)).toBe('4.9K');
    expect(gnuHuman(8, LS, 1024, 1)).toBe('8.0K');
    expect(gnuHuman(22, LS)).toBe('22');
    expect(gnuHuman(105_089_261_568, LS)).toBe('98G');
  });

  it("C's %g for dd's seconds", () => {
    expect(formatG(0.00123)).toBe('0.00123');
    expect(formatG(0.121021)).toBe('0.121021');
    expect(formatG(0.00002)).toBe('2e-05');
    expect(formatG(1.5)).toBe('1.5');
  });
});
