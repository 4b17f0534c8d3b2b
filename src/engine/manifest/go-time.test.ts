import { describe, expect, it } from 'vitest';
import { rfc3339Error } from './go-time.ts';

describe("metav1.Time: time.Parse(RFC3339)'s answers", () => {
  it.each(['2026-11-25T12:00:00Z', '2026-11-25T12:00:00.123456Z', '2024-02-29T00:00:00+01:00'])('accepts %s', (v) => {
    expect(rfc3339Error(v)).toBeUndefined();
  });

  it.each([
    ['yesterday', 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['2024-01-01', 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2024-01-01 10:00:00Z', 'parsing time "2024-01-01 10:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 10:00:00Z" as "T"'],
    ['2024-01-01T10:00:00', 'parsing time "2024-01-01T10:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2024-13-01T10:00:00Z', 'parsing time "2024-13-01T10:00:00Z": month out of range'],
    ['2023-02-29T10:00:00Z', 'parsing time "2023-02-29T10:00:00Z": day out of range'],
    ['2024-01-01T10:00:00Zjunk', 'parsing time "2024-01-01T10:00:00Zjunk": extra text: "junk"'],
  ])('refuses %s', (v, message) => {
    expect(rfc3339Error(v)).toBe(message);
  });
});
