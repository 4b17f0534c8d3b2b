// `kubectl delete KIND NAME…`, `-f FILE`, `-l SELECTOR`, `--all`.
import {
  act,
  deleteObject,
  objectKey,
  parseManifestText,
  parseSelector,
  selectorMatches,
  resolveResource,
  resourcePrefix,
  type AnyStored,
  type Kind,
} from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { listKind } from './get.ts';

interface Target {
  kind: Kind;
  namespace: string;
  name: string;
  plural: string;
}

export function deleteVerb(ctx: KubectlContext): CommandOutput {
  const stderr: string[] = [];
  const targets: Target[] = [];
  const files = ctx.flags.values['filename'] ?? [];
  if (files.length > 0) {
    for (const file of files) {
      const text = file === '-' ? ctx.input.stdin ?? '' : ctx.input.files.read(file);
      if (text === undefined) {
        stderr.push(clientError(`the path "${file}" does not exist`));
        continue;
      }
      for (const doc of parseManifestText(text)) {
        const v = doc.value as { kind?: string; metadata?: { name?: string; namespace?: string } } | undefined;
        const info = v?.kind ? resolveResource(v.kind) : undefined;
        if (!info || !v?.metadata?.name) continue;
        targets.push({ kind: info.kind, namespace: v.metadata.namespace ?? ctx.namespace, name: v.metadata.name, plural: info.plural });
      }
    }
  } else {
    const parsed = parseResourceArgs(ctx.flags.args);
    if (!parsed.ok) return output(ctx.state, { stderr: clientError(parsed.error) + '\n', exitCode: 1 });
    if (parsed.targets.length === 0) {
      return output(ctx.state, { stderr: 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'\n', exitCode: 1 });
    }
    const selectorText = flag(ctx.flags, 'selector');
    for (const { info, names } of parsed.targets) {
      if (names.length > 0) {
        for (const name of names) targets.push({ kind: info.kind, namespace: ctx.namespace, name, plural: info.plural });
        continue;
      }
      if (!selectorText && !isSet(ctx.flags, 'all')) {
        return output(ctx.state, { stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 });
      }
      let objects: AnyStored[] = listKind(ctx.state, info, ctx.allNamespaces ? undefined : ctx.namespace);
      if (selectorText) {
        const sel = parseSelector(selectorText);
        if (!sel.ok) return output(ctx.state, { stderr: clientError(sel.error) + '\n', exitCode: 1 });
        objects = objects.filter((o) => selectorMatches({ matchExpressions: sel.requirements }, o.metadata.labels));
      }
      for (const o of objects) targets.push({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name, plural: info.plural });
      if (objects.length === 0) stderr.push(info.namespaced && !ctx.allNamespaces ? `No resources found` : 'No resources found');
    }
  }
  const stdout: string[] = [];
  const r = act(
    ctx.state,
    () => `user ran kubectl delete ${targets.map((t) => `${t.kind.toLowerCase()} ${t.name}`).join(', ')}`,
    (txn) => {
      for (const t of targets) {
        const res = deleteObject(txn, t.kind, objectKey(t.kind, t.namespace, t.name));
        if (res.ok) stdout.push(`${resourcePrefix(t.kind)} "${t.name}" deleted`);
        else stderr.push(formatApiError(res.error, files.length > 0 ? { verb: 'deleting', source: files[0]! } : undefined));
      }
    },
  );
  const failed = stderr.some((l) => !l.startsWith('No resources'));
  return output(r.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: failed ? 1 : 0, steps: r.steps });
}
