// `kubectl delete KIND NAME…`, `-f FILE`, `-l SELECTOR`, `--all`.
import { beforeDelete, parseCascade } from './delete-cascade.ts';
import {
  KINDS,
  act,
  deleteObject,
  objectKey,
  listObjects,
  resourcePrefix,
  type AnyStored,
  type Kind,
} from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { parseGoInt } from '../flag-values.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { dryRunOf, dryRunSuffix, serverDryRun } from '../dry-run.ts';
import type { Txn } from '../../../engine/cluster/store.ts';
import { waitForDeleted } from './delete-wait.ts';
import { parseGoDuration } from '../go-duration.ts';
import { hasKustomize } from '../kustomize/sources.ts';
import { UNSERVED_PATH, checkErr, continueOnError, visitFiles, type ErrTree } from '../resource-builder.ts';

interface Target {
  kind: Kind;
  namespace: string;
  name: string;
  plural: string;
  /** The file that named it, for `error when deleting "FILE"`. */
  source?: string;
}

export function deleteVerb(ctx: KubectlContext): CommandOutput {
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return output(ctx.state, { stderr: clientError(dryRun.error) + '\n', exitCode: 1 });
  const cascade = parseCascade(flag(ctx.flags, 'cascade'));
  if (!cascade.ok) return output(ctx.state, { stderr: clientError(cascade.error) + '\n', exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  if (format !== undefined && format !== 'name') {
    // delete prints names only: any other -o is refused before anything is deleted.
    return output(ctx.state, { stderr: clientError(`unexpected -o output mode: ${format}. We only support '-o name'`) + '\n', exitCode: 1 });
  }
  const stderr: string[] = [];
  const targets: Target[] = [];
  // Errors of objects the files name that could not be deleted, kept in file order among the
  // targets: delete goes on with the others (ContinueOnError) and reports each.
  const unmapped = new Map<number, string[]>();
  // The builder's own errors (documents it could not decode or map), reported after all the others.
  const fromBuilder: ErrTree[] = [];
  const files = ctx.flags.values['filename'] ?? [];
  let kustomizeWarnings = '';
  if (files.length > 0 || hasKustomize(ctx)) {
    // -f's files, or -k's kustomization built into one stream named by its directory, read as
    // kubectl's resource builder reads them (resource-builder.ts).
    const built = visitFiles(ctx);
    if (built && !built.ok) return output(ctx.state, { stderr: built.stderr, exitCode: 1 });
    kustomizeWarnings = built?.warnings ?? '';
    for (const v of built?.visited ?? []) {
      if ('error' in v) {
        fromBuilder.push(v.error);
        continue;
      }
      const o = v.object;
      // Errors the request itself meets, in order among the deletions.
      const refused = o.namespaceError
        ? o.namespaceError
        : o.unversioned
          ? UNSERVED_PATH.replace('): ', `): error when deleting "${o.source}": `)
          : o.name === ''
            ? `error when deleting "${o.source}": resource name may not be empty`
            : undefined;
      if (refused) unmapped.set(targets.length, [...(unmapped.get(targets.length) ?? []), refused]);
      else targets.push({ kind: o.info.kind, namespace: o.namespace, name: o.name, plural: o.info.plural, source: o.source });
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
      if (!selectorText && !flag(ctx.flags, 'field-selector') && !isSet(ctx.flags, 'all')) {
        return output(ctx.state, { stderr: 'error: resource(s) were provided, but no name was specified\n', exitCode: 1 });
      }
      // Selectors go to the server as typed, as for get: it parses them and refuses bad ones.
      const labelSelector = selectorText?.trim() ?? '';
      const fieldSelector = flag(ctx.flags, 'field-selector')?.trim() ?? '';
      const listed = listObjects(ctx.api, info.kind, { ...(ctx.allNamespaces ? {} : { namespace: ctx.namespace }), labelSelector, fieldSelector });
      if (!listed.ok) return output(ctx.state, { stderr: listError(listed.error, info, labelSelector, fieldSelector) + '\n', exitCode: 1 });
      const objects: AnyStored[] = listed.value;
      for (const o of objects) targets.push({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name, plural: info.plural });
    }
  }
  const grace = gracePeriod(ctx);
  // kubectl: --grace-period=0 alone becomes 1 (a safety net); --force alone means 0.
  const immediate = grace === 0;
  // Written before anything is deleted; the errors come after the deletions (ContinueOnError aggregates them).
  const warning = immediate ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' : '';
  const stdout: string[] = [];
  // DeleteOptions.PrintObj: `pod "web" deleted from default namespace`, or `pod/web` with -o name.
  const printed = (t: Target) => {
    if (format === 'name') return `${resourcePrefix(t.kind)}/${t.name}`;
    const where = KINDS[t.kind].namespaced ? ` from ${t.namespace} namespace` : '';
    return `${resourcePrefix(t.kind)} "${t.name}" ${immediate ? 'force deleted' : 'deleted'}${where}${dryRunSuffix(dryRun.value)}`;
  };
  const deleteAll = (txn: Txn) => {
    for (const [i, t] of targets.entries()) {
      stderr.push(...(unmapped.get(i) ?? []));
      // A client dry run sends nothing: every target is "deleted", found or not.
      if (dryRun.value === 'client') {
        stdout.push(printed(t));
        continue;
      }
      beforeDelete(txn, cascade.cascade, t.kind, t.namespace, t.name);
      const res = deleteObject(txn, t.kind, objectKey(t.kind, t.namespace, t.name), grace >= 0 ? { gracePeriodSeconds: grace } : {});
      if (res.ok) stdout.push(printed(t));
      else stderr.push(formatApiError(res.error, t.source !== undefined ? { verb: 'deleting', source: t.source } : undefined));
    }
    stderr.push(...(unmapped.get(targets.length) ?? []));
    // As CheckErr prints ContinueOnError's errors: the builder's aggregate last, `error: ` only on a lone one.
    stderr.splice(0, stderr.length, ...checkErr(continueOnError(stderr, fromBuilder)).split('\n').slice(0, -1));
  };
  const r =
    dryRun.value === 'none'
      ? act(ctx.state, () => `user ran kubectl delete ${targets.map((t) => `${t.kind.toLowerCase()} ${t.name}`).join(', ')}`, deleteAll)
      : { state: ctx.state, steps: [], result: serverDryRun(ctx.state, deleteAll) };
  // --wait (on unless --wait=false): the clock moves until what was deleted is gone (delete-wait.ts).
  const timeout = parseGoDuration(flag(ctx.flags, 'timeout') ?? '0s');
  const deleted = targets.filter((t) => stdout.includes(printed(t)));
  const waited: { state: typeof r.state; steps: typeof r.steps; timedOut?: string } =
    dryRun.value === 'none' && flag(ctx.flags, 'wait') !== 'false' ? waitForDeleted(r.state, deleted, timeout.ok ? timeout.ms : 0) : { state: r.state, steps: [] };
  // RunWait's error comes after every deletion was printed.
  if (waited.timedOut) stderr.push(clientError(waited.timedOut));
  // kubectl prints this on stdout when nothing at all matched (an empty file, a selector matching nothing).
  if (targets.length === 0 && !stderr.some((l) => !l.startsWith('Warning:'))) stdout.push('No resources found');
  const failed = stderr.some((l) => !l.startsWith('Warning:'));
  const chunks: OutputChunk[] = [{ stream: 'stderr', text: cascade.warning + warning + kustomizeWarnings }, { stream: 'stdout', text: lines(stdout) }, { stream: 'stderr', text: lines(stderr) }];
  return output(waited.state, { chunks, exitCode: failed ? 1 : 0, steps: [...r.steps, ...waited.steps] });
}

/** The grace period kubectl sends: -1 (the object's own), 0 (immediate) or N seconds. */
function gracePeriod(ctx: KubectlContext): number {
  const text = flag(ctx.flags, 'grace-period');
  let grace = -1;
  if (text !== undefined) {
    // pflag has already refused a value that is not an int (flag-values.ts).
    grace = Number(parseGoInt(text));
  }
  const force = isSet(ctx.flags, 'force');
  if (isSet(ctx.flags, 'now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace;
}
