// The properties, as fast-check runs them: a case passes when the worker reports no failure.
// Shared by the bounded test (`npm test`) and the open-ended `npm run fuzz`.
import fc from 'fast-check';
import { FAMILIES, type Family } from './cases.ts';
import type { Failure, FuzzCase } from './check.ts';
import { CaseRunner } from './pool.ts';

/** Thrown from the property so fast-check shrinks towards the smallest case that still fails. */
export class CaseFailed extends Error {
  constructor(readonly failures: Failure[]) {
    super(failures.map(formatFailure).join('\n'));
  }
}

export function formatFailure(f: Failure): string {
  return `[${f.check}] step ${f.step}: ${f.detail}${f.trace ? ` at ${f.trace.join(' < ')}` : f.site ? ` at ${f.site}` : ''}`;
}

/**
 * What makes two failures the same bug: the crash site for exceptions, the kind of check and the
 * gist of the message otherwise (names and numbers taken out, so one bug found with two different
 * objects counts once).
 */
export function signature(f: Failure): string {
  if ((f.check === 'exception' || f.check === 'internal-error') && f.site) return `crash@${f.site}`;
  if (f.check === 'exception') return `exception@${f.detail.replace(/"[^"]*"|'[^']*'|\d+/g, '_')}`;
  if (f.check === 'hang' || f.check === 'slow' || f.check === 'worker-died' || f.check === 'nondeterministic') return f.check;
  // The field and its bad value ("size is NaN"), not the path to it, which holds uids and names.
  if (f.check === 'not-plain-json') return `not-plain-json:${f.detail.replace(/^.*?([\w$]+)(\[\d+\])? is /, '$1 is ')}`;
  if (f.check === 'input-modified') return f.check;
  if (f.check === 'invariant') return `invariant:${/^\(([\w-]+)\)/.exec(f.detail)?.[1] ?? f.detail}`;
  return `${f.check}:${f.detail.replace(/\S*\/\S*|\d+|"[^"]*"|\{.*\}/g, '_').slice(0, 80)}`;
}

/** Shrinking stops after this long (the smallest failing case so far is kept): shrinking a hang costs a watchdog period per try. */
export const SHRINK_BUDGET_MS = 60_000;

/** The property; failures whose signature `known` holds are let through, so a long run looks for new bugs. */
export function propertyFor(family: Family, runner: CaseRunner, known: ReadonlySet<string> = new Set(), shrinkBudgetMs = SHRINK_BUDGET_MS) {
  let firstFailureAt: number | undefined;
  return fc.asyncProperty(FAMILIES[family], async (c: FuzzCase) => {
    // Past the budget every try "passes" at once, which ends shrinking with the best case found.
    if (firstFailureAt !== undefined && performance.now() - firstFailureAt > shrinkBudgetMs) return;
    const failures = (await runner.run(c)).filter((f) => !known.has(signature(f)));
    if (failures.length > 0) {
      firstFailureAt ??= performance.now();
      throw new CaseFailed(failures);
    }
  });
}

export interface RoundResult {
  family: Family;
  seed: number;
  cases: number;
  failure?: { path: string; counterexample: FuzzCase; failures: Failure[]; shrinks: number };
}

/** One fast-check run of a family: up to `numRuns` cases, stopping (and shrinking) at the first failure. */
export async function round(family: Family, seed: number, numRuns: number, runner: CaseRunner, timeLimitMs?: number, known?: ReadonlySet<string>): Promise<RoundResult> {
  const details = await fc.check(propertyFor(family, runner, known), {
    seed,
    numRuns,
    ...(timeLimitMs !== undefined ? { interruptAfterTimeLimit: timeLimitMs } : {}),
  });
  const result: RoundResult = { family, seed, cases: details.numRuns };
  if (details.failed && details.counterexample) {
    const err = details.errorInstance;
    result.failure = {
      path: details.counterexamplePath ?? '',
      counterexample: details.counterexample[0],
      failures: err instanceof CaseFailed ? err.failures : [{ check: 'exception', step: -1, detail: String(err) }],
      shrinks: details.numShrinks,
    };
  }
  return result;
}

/** A failing case as a `kubesim run` reproduction: the script (or the manifest) and how to run it. */
export function reproduction(c: FuzzCase): string {
  const header = `# preset ${c.preset}, seed ${c.seed}, files from examples/${c.dir}/`;
  const body = c.steps.map((s, i) => (s.via === 'script' ? `# step ${i}: runScript\n${s.text}` : `# step ${i}: applyManifest(mode ${s.mode}${s.namespace !== undefined ? `, namespace ${JSON.stringify(s.namespace)}` : ''})\n${s.text}`));
  return [header, ...body].join('\n');
}
