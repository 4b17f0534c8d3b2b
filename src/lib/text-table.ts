// Column layout the way kubectl does it: a port of Go's text/tabwriter (elastic tabstops).
//
// Text is cut into cells at tabs. A cell ended by a tab belongs to a column; the text after the
// last tab of a line does not, and is written as is (so the last column never gets trailing
// spaces). A column is aligned over a *block*: a run of consecutive lines that all have a cell in
// that column. A line with fewer tab-terminated cells ends the block, so alignment restarts
// below it. This is what makes `kubectl describe` sections line up the way they do.

export interface TabwriterOptions {
  /** Minimal width of a column, padding included. */
  minWidth: number;
  /** Spaces added to the widest cell of a column. */
  padding: number;
}

/** `kubectl get`: `printers.GetNewTabWriter` (minwidth 6, padding 3). */
export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** `kubectl describe`: `tabbedString` (minwidth 0, padding 2). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/**
 * Lays out text with tab-separated cells. Lines are separated by `\n`; the result keeps the
 * input's line structure (a trailing `\n` stays a trailing `\n`).
 */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const cellWidth = (cell: string): number => [...cell].length;

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      let text = '';
      for (let j = 0; j < line.length; j++) {
        const cell = line[j] ?? '';
        text += cell;
        const width = widths[j];
        if (j < line.length - 1 && width !== undefined) {
          text += ' '.repeat(Math.max(0, width - cellWidth(cell)));
        }
      }
      out.push(text);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current] ?? []).length - 1) continue;
      // This line starts a block of lines that have a cell in this column.
      writeLines(line0, current);
      line0 = current;
      let width = options.minWidth;
      for (; current < line1; current++) {
        const line = lines[current] ?? [];
        if (column >= line.length - 1) break;
        const w = cellWidth(line[column] ?? '') + options.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/**
 * A `kubectl get` table: headers and rows joined by tabs and laid out like kubectl (columns
 * padded to the widest cell plus 3 spaces, at least 6 wide; no trailing spaces after the last
 * column). Every line ends with `\n`. An empty `headers` array prints the rows only
 * (`--no-headers`).
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = headers.length > 0 ? [headers, ...rows] : [...rows];
  if (all.length === 0) return '';
  const text = all.map((row) => row.join('\t')).join('\n') + '\n';
  return tabwrite(text, GET_TABWRITER);
}
