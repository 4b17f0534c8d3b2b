// `kubectl get`: tables, -o wide|yaml|json|name, -l, --show-labels, -A, --field-selector.
import { getObject, listObjects, resourcePrefix, type AnyStored, type KindInfo } from '../../../engine/index.ts';
import { buildTable, noResourcesFound, type PrintableKind, type PrintableObjects, type TableOptions } from '../printers/index.ts';
import { formatTable } from '../../../lib/text-table.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { asList, nameOf, toJson, toYaml } from '../output-formats.ts';
import { parseResourceArgs } from '../resources.ts';
import { getOwn } from '../../../lib/own.ts';

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
  // Selectors go to the server as typed; it parses them and refuses bad ones (BadRequest).
  const labelSelector = flag(ctx.flags, 'selector')?.trim() ?? '';
  const fieldSelector = flag(ctx.flags, 'field-selector')?.trim() ?? '';
  if ((labelSelector || fieldSelector) && parsed.targets.some((t) => t.names.length > 0)) {
    return output(ctx.state, { stderr: clientError('name cannot be provided when a selector is specified') + '\n', exitCode: 1 });
  }
  // --watch-only prints only changes made after it starts; a script's next line never runs
  // while it waits, so what it shows is nothing.
  if (isSet(ctx.flags, 'watch-only')) return output(ctx.state, {});

  const stdout: string[] = [];
  const stderr: string[] = [];
  const found: AnyStored[] = [];
  const tables: string[] = [];
  for (const { info, names } of parsed.targets) {
    let objects: AnyStored[];
    if (names.length > 0) {
      objects = [];
      for (const name of names) {
        const got = getObject(ctx.api, info.kind, ctx.namespace, name);
        if (got.ok) objects.push(got.value);
        else if (!(got.error.reason === 'NotFound' && isSet(ctx.flags, 'ignore-not-found'))) stderr.push(formatApiError(got.error));
      }
    } else {
      const listed = listObjects(ctx.api, info.kind, { ...(ctx.allNamespaces ? {} : { namespace: ctx.namespace }), labelSelector, fieldSelector });
      if (!listed.ok) {
        stderr.push(listError(listed.error, info, labelSelector, fieldSelector));
        return output(ctx.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: 1 });
      }
      objects = listed.value;
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
    rows = rows.map((r, i) => [...r.slice(0, at), ...labelColumns.map((k) => getOwn(objects[i]!.metadata.labels, k) ?? ''), ...r.slice(at)]);
  }
  return formatTable(options.noHeaders ? [] : headers, rows);
}

/** Every object of a kind in a namespace (or all), through the read door. */
export function listKind(ctx: Pick<KubectlContext, 'api'>, info: KindInfo, namespace: string | undefined): AnyStored[] {
  const listed = listObjects(ctx.api, info.kind, namespace === undefined ? {} : { namespace });
  return listed.ok ? listed.value : [];
}
