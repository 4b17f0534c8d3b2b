// `-o yaml`, `-o json`, `-o name`: kubectl prints objects as the server returns them
// (map keys sorted), lists as a `v1/List`; `-o jsonpath=…` and `-o custom-columns=…` read the same
// JSON. Which printer `-o` means is chosen here, in kubectl's order.
import { DEFAULT_SCALAR_STYLE_RULES, SCALAR_STYLE, YAML11_SCHEMA, dump } from 'js-yaml';
import { resourcePrefix, type AnyStored } from '../../engine/index.ts';
import { goQuote } from '../../engine/api/go-strings.ts';
import { JsonPath, JsonPathRuntimeError, JsonPathSyntaxError, goSharpV, type GoValue } from './jsonpath/index.ts';
import { columnsFromSpec, columnsFromTemplate, printCustomColumns, type CustomColumn } from './printers/custom-columns.ts';

/** YAML as kubectl prints it: sorted keys, list items not indented, `"yes"` quoted (YAML 1.1). */
export function toYaml(value: unknown): string {
  return dump(value, { sortKeys: true, seqNoIndent: true, lineWidth: -1, quoteStyle: 'single', schema: YAML11_SCHEMA, noRefs: true, scalarStyleRules: GO_YAML_STYLE_RULES });
}

type ScalarLayout = Parameters<(typeof DEFAULT_SCALAR_STYLE_RULES)['quoteInvalidPlain']>[0];

/**
 * go-yaml's choice of quotes: a string that would read back as another type (`"3"`, `"true"`,
 * `""`, a timestamp) is double-quoted; one that only breaks plain syntax (`"true"` with its
 * quotes, `*:6379`, `a: b`) is single-quoted, as the emitter falls back from plain to single
 * (so `--from-env-file` with `allowed="true"` prints `allowed: '"true"'`).
 */
function goQuoteStyle(layout: ScalarLayout): void {
  if (layout.style !== SCALAR_STYLE.PLAIN || (layout.allowedStylesMask & (1 << SCALAR_STYLE.PLAIN)) !== 0) return;
  const resolved = layout.presenterOptions.schema.resolveImplicitScalarTag(layout.node.value).tag.tagName;
  const otherType = !layout.node.tagged && resolved !== layout.node.tag;
  const singleAllowed = (layout.allowedStylesMask & (1 << SCALAR_STYLE.SINGLE_QUOTED)) !== 0;
  layout.style = otherType || !singleAllowed ? SCALAR_STYLE.DOUBLE_QUOTED : SCALAR_STYLE.SINGLE_QUOTED;
}

const GO_YAML_STYLE_RULES = Object.entries(DEFAULT_SCALAR_STYLE_RULES).map(([name, rule]) => (name === 'quoteInvalidPlain' ? goQuoteStyle : rule));

/** JSON as kubectl prints it: 4-space indent, sorted keys, trailing newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

export function asList(items: readonly AnyStored[]): unknown {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function nameOf(obj: AnyStored): string {
  return `${resourcePrefix(obj.kind)}/${obj.metadata.name}`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Choosing the printer from `-o`, as kubectl get's PrintFlags.ToPrinter does: template formats
// first (jsonpath…, go-template…), then json/yaml, the human table, custom columns, name.

/** A printer kubectl would pick for `-o`. */
export type OutputPrinter =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; path: JsonPath; asJson: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[]; noHeaders: boolean };

export interface PrinterFlags {
  /** `-o` as typed ('' when absent). */
  output: string;
  /** `--template`. */
  template: string;
  noHeaders: boolean;
  /** `--allow-missing-template-keys` (default true). */
  allowMissingKeys: boolean;
  /** Reads `-o jsonpath-file=` and `custom-columns-file=` files. */
  read: (path: string) => string | undefined;
}

const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'];
const GO_TEMPLATE_FORMATS = ['template', 'go-template', 'go-template-file', 'templatefile'];
const COLUMNS_FORMATS = ['custom-columns-file', 'custom-columns'];

/** kubectl get's AllowedFormats (KUBECTL_KYAML unset, as by default in 1.34), sorted as its error sorts them. */
export const GET_OUTPUT_FORMATS = [
  'json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile',
  'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'wide',
].sort();

type Chosen = { ok: true; printer: OutputPrinter } | { ok: false; error: string };

/** `FORMAT=VALUE` split for one family of template formats, or undefined when `-o` is not one of them. */
function splitTemplateFormat(output: string, template: string, formats: readonly string[]): { format: string; value: string } | undefined {
  let format = output;
  let value = template;
  if (template === '') {
    const hit = formats.find((f) => output.startsWith(`${f}=`));
    if (hit) {
      value = output.slice(hit.length + 1);
      format = hit;
    }
  }
  return formats.includes(format) ? { format, value } : undefined;
}

