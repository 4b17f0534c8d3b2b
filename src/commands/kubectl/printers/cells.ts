// One cell of a `kubectl get` table, without the table: the canvas reads a card's STATUS and
// READY this way, through the same column definitions the table printer uses, and loads only the
// printers of the kinds it draws (table.ts knows every kind).
import type { Column } from './columns.ts';
import { escapeTerminal } from './format.ts';

/**
 * How kubectl's table printer writes a cell: cut at the first line break (tabwriter would treat
 * it as a new line) with `...` appended, and terminal escapes neutralised.
 */
export function printableCell(cell: string): string {
  const cut = cell.search(/[\f\n\r]/);
  return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
}

/** The cell under `header` for one object, as `kubectl get` prints it; '' when the kind has no such column. */
export function cellOf<T>(columns: readonly Column<T>[], header: string, obj: T, now: number): string {
  const column = columns.find((c) => c.header === header);
  return column ? printableCell(column.cell(obj, { now })) : '';
}
