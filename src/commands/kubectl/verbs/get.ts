// `kubectl get`: tables, -o wide|yaml|json|name|jsonpath=…|custom-columns=…, --sort-by, -l,
// --show-labels, -A, --field-selector.
import { getObject, listObjects, resourcePrefix, type AnyStored, type KindInfo } from '../../../engine/index.ts';
import { buildTable, noResourcesFound, type PrintableKind, type PrintableObjects, type TableOptions } from '../printers/index.ts';
import { formatTable } from '../../../lib/text-table.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { asList, choosePrinter, printWith } from '../output-formats.ts';
import { parseResourceArgs } from '../resources.ts';
import { filesToGet, type GetTarget } from './get-files.ts';
import { klogExit, relaxedJsonPath, sortOrder } from '../printers/sort-by.ts';
import { sortResponses, type Response } from './get-sort.ts';
import { expandAllCategory } from './get-all.ts';
import { getWatch } from './get-watch.ts';
import { checkErr as builderCheckErr } from '../resource-builder.ts';
import type { GoValue } from '../jsonpath/index.ts';
import { getOwn } from '../../../lib/own.ts';
import { deprecationWarnings } from '../deprecation-warnings.ts';

export function getVerb(ctx: KubectlContext): CommandOutput {
  const result = getCommand(ctx);
  // GetOptions.Complete warns before anything else that a watch ignores --sort-by for what follows.
  const sortBy = flag(ctx.flags, 'sort-by') ?? '';
  const warning = sortBy === '' ? '' : isSet(ctx.flags, 'watch') ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n' : isSet(ctx.flags, 'watch-only') ? 'warning: --watch-only requested, --sort-by will be ignored\n' : '';
  // Warning headers arrive with the responses, after Complete's own warnings.
  const parsed = parseResourceArgs(expandAllCategory(ctx.flags.args));
  const deprecated = parsed.ok ? deprecationWarnings(parsed.targets.map((t) => t.info.kind)) : '';
  if (deprecated) {
    // The server's warning is written as its response arrives, before the table.
    const rest = result.chunks ?? [{ stream: 'stdout' as const, text: result.stdout }, { stream: 'stderr' as const, text: result.stderr }];
    return output(result.state, { chunks: [{ stream: 'stderr', text: warning + deprecated }, ...rest], exitCode: result.exitCode, steps: result.steps });
  }
  return warning ? { ...result, stderr: warning + result.stderr } : result;
}

