// `kubectl api-resources` and `kubectl version`.
import { ALL_KINDS, KINDS } from '../../../engine/index.ts';
import { formatTable } from '../../../lib/text-table.ts';
import { output, type CommandOutput } from '../../types.ts';
import type { KubectlContext } from '../context.ts';
import { clientError, usageErrorf } from '../errors.ts';
import { flag, isSet } from '../flags.ts';

export function apiResourcesVerb(ctx: KubectlContext): CommandOutput {
  // Go's %v of a []string: `[a b]`.
  if (ctx.flags.args.length > 0) return output(ctx.state, { stderr: usageErrorf('api-resources', `unexpected arguments: [${ctx.flags.args.join(' ')}]`) + '\n', exitCode: 1 });
  const sortBy = flag(ctx.flags, 'sort-by') ?? '';
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') return output(ctx.state, { stderr: clientError('--sort-by accepts only name or kind') + '\n', exitCode: 1 });
  // Filters apply only when the flag was given (cobra's Changed), so `--namespaced=false` lists cluster-scoped kinds.
  const group = flag(ctx.flags, 'api-group');
  const namespaced = flag(ctx.flags, 'namespaced');
  const key = (i: (typeof KINDS)[keyof typeof KINDS]) => (sortBy === 'name' ? i.plural : sortBy === 'kind' ? i.kind : i.group);
  const rows = ALL_KINDS.map((k) => KINDS[k])
    .filter((i) => (group === undefined || i.group === group) && (namespaced === undefined || String(i.namespaced) === namespaced))
    // Discovery lists each group's resources by name; kubectl then sorts stably by the chosen field.
    .sort((a, b) => (a.group === b.group ? a.plural.localeCompare(b.plural) : a.group.localeCompare(b.group)))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((i) => [i.plural, i.shortNames.join(','), i.apiVersion, String(i.namespaced), i.kind]);
  const headers = isSet(ctx.flags, 'no-headers') ? [] : ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  return output(ctx.state, { stdout: formatTable(headers, rows) });
}

export function versionVerb(ctx: KubectlContext): CommandOutput {
  // version's Validate; with --client, Complete returns before it keeps the arguments.
  const client = isSet(ctx.flags, 'client');
  if (!client && ctx.flags.args.length > 0) return output(ctx.state, { stderr: clientError(`extra arguments: [${ctx.flags.args.join(' ')}]`) + '\n', exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  if (format !== undefined && format !== '' && format !== 'yaml' && format !== 'json') {
    return output(ctx.state, { stderr: clientError("--output must be 'yaml' or 'json'") + '\n', exitCode: 1 });
  }
  return output(ctx.state, { stdout: `Client Version: v1.34.0\nKustomize Version: v5.7.1\n${client ? '' : 'Server Version: v1.34.0\n'}` });
}
