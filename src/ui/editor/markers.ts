// The last apply's problems as Monaco markers: the engine reports 1-based line and column in
// the whole text, which is exactly Monaco's convention. Pure, so it is tested without Monaco.
import type { Problem } from '../../store/index.ts';

/** Marker severities as Monaco numbers them (MarkerSeverity.Warning = 4, Error = 8). */
export const SEVERITY = { warning: 4, error: 8 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
}

export interface ModelLines {
  getLineCount(): number;
  getLineMaxColumn(line: number): number;
}

/** One marker per problem, underlining from its column to the end of its line (clamped to the text). */
export function markersFor(problems: readonly Problem[], model: ModelLines): MarkerData[] {
  const lines = model.getLineCount();
  return problems.map((p) => {
    const line = Math.min(Math.max(1, p.line), lines);
    const end = model.getLineMaxColumn(line);
    const start = Math.min(Math.max(1, p.column), Math.max(1, end - 1));
    return {
      severity: SEVERITY[p.severity],
      message: p.message,
      startLineNumber: line,
      startColumn: start,
      endLineNumber: line,
      endColumn: Math.max(end, start + 1),
      source: 'kubectl apply',
    };
  });
}