function getCommand(ctx: KubectlContext): CommandOutput {
  const fromFiles = filesToGet(ctx);
  if (fromFiles && !fromFiles.ok) return output(ctx.state, { stderr: fromFiles.stderr, exitCode: 1 });
  const parsed = fromFiles ? { ok: true as const, targets: fromFiles.targets } : parseResourceArgs(expandAllCategory(ctx.flags.args));
  if (!parsed.ok) return output(ctx.state, { stderr: clientError(parsed.error) + '\n', exitCode: 1 });
  if (parsed.targets.length === 0 && !fromFiles) {
    return output(ctx.state, {
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      exitCode: 1,
    });
  }
  const outputFlag = flag(ctx.flags, 'output') ?? '';
  // GetOptions.Validate: labels belong to the table.
  if (isSet(ctx.flags, 'show-labels') && outputFlag !== '' && outputFlag !== 'wide') {
    return output(ctx.state, { stderr: clientError(`--show-labels option cannot be used with ${outputFlag} printer`) + '\n', exitCode: 1 });
  }
  const template = flag(ctx.flags, 'template') ?? '';
  const chosen = choosePrinter({
    output: outputFlag,
    template,
    noHeaders: isSet(ctx.flags, 'no-headers'),
    allowMissingKeys: flag(ctx.flags, 'allow-missing-template-keys') !== 'false',
    read: (path) => ctx.input.files.read(path),
  });
  // Only the table (no -o, or -o wide, without --template) is "human readable"; every other
  // printer gets the objects after they are fetched, as one List.
  const human = outputFlag === '' ? template === '' : outputFlag === 'wide';
  const sortBy = flag(ctx.flags, 'sort-by') ?? '';
  // Selectors go to the server as typed; it parses them and refuses bad ones (BadRequest).
  const labelSelector = flag(ctx.flags, 'selector')?.trim() ?? '';
  const fieldSelector = flag(ctx.flags, 'field-selector')?.trim() ?? '';
  if ((labelSelector || fieldSelector) && parsed.targets.some((t) => t.names.length > 0)) {
    return output(ctx.state, { stderr: clientError('name cannot be provided when a selector is specified') + '\n', exitCode: 1 });
  }
  // -w and --watch-only print the list, then each change (get-watch.ts says how long a script watches).
  if (isSet(ctx.flags, 'watch') || isSet(ctx.flags, 'watch-only')) {
    if (!chosen.ok) return output(ctx.state, { stderr: checkErr(chosen.error), exitCode: 1 });
    return getWatch(ctx, { targets: parsed.targets as GetTarget[], printer: chosen.printer, labelSelector, fieldSelector });
  }

  const stdout: string[] = [];
  const stderr: string[] = [];
  let responses: Response[] = [];
  for (const { info, names, namespace, errorsBefore } of parsed.targets as GetTarget[]) {
    // -f: the resource builder's errors keep their place among the fetches (get-files.ts).
    stderr.push(...(errorsBefore ?? []));
    if (names.length > 0) {
      for (const name of names) {
        const got = getObject(ctx.api, info.kind, namespace ?? ctx.namespace, name);
        if (got.ok) responses.push({ info, objects: [got.value], named: true });
        else if (!(got.error.reason === 'NotFound' && isSet(ctx.flags, 'ignore-not-found'))) stderr.push(formatApiError(got.error));
      }
    } else {
      const listed = listObjects(ctx.api, info.kind, { ...(ctx.allNamespaces ? {} : { namespace: ctx.namespace }), labelSelector, fieldSelector });
      if (!listed.ok) {
        stderr.push(listError(listed.error, info, labelSelector, fieldSelector));
        return output(ctx.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: 1 });
      }
      responses.push({ info, objects: listed.value, named: false });
    }
  }
  if (fromFiles) stderr.push(...fromFiles.errors);
  const found = responses.flatMap((r) => r.objects);
  // With -f, one file (not a kustomization) holding one object is printed as itself (singleItemImplied).
  const single = fromFiles ? fromFiles.singleItemImplied && found.length === 1 : parsed.targets.length === 1 && parsed.targets[0]!.names.length === 1;
  // Names carry their resource when several kinds are shown (multipleGVKsRequested, for -f).
  const prefixed = fromFiles ? new Set(parsed.targets.map((t) => t.info.kind)).size > 1 : parsed.targets.length > 1;
  if (!human && fromFiles && stderr.length > 0) {
    // printGeneric with -f: the errors reduced to one aggregate (a lone one gets `error: `); one file implies one item, so nothing else is printed.
    const errors = builderCheckErr(stderr);
    if (fromFiles.singleItemImplied) return output(ctx.state, { stderr: errors, exitCode: 1 });
    return printGeneric(ctx, chosen, { found, single, sortBy, stderr: errors.split('\n').slice(0, -1) });
  }
  if (!human) return printGeneric(ctx, chosen, { found, single, sortBy, stderr });

  if (sortBy !== '') {
    const sorted = sortResponses(responses, sortBy, ctx.state.now);
    if (!sorted.ok) return output(ctx.state, { stderr: sorted.stderr, exitCode: 1 });
    responses = sorted.responses;
  }
  // Consecutive responses of one kind share a table (kubectl starts a new one when the resource changes).
  const tables: string[] = [];
  for (let i = 0; i < responses.length; ) {
    const info = responses[i]!.info;
    const objects: AnyStored[] = [];
    for (; i < responses.length && responses[i]!.info.kind === info.kind; i++) objects.push(...responses[i]!.objects);
    const text = renderTable(
      info,
      objects,
      {
        now: ctx.state.now,
        wide: outputFlag === 'wide',
        showLabels: isSet(ctx.flags, 'show-labels'),
        allNamespaces: ctx.allNamespaces && info.namespaced,
        noHeaders: isSet(ctx.flags, 'no-headers'),
      },
      prefixed,
      (ctx.flags.values['label-columns'] ?? []).flatMap((v) => v.split(',')).filter(Boolean),
    );
    if (text) tables.push(text);
  }
  stdout.push(...tables.map((t) => t.trimEnd()).join('\n\n').split('\n').filter((l, i, all) => l !== '' || i < all.length - 1));
  // Nothing written and nothing failed: say so (a table left out by a failed sort counts as nothing).
  if (tables.length === 0 && stderr.length === 0 && !isSet(ctx.flags, 'ignore-not-found') && !fromFiles) {
    const namespaced = parsed.targets.some((t) => t.info.namespaced);
    stderr.push(noResourcesFound(namespaced && !ctx.allNamespaces ? ctx.namespace : undefined));
  }
  // With -f every line is an error (the builder's are not prefixed); otherwise "No resources found" is not one.
  const failed = fromFiles ? stderr.length > 0 : stderr.some((l) => l.startsWith('Error') || l.startsWith('error'));
  return output(ctx.state, { stdout: lines(stdout.filter((l, i) => !(l === '' && i === stdout.length - 1))), stderr: lines(stderr), exitCode: failed ? 1 : 0 });
}

