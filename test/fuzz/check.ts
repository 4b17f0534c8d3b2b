// One fuzz case, run through the public paths (`runScript` as `kubesim run` does, and
// `applyManifest` as the editor's Apply does), and every property checked after each call.
import { createCluster, type ClusterState, type PresetName } from '../../src/engine/index.ts';
import { applyManifest } from '../../src/engine/write.ts';
import { runScript } from '../../src/commands/script/run-script.ts';
import { clusterViolations, firstDifference, notPlainJson } from './invariants.ts';
import { EXAMPLE_DIRS } from './seeds.ts';
import { locateInternalError } from './locate.ts';

export type CaseStep = { via: 'script'; text: string } | { via: 'apply'; mode: 'apply' | 'create' | 'delete'; namespace?: string; text: string };

/** A case is plain JSON, so it can cross to a worker and be printed as a reproduction. */
export interface FuzzCase {
  preset: PresetName;
  seed: number;
  /** The example folder whose files `-f NAME` reads. */
  dir: string;
  steps: CaseStep[];
}

export interface Failure {
  /** Which property: `exception`, `internal-error`, `slow`, `input-modified`, `not-plain-json`, `invariant`, `nondeterministic`, `unsettled`, `hang`. */
  check: string;
  /** The index of the step it happened in. */
  step: number;
  detail: string;
  /** For exceptions: the first stack frame in the project (`src/…:line`), what distinguishes one crash site from another. */
  site?: string;
  /** For exceptions: the first few project frames, callers after the site. */
  trace?: string[];
}

/** A call longer than this is a failure: the playground must answer a learner at once. */
export const CALL_BUDGET_MS = 2000;

/** Runs a case twice (same seed, same input) and reports every property that failed. */
export function checkCase(c: FuzzCase): Failure[] {
  const first = runOnce(c);
  if (first.failures.some((f) => f.check === 'exception' || f.check === 'slow')) return first.failures;
  const second = runOnce(c);
  const failures = [...first.failures];
  for (let i = 0; i < Math.max(first.transcript.length, second.transcript.length); i++) {
    if (first.transcript[i] !== second.transcript[i]) {
      failures.push({ check: 'nondeterministic', step: i, detail: `same seed and input, different result: ${diffAt(first.transcript[i] ?? '', second.transcript[i] ?? '')}` });
      break;
    }
  }
  return failures;
}

interface Run {
  failures: Failure[];
  /** Per step: everything the call returned, serialised (what "byte-identical" compares). */
  transcript: string[];
}

function runOnce(c: FuzzCase): Run {
  const failures: Failure[] = [];
  const transcript: string[] = [];
  const files = EXAMPLE_DIRS[c.dir] ?? {};
  const read = (p: string) => {
    const name = p.replace(/^\.\//, '');
    return Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
  };
  let state: ClusterState;
  try {
    state = createCluster({ preset: c.preset, seed: c.seed });
  } catch (e) {
    return { failures: [{ check: 'exception', step: -1, ...describeError(e) }], transcript };
  }
  for (let i = 0; i < c.steps.length; i++) {
    const step = c.steps[i]!;
    const before = JSON.stringify(state);
    const started = performance.now();
    let next: ClusterState;
    let record: unknown;
    let internalErrors: string[] = [];
    try {
      if (step.via === 'script') {
        const r = runScript(step.text, { state, files: { read } });
        internalErrors = r.stderr.split('\n').filter((line) => /internal error/i.test(line));
        next = r.state;
        record = { chunks: r.chunks, exitCode: r.exitCode, steps: r.steps };
      } else {
        const r = applyManifest(state, step.text, { mode: step.mode, ...(step.namespace !== undefined ? { namespace: step.namespace } : {}) });
        if (!r.settle.settled) failures.push({ check: 'unsettled', step: i, detail: `the controllers did not settle after ${r.settle.passes} passes` });
        next = r.state;
        record = { result: r.result, steps: r.steps };
      }
    } catch (e) {
      failures.push({ check: 'exception', step: i, ...describeError(e) });
      return { failures, transcript };
    }
    const ms = performance.now() - started;
    if (ms > CALL_BUDGET_MS) failures.push({ check: 'slow', step: i, detail: `the call took ${Math.round(ms)} ms (budget ${CALL_BUDGET_MS} ms)` });
    // A caught crash is still a crash; replaying the step outside the runner's catch names its site (not timed).
    for (const line of internalErrors) failures.push({ check: 'internal-error', step: i, detail: line, ...locateInternalError(step.text, state, { read }) });
    const after = JSON.stringify(state);
    if (after !== before) failures.push({ check: 'input-modified', step: i, detail: `the state passed in was modified: ${firstDifference(JSON.parse(before), JSON.parse(after)) ?? 'somewhere'}` });
    const bad = notPlainJson(next);
    if (bad) failures.push({ check: 'not-plain-json', step: i, detail: bad });
    for (const v of clusterViolations(next)) failures.push({ check: 'invariant', step: i, detail: v });
    transcript.push(JSON.stringify(record) + JSON.stringify(next));
    state = next;
    if (failures.length > 0) break;
  }
  return { failures, transcript };
}

/** The error's message and the first frame in the project's own source (its crash site). */
export function describeError(e: unknown): { detail: string; site?: string; trace?: string[] } {
  const err = e instanceof Error ? e : new Error(String(e));
  const frames = (err.stack ?? '').split('\n').slice(1);
  const ours = frames.map((l) => /(src\/[^\s:()]+\.ts):(\d+)/.exec(l)).filter((m) => m !== null);
  const trace = ours.slice(0, 4).map((m) => `${m[1]}:${m[2]}`);
  return { detail: `${err.name}: ${err.message}`.slice(0, 300), ...(trace.length > 0 ? { site: trace[0]!, trace } : {}) };
}

function diffAt(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at character ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}
