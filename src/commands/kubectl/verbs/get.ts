// `kubectl get`: tables, -o wide|yaml|json|name, -l, --show-labels, -A, --field-selector.
import { objectKey, resourcePrefix, parseSelector, selectorMatches, type AnyStored, type ClusterState, type KindInfo } from '../../../engine/index.ts';
import { buildTable, noResourcesFound, type PrintableKind, type PrintableObjects, type TableOptions } from '../printers/index.ts';
import { formatTable } from '../../../lib/text-table.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { asList, nameOf, toJson, toYaml } from '../output-formats.ts';
import { parseResourceArgs } from '../resources.ts';
import { filterByFieldSelector } from './field-selector.ts';

const OUTPUTS = ['wide', 'yaml', 'json', 'name'];

export function getVerb(ctx: KubectlContext): CommandOutput {
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return output(ctx.state, { stderr: clientError(parsed.error) + '\n', exitCode: 1 });
  if (parsed.targets.length === 0) {
    return output(ctx.state, {
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      exitCode: 1,
    });
  }
  const format = flag(ctx.flags, 'output');
  if (format !== undefined && !OUTPUTS.includes(format)) {
    return output(ctx.state, {
      stderr: clientError(`unable to match a printer suitable for the output format "${format}", allowed formats are: json,name,wide,yaml`) + '\n',
      exitCode: 1,
    });
  }
  const selectorText = flag(ctx.flags, 'selector');
  const selector = selectorText !== undefined ? parseSelector(selectorText) : undefined;
  if (selector && !selector.ok) return output(ctx.state, { stderr: clientError(selector.error) + '\n', exitCode: 1 });

  const stdout: string[] = [];
  const stderr: string[] = [];
  const found: AnyStored[] = [];
  const tables: string[] = [];
  for (const { info, names } of parsed.targets) {
    let objects: AnyStored[];
    if (names.length > 0) {
      objects = [];
      for (const name of names) {
        const obj = ctx.state.objects[info.kind]?.[objectKey(info.kind, ctx.namespace, name)];
        if (obj) objects.push(obj);
        else stderr.push(formatApiError({ reason: 'NotFound', message: `${info.plural}${info.group ? `.${info.group}` : ''} "${name}" not found` }));
      }
    } else {
      objects = listKind(ctx.state, info, ctx.allNamespaces ? undefined : ctx.namespace);
    }
    if (selector?.ok) objects = objects.filter((o) => selectorMatches({ matchExpressions: selector.requirements }, o.metadata.labels));
    const fieldSelector = flag(ctx.flags, 'field-selector');
    if (fieldSelector) {
      const r = filterByFieldSelector(objects, fieldSelector);
      if (!r.ok) return output(ctx.state, { stderr: clientError(r.error) + '\n', exitCode: 1 });
      objects = r.objects;
    }
    found.push(...objects);
    if (!format || format === 'wide') {
      const text = renderTable(
        info,
        objects,
        {
          now: ctx.state.now,
          wide: format === 'wide',
          showLabels: isSet(ctx.flags, 'show-labels'),
          allNamespaces: ctx.allNamespaces && info.namespaced,
          noHeaders: isSet(ctx.flags, 'no-headers'),
        },
        parsed.targets.length > 1,
        (ctx.flags.values['label-columns'] ?? []).flatMap((v) => v.split(',')).filter(Boolean),
      );
      if (text) tables.push(text);
    }
  }
  const single = parsed.targets.length === 1 && parsed.targets[0]!.names.length === 1;
  if (format === 'yaml') {
    if (found.length > 0 || !single) stdout.push((single ? toYaml(found[0]) : toYaml(asList(found))).trimEnd());
  } else if (format === 'json') {
    if (found.length > 0 || !single) stdout.push((single ? toJson(found[0]) : toJson(asList(found))).trimEnd());
  } else if (format === 'name') {
    stdout.push(...found.map(nameOf));
  } else {
    stdout.push(...tables.map((t) => t.trimEnd()).join('\n\n').split('\n').filter((l, i, all) => l !== '' || i < all.length - 1));
  }
  const anyNames = parsed.targets.some((t) => t.names.length > 0);
  if (found.length === 0 && !anyNames && !format?.match(/yaml|json/)) {
    const namespaced = parsed.targets.some((t) => t.info.namespaced);
    stderr.push(noResourcesFound(namespaced && !ctx.allNamespaces ? ctx.namespace : undefined));
  }
  const failed = stderr.some((l) => l.startsWith('Error') || l.startsWith('error'));
  return output(ctx.state, { stdout: lines(stdout.filter((l, i) => !(l === '' && i === stdout.length - 1))), stderr: lines(stderr), exitCode: failed ? 1 : 0 });
}

export function listKind(state: ClusterState, info: KindInfo, namespace: string | undefined): AnyStored[] {
  const table = state.objects[info.kind] ?? {};
  return Object.keys(table)
    .sort()
    .map((k) => table[k]!)
    .filter((o) => !info.namespaced || namespace === undefined || o.metadata.namespace === namespace);
}

/** With several kinds in one `get`, kubectl prefixes each name with its resource (`persistentvolume/example-pv`). */
function renderTable(info: KindInfo, objects: AnyStored[], options: TableOptions, prefixed: boolean, labelColumns: readonly string[]): string {
  if (objects.length === 0) return '';
  const table = buildTable(info.kind as PrintableKind, objects as PrintableObjects[PrintableKind][], options);
  const nameIndex = table.headers.indexOf('NAME');
  let headers = table.headers;
  let rows = prefixed ? table.rows.map((r) => r.map((cell, i) => (i === nameIndex ? `${resourcePrefix(info.kind)}/${cell}` : cell))) : table.rows;
  if (labelColumns.length > 0) {
    // `-L key`: one column per label, headed by the key's last segment in capitals, before LABELS.
    const at = options.showLabels ? headers.length - 1 : headers.length;
    const extraHeaders = labelColumns.map((k) => k.slice(k.lastIndexOf('/') + 1).toUpperCase());
    headers = [...headers.slice(0, at), ...extraHeaders, ...headers.slice(at)];
    rows = rows.map((r, i) => [...r.slice(0, at), ...labelColumns.map((k) => objects[i]!.metadata.labels?.[k] ?? ''), ...r.slice(at)]);
  }
  return formatTable(options.noHeaders ? [] : headers, rows);
}
