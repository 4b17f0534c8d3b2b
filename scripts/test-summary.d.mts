// Types for scripts/test-summary.mjs (tsconfig has no allowJs, so TypeScript reads this instead).
export type Counts = { passed: number; failed: number; skipped: number; notes: string[] };

export declare function countVitest(report: unknown): Counts | null;
export declare function countPlaywright(report: unknown): Counts | null;
export declare function settle(label: string, counts: Counts | null, exitCode: number | null): Counts;
export declare function total(
  parts: Array<{ passed: number; failed: number; skipped?: number }>,
): { passed: number; failed: number; skipped: number };
export declare function summaryLine(counts: { passed: number; failed: number }): string;