const noSuchFile = (path: string) => `open ${path}: no such file or directory`;

export function choosePrinter(flags: PrinterFlags): Chosen {
  // A --template without -o means a Go template.
  const output = flags.template !== '' && flags.output === '' ? 'go-template' : flags.output;
  if (flags.template !== '' || output !== '') {
    const jp = splitTemplateFormat(output, flags.template, JSONPATH_FORMATS);
    if (jp) {
      if (jp.value === '') return { ok: false, error: 'template format specified but no template given' };
      let text = jp.value;
      if (jp.format === 'jsonpath-file') {
        const read = flags.read(jp.value);
        if (read === undefined) return { ok: false, error: `error reading --template ${jp.value}, ${noSuchFile(jp.value)}` };
        text = read;
      }
      try {
        const path = new JsonPath(text, { allowMissingKeys: flags.allowMissingKeys });
        return { ok: true, printer: { kind: 'jsonpath', template: text, path, asJson: jp.format === 'jsonpath-as-json' } };
      } catch (err) {
        if (err instanceof JsonPathSyntaxError) return { ok: false, error: `error parsing jsonpath ${text}, ${err.message}` };
        throw err;
      }
    }
    const gt = splitTemplateFormat(output, flags.template, GO_TEMPLATE_FORMATS);
    if (gt) {
      if (gt.value === '') return { ok: false, error: 'template format specified but no template given' };
      // The playground does not run Go templates; say so rather than print something else.
      return { ok: false, error: `${gt.format} output is not simulated by the playground; use -o jsonpath=… or -o custom-columns=…` };
    }
  }
  const lower = output.toLowerCase();
  if (lower === 'json' || lower === 'yaml') return { ok: true, printer: { kind: lower } };
  if (output === '' || output === 'wide') return { ok: true, printer: { kind: 'table', wide: output === 'wide' } };
  const cc = output === '' ? undefined : splitTemplateFormat(output, flags.template, COLUMNS_FORMATS);
  if (cc) {
    if (cc.value === '') return { ok: false, error: 'custom-columns format specified but no custom columns given' };
    if (cc.format === 'custom-columns-file') {
      const read = flags.read(cc.value);
      // kubectl's message ends with its own newline.
      if (read === undefined) return { ok: false, error: `error reading template ${cc.value}, ${noSuchFile(cc.value)}\n` };
      const columns = columnsFromTemplate(read);
      return columns.ok ? { ok: true, printer: { kind: 'custom-columns', columns: columns.columns, noHeaders: false } } : columns;
    }
    const columns = columnsFromSpec(cc.value);
    return columns.ok ? { ok: true, printer: { kind: 'custom-columns', columns: columns.columns, noHeaders: flags.noHeaders } } : columns;
  }
  if (lower === 'name') return { ok: true, printer: { kind: 'name' } };
  return {
    ok: false,
    error: `unable to match a printer suitable for the output format ${goQuote(output)}, allowed formats are: ${GET_OUTPUT_FORMATS.join(',')}`,
  };
}

/**
 * What a non-table printer writes for `data` (one object, or a `List` of several). A printer
 * that fails keeps what it wrote before the failure and gives kubectl's message (without `error: `).
 */
export function printWith(printer: Exclude<OutputPrinter, { kind: 'table' }>, data: unknown): { stdout: string; error?: string } {
  const items = isList(data) ? (data.items as AnyStored[]) : [data as AnyStored];
  switch (printer.kind) {
    case 'json':
      return { stdout: toJson(data) };
    case 'yaml':
      return { stdout: toYaml(data) };
    case 'name':
      return { stdout: items.map((o) => nameOf(o) + '\n').join('') };
    case 'custom-columns': {
      const out = printCustomColumns(printer.columns, items as unknown as GoValue[], printer.noHeaders);
      return { stdout: out.text, ...(out.error ? { error: out.error } : {}) };
    }
    case 'jsonpath':
      try {
        return { stdout: printer.path.execute(data as GoValue, printer.asJson) };
      } catch (err) {
        if (!(err instanceof JsonPathRuntimeError)) throw err;
        const error =
          `error executing jsonpath ${goQuote(printer.template)}: Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${printer.template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(data as GoValue)}\n\n\n`;
        return { stdout: '', error };
      }
  }
}

function isList(data: unknown): data is { items: unknown[] } {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'List' && Array.isArray((data as { items?: unknown }).items);
}
