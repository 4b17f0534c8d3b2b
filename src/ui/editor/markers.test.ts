import { describe, expect, it } from 'vitest';
import type { Problem } from '../../store/index.ts';
import { markersFor, SEVERITY } from './markers.ts';

const model = (lines: string[]) => ({ getLineCount: () => lines.length, getLineMaxColumn: (l: number) => (lines[l - 1]?.length ?? 0) + 1 });
const problem = (line: number, column: number, severity: Problem['severity'] = 'error'): Problem => ({ line, column, severity, message: 'm', text: `Line ${line}: m` });

describe('markersFor', () => {
  it('underlines from the reported column to the end of the line, as an error', () => {
    const [m] = markersFor([problem(2, 3)], model(['kind: Pod', 'spec:', '  x: 1']));
    expect(m).toEqual({ severity: SEVERITY.error, message: 'm', startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 6, source: 'kubectl apply' });
  });

  it('clamps positions past the end of the text (a syntax error on the trailing empty line)', () => {
    const [m] = markersFor([problem(9, 1)], model(['a: 1', '']));
    expect(m).toMatchObject({ startLineNumber: 2, startColumn: 1, endColumn: 2 });
  });

  it('keeps warnings as warnings', () => {
    expect(markersFor([problem(1, 1, 'warning')], model(['a: 1']))[0]?.severity).toBe(SEVERITY.warning);
  });
});
