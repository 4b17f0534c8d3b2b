// `npm run fuzz -- --minutes 10 [--seed N] [--family manifests|commands|sequences]`: runs the
// fuzzer's properties (test/fuzz) for as long as asked, round after round, each round a fresh
// fast-check seed, and ends with "N cases, K failures". Each failure is printed with its seed
// and path (to replay it), the shrunk counterexample and a reproduction; exit status 1 if any.
// K counts distinct bugs: once a failure is found, later rounds let its signature (crash site,
// or kind of check) through and look for others.
import { FAMILIES, type Family } from '../test/fuzz/cases.ts';
import { formatFailure, reproduction, round, signature, type RoundResult } from '../test/fuzz/harness.ts';
import { CaseRunner } from '../test/fuzz/pool.ts';

const CASES_PER_ROUND = 50;

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
}

const minutes = Number(option('minutes') ?? '1');
const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
const only = option('family');
if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isInteger(seed) || (only !== undefined && !(only in FAMILIES))) {
  process.stderr.write('usage: npm run fuzz -- [--minutes M] [--seed N] [--family manifests|commands|sequences]\n');
  process.exit(2);
}
const families = (only ? [only] : Object.keys(FAMILIES)) as Family[];

const runner = new CaseRunner();
const deadline = Date.now() + minutes * 60_000;
const failures: RoundResult[] = [];
const known = new Set<string>();
let cases = 0;
let r = 0;
process.stdout.write(`fuzzing ${families.join(', ')} for ${minutes} min from seed ${seed}\n`);
while (Date.now() < deadline) {
  const family = families[r % families.length]!;
  const roundSeed = (seed + r) | 0;
  const result = await round(family, roundSeed, CASES_PER_ROUND, runner, Math.max(1, deadline - Date.now()), known);
  cases += result.cases;
  if (result.failure) {
    failures.push(result);
    for (const f of result.failure.failures) known.add(signature(f));
    process.stdout.write(`round ${r} (${family}, seed ${roundSeed}): FAILED after ${result.cases} cases: ${formatFailure(result.failure.failures[0]!)}\n`);
  } else {
    process.stdout.write(`round ${r} (${family}, seed ${roundSeed}): ${result.cases} cases ok; ${cases} cases, ${failures.length} failures so far\n`);
  }
  r++;
}
await runner.close();

for (const [i, f] of failures.entries()) {
  const x = f.failure!;
  process.stdout.write(`\nfailure ${i + 1}: family ${f.family}, seed ${f.seed}, path "${x.path}" (${x.shrinks} shrinks)\n`);
  for (const line of x.failures) process.stdout.write(`  ${formatFailure(line)}\n`);
  process.stdout.write(`  counterexample: ${JSON.stringify(x.counterexample)}\n`);
  process.stdout.write(reproduction(x.counterexample).replace(/^/gm, '  | ') + '\n');
}
process.stdout.write(`${cases} cases, ${failures.length} failures\n`);
process.exit(failures.length > 0 ? 1 : 0);
