import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'],
    [-1 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [119 * s + 999, '119s'],
    [2 * m, '2m'],
    [2 * m + 30 * s, '2m30s'],
    [6 * m, '6m'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 59 * s, '10m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m + 59 * s, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [51 * h, '2d3h'],
    [7 * d + 23 * h + 59 * m, '7d23h'],
    [8 * d, '8d'],
    [27 * d, '27d'],
    [729 * d + 23 * h, '729d'],
    [730 * d, '2y'],
    [830 * d, '2y100d'],
    [8 * 365 * d - h, '7y364d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d, '20y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('shortHumanDuration (apimachinery duration.ShortHumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [60 * m, '1h'],
    [23 * h + 59 * m, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
    [3 * 365 * d, '3y'],
  ])('%d ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});
