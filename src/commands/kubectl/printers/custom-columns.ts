// `-o custom-columns=HEADER:FIELD,…` and `-o custom-columns-file=FILE`: kubectl's
// CustomColumnsPrinter. Each cell is every result of the column's jsonpath as Go's fmt.Sprint
// prints it, joined by commas, or `<none>`; columns are laid out by kubectl's tabwriter.
import { GET_TABWRITER, tabwrite } from '../../../lib/text-table.ts';
import { JsonPath, JsonPathRuntimeError, JsonPathSyntaxError, goSprint, type GoValue } from '../jsonpath/index.ts';
import { escapeTerminal } from './format.ts';
import { relaxedJsonPath } from './sort-by.ts';

export interface CustomColumn {
  header: string;
  /** The column's jsonpath, relaxed to `{.a.b}`. */
  fieldSpec: string;
}

export type ColumnsResult = { ok: true; columns: CustomColumn[] } | { ok: false; error: string };

/** NewCustomColumnsPrinterFromSpec: `NAME:.metadata.name,CAPACITY:.spec.capacity.storage`. */
export function columnsFromSpec(spec: string): ColumnsResult {
  if (spec === '') return { ok: false, error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { ok: false, error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const relaxed = relaxedJsonPath(part.slice(colon + 1));
    if (!relaxed.ok) return relaxed;
    columns.push({ header: part.slice(0, colon), fieldSpec: relaxed.value });
  }
  return { ok: true, columns };
}

const TEMPLATE_HELP = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** NewCustomColumnsPrinterFromTemplate: a line of headers, then a line of field specs, split on white space. */
export function columnsFromTemplate(text: string): ColumnsResult {
  // bufio.Scanner lines: split at \n, dropping a \r before it.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.endsWith('\n')) lines.pop();
  if (lines.length < 1 || text === '') return { ok: false, error: `invalid template, missing header line. ${TEMPLATE_HELP}` };
  if (lines.length < 2) return { ok: false, error: `invalid template, missing spec line. ${TEMPLATE_HELP}` };
  const words = (line: string) => line.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter(Boolean);
  const headers = words(lines[0]!);
  const specs = words(lines[1]!);
  if (headers.length !== specs.length) {
    return { ok: false, error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  }
  const columns: CustomColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const relaxed = relaxedJsonPath(specs[i]!);
    if (!relaxed.ok) return relaxed;
    columns.push({ header: headers[i]!, fieldSpec: relaxed.value });
  }
  return { ok: true, columns };
}

/**
 * The table for `objects` (each item of a list, or the one object). What was printed before an
 * error is kept, as kubectl flushes its tabwriter on the way out; `error` is kubectl's message.
 */
export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly GoValue[], noHeaders: boolean): { text: string; error?: string } {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  const done = (error?: string) => ({ text: lines.length ? tabwrite(lines.join('\n') + '\n', GET_TABWRITER) : '', ...(error ? { error } : {}) });
  let parsers: JsonPath[];
  try {
    parsers = columns.map((c) => new JsonPath(c.fieldSpec, { allowMissingKeys: true }));
  } catch (err) {
    if (err instanceof JsonPathSyntaxError) return done(err.message);
    throw err;
  }
  for (const obj of objects) {
    const cells: string[] = [];
    for (const parser of parsers) {
      let groups: GoValue[][];
      try {
        groups = parser.findResults(obj);
      } catch (err) {
        if (err instanceof JsonPathRuntimeError) return done(err.message);
        throw err;
      }
      const values = groups.length === 0 || groups[0]!.length === 0 ? ['<none>'] : [];
      for (const group of groups) for (const v of group) values.push(escapeTerminal(goSprint(v)));
      cells.push(values.join(','));
    }
    lines.push(cells.join('\t'));
  }
  return done();
}
