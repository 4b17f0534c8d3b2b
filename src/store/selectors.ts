// Named selectors: data the views derive from the store (never stored twice). They build new
// arrays, so components call them inside useMemo on the slice they read, not as zustand selectors.

type Event = Stored<'Event'>;
import { viewOf, type AnyStored, type DocumentResult, type Stored } from '../engine/index.ts';
import type { AppState } from './app-store.ts';

export interface Problem {
  line: number;
  column: number;
  /** "Line 7: The PersistentVolumeClaim "data" is invalid: …" */
  text: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Errors and warnings of the last apply, in document order, each with its line. */
export function selectProblems(s: Pick<AppState, 'lastApply'>): Problem[] {
  const report = s.lastApply;
  if (!report) return [];
  // A bug in the engine reads like a CLI's own failure ("error: internal error: …"), never a stack.
  if (report.crash) return [{ line: 1, column: 1, message: report.crash, text: `error: ${report.crash}`, severity: 'error' }];
  return report.results.flatMap(problemsOf);
}

function problemsOf(r: DocumentResult): Problem[] {
  const out: Problem[] = [];
  if (r.error) {
    const { line, column } = r.error.position;
    out.push({ line, column, message: r.error.message, text: `Line ${line}: ${r.error.message}`, severity: 'error' });
  }
  for (const w of r.warnings) {
    out.push({ line: r.startLine, column: 1, message: w, text: `Line ${r.startLine}: Warning: ${w}`, severity: 'warning' });
  }
  return out;
}

/** The selected object as the engine holds it now (undefined when nothing is selected or it is gone). */
export function selectSelectedObject(s: Pick<AppState, 'cluster' | 'selected'>): AnyStored | undefined {
  if (!s.selected) return undefined;
  const { kind, namespace, name } = s.selected;
  return viewOf(s.cluster).get(kind, namespace ? `${namespace}/${name}` : name);
}

/** Every Event, oldest first like `kubectl get events --sort-by=.lastTimestamp` (ties: the order the API server wrote them). */
export function selectEvents(s: Pick<AppState, 'cluster'>): Event[] {
  const events = viewOf(s.cluster).list('Event');
  return [...events].sort((a, b) => time(a) - time(b) || rv(a) - rv(b));
}

function time(e: Event): number {
  const t = Date.parse(e.lastTimestamp ?? e.firstTimestamp ?? '');
  return Number.isNaN(t) ? 0 : t;
}

function rv(e: Event): number {
  return Number(e.metadata?.resourceVersion ?? 0) || 0;
}
