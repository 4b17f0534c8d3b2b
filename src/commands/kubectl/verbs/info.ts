// `kubectl api-resources` and `kubectl version`.
import { ALL_KINDS, KINDS } from '../../../engine/index.ts';
import { formatTable } from '../../../lib/text-table.ts';
import { output, type CommandOutput } from '../../types.ts';
import type { KubectlContext } from '../context.ts';

export function apiResourcesVerb(ctx: KubectlContext): CommandOutput {
  const rows = ALL_KINDS.map((k) => KINDS[k])
    .sort((a, b) => (a.group === b.group ? a.plural.localeCompare(b.plural) : a.group.localeCompare(b.group)))
    .map((i) => [i.plural, i.shortNames.join(','), i.apiVersion, String(i.namespaced), i.kind]);
  return output(ctx.state, { stdout: formatTable(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows) });
}

export function versionVerb(ctx: KubectlContext): CommandOutput {
  return output(ctx.state, { stdout: 'Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n' });
}