/**
 * kubectl's printGeneric: one named object is printed as itself, anything else as a `List`
 * (sorted by --sort-by); nothing at all when a single object was not found, or when
 * --ignore-not-found found nothing. A printer kubectl cannot build is reported instead.
 */
function printGeneric(
  ctx: KubectlContext,
  chosen: ReturnType<typeof choosePrinter>,
  { found, single, sortBy, stderr }: { found: AnyStored[]; single: boolean; sortBy: string; stderr: string[] },
): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: checkErr(message), exitCode: 1 });
  if (single && stderr.length > 0) return output(ctx.state, { stderr: lines(stderr), exitCode: 1 });
  if (found.length === 0 && isSet(ctx.flags, 'ignore-not-found')) return output(ctx.state, { stderr: lines(stderr), exitCode: stderr.length > 0 ? 1 : 0 });
  if (!chosen.ok) return fail(chosen.error);
  if (chosen.printer.kind === 'table') return fail('internal: table printer in the generic path');
  let items = found;
  if (!single && sortBy !== '' && items.length > 0) {
    const relaxed = relaxedJsonPath(sortBy);
    if (!relaxed.ok) return fail(relaxed.error);
    const order = sortOrder(items as unknown as GoValue[], relaxed.value);
    if (!order.ok && order.unsortable) return output(ctx.state, { stderr: klogExit(ctx.state.now, 'sorter.go:329', order.error), exitCode: 1 });
    if (!order.ok) return fail(order.error);
    items = order.order.map((i) => found[i]!);
  }
  const printed = printWith(chosen.printer, single ? items[0] : asList(items));
  const errors = [...stderr.map((l) => l + '\n'), ...(printed.error ? [checkErr(printed.error)] : [])];
  return output(ctx.state, { stdout: printed.stdout, stderr: errors.join(''), exitCode: errors.length > 0 ? 1 : 0 });
}

/** cmdutil.CheckErr: `error: ` and the message, with a newline unless it ends with one. */
function checkErr(message: string): string {
  const text = clientError(message);
  return text.endsWith('\n') ? text : text + '\n';
}

/** With several kinds in one `get`, kubectl prefixes each name with its resource (`persistentvolume/example-pv`). */
function renderTable(info: KindInfo, objects: AnyStored[], options: TableOptions, prefixed: boolean, labelColumns: readonly string[]): string {
  if (objects.length === 0) return '';
  const { headers, rows } = tableCells(info, objects, options, prefixed, labelColumns);
  return formatTable(options.noHeaders ? [] : headers, rows);
}

/** The table's header and cells before layout (`get -w` lays its rows out as they come). */
export function tableCells(info: KindInfo, objects: AnyStored[], options: TableOptions, prefixed: boolean, labelColumns: readonly string[]): { headers: string[]; rows: string[][] } {
  const table = buildTable(info.kind as PrintableKind, objects as PrintableObjects[PrintableKind][], options);
  const nameIndex = table.headers.indexOf('NAME');
  let headers = table.headers;
  let rows = prefixed ? table.rows.map((r) => r.map((cell, i) => (i === nameIndex ? `${resourcePrefix(info.kind)}/${cell}` : cell))) : table.rows;
  if (labelColumns.length > 0) {
    // `-L key`: one column per label, headed by the key's last segment in capitals, before LABELS.
    const at = options.showLabels ? headers.length - 1 : headers.length;
    const extraHeaders = labelColumns.map((k) => k.slice(k.lastIndexOf('/') + 1).toUpperCase());
    headers = [...headers.slice(0, at), ...extraHeaders, ...headers.slice(at)];
    rows = rows.map((r, i) => [...r.slice(0, at), ...labelColumns.map((k) => getOwn(objects[i]!.metadata.labels, k) ?? ''), ...r.slice(at)]);
  }
  return { headers: [...headers], rows: rows.map((r) => [...r]) };
}

/** Every object of a kind in a namespace (or all), through the read door. */
export function listKind(ctx: Pick<KubectlContext, 'api'>, info: KindInfo, namespace: string | undefined): AnyStored[] {
  const listed = listObjects(ctx.api, info.kind, namespace === undefined ? {} : { namespace });
  return listed.ok ? listed.value : [];
}
