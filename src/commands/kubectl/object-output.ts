// What the verbs that write print (create, run, apply, scale, label, annotate, patch):
// `KIND/NAME OPERATION`, or with `-o` the object itself. Their PrintFlags
// (genericclioptions.PrintFlags) have the JSON/YAML, name and template printers but neither the
// human table (`wide`) nor custom columns, so the printer is chosen as `get` chooses it
// (output-formats.ts) with those two refused in these verbs' own words.
import { resourcePrefix, type AnyStored } from '../../engine/index.ts';
import type { FileSource } from '../types.ts';
import { goQuote } from '../../engine/api/go-strings.ts';
import { choosePrinter, printWith, toJson, toYaml } from './output-formats.ts';
import { toTypedJson } from './typed-json.ts';

/** The formats PrintFlags offers these verbs, in the order its error lists them. */
const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
/** What `get` has and these verbs lack. */
const TABLE_ONLY = ['wide', 'custom-columns', 'custom-columns-file'];

const NO_FILES: FileSource = { read: () => undefined };

type Chosen = ReturnType<typeof choosePrinter>;

function choose(format: string, files: FileSource): Chosen {
  if (TABLE_ONLY.some((f) => format === f || format.startsWith(`${f}=`))) {
    return { ok: false, error: `unable to match a printer suitable for the output format ${goQuote(format)}, allowed formats are: ${ALLOWED}` };
  }
  // These verbs take neither --template nor --allow-missing-template-keys here: the defaults.
  const chosen = choosePrinter({ output: format, template: '', noHeaders: false, allowMissingKeys: true, read: (p) => files.read(p) });
  if (!chosen.ok && chosen.error.startsWith('unable to match a printer')) {
    return { ok: false, error: `unable to match a printer suitable for the output format ${goQuote(format)}, allowed formats are: ${ALLOWED}` };
  }
  return chosen;
}

/**
 * kubectl's error for an `-o` these verbs cannot print (unknown format, a jsonpath that does
 * not parse, a template file that is missing), or undefined. `files` reads `-o jsonpath-file=`.
 */
export function outputFormatError(format: string | undefined, files: FileSource = NO_FILES): string | undefined {
  if (format === undefined || format === '') return undefined;
  const chosen = choose(format, files);
  return chosen.ok ? undefined : chosen.error;
}

/**
 * One object as printed: `operation` is `created`, `configured`, `scaled`… with any dry-run
 * suffix. `typed` says the client holds a Go struct (JSON in field order), not a map (sorted).
 * A jsonpath prints what it selects with no newline of its own, as kubectl does.
 */
export function printObject(obj: AnyStored, format: string | undefined, operation: string, typed: boolean, files: FileSource = NO_FILES): string {
  if (format === undefined || format === '') return `${resourcePrefix(obj.kind)}/${obj.metadata.name} ${operation}\n`;
  // PrintFlags matches json and yaml in any case (`-o JSON`).
  if (format.toLowerCase() === 'json' && typed) return toTypedJson(obj);
  return printData(obj, format, files).stdout;
}

/**
 * An object or a `List` of them printed with `-o` (already checked by outputFormatError); a
 * jsonpath that fails while running gives kubectl's message (without `error: `) as `error`.
 */
export function printData(data: unknown, format: string, files: FileSource = NO_FILES): { stdout: string; error?: string } {
  const lower = format.toLowerCase();
  if (lower === 'yaml') return { stdout: toYaml(data) };
  if (lower === 'json') return { stdout: toJson(data) };
  const chosen = choose(format, files);
  if (!chosen.ok) return { stdout: '', error: chosen.error };
  if (chosen.printer.kind === 'table') return { stdout: '' };
  return printWith(chosen.printer, data);
}
