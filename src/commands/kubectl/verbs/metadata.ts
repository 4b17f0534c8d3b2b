// `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, `--overwrite` replaces.
import { act, getObject, listObjects, updateObject } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { getOwn, setOwn } from '../../../lib/own.ts';
import { annotationConflictError, annotationPairsError, labelPairsError, resourcesAndPairs } from './metadata-pairs.ts';
import { dryRunOf, dryRunSuffix, serverDryRun } from '../dry-run.ts';
import { flag } from '../flags.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import type { Txn } from '../../../engine/cluster/store.ts';
import type { KindInfo } from '../../../engine/index.ts';
import { UNSERVED_PATH, checkErr, continueOnError, visitFiles, type ErrTree, type Visited } from '../resource-builder.ts';

export function metadataVerb(ctx: KubectlContext, field: 'labels' | 'annotations'): CommandOutput {
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return output(ctx.state, { stderr: clientError(dryRun.error) + '\n', exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return output(ctx.state, { stderr: clientError(badFormat) + '\n', exitCode: 1 });
  // kubectl checks the command line before it asks the server anything: the pairs, then that
  // there are resources and updates, and only then resolves the resources.
  const split = resourcesAndPairs(ctx.flags.args, field === 'labels' ? 'label' : 'annotation');
  if (!split.ok) return output(ctx.state, { stderr: clientError(split.error) + '\n', exitCode: 1 });
  const { resources, pairs: changes } = split;
  const pairError = field === 'labels' ? labelPairsError(changes) : annotationPairsError(changes);
  if (pairError) return output(ctx.state, { stderr: clientError(pairError) + '\n', exitCode: 1 });
  // -f/-k name the objects instead of resource arguments (refused next to them by the builder).
  const fromFiles = visitFiles(ctx, resources);
  if (resources.length === 0 && !fromFiles) {
    return output(ctx.state, { stderr: clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>') + '\n', exitCode: 1 });
  }
  if (changes.length === 0) return output(ctx.state, { stderr: clientError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`) + '\n', exitCode: 1 });
  const conflict = field === 'annotations' ? annotationConflictError(changes) : undefined;
  if (conflict) return output(ctx.state, { stderr: clientError(conflict) + '\n', exitCode: 1 });
  if (fromFiles) {
    if (!fromFiles.ok) return output(ctx.state, { stderr: fromFiles.stderr, exitCode: 1 });
    return editObjects(ctx, field, changes, { visited: fromFiles.visited, warnings: fromFiles.warnings });
  }
  const parsed = parseResourceArgs(resources);
  if (!parsed.ok) return output(ctx.state, { stderr: clientError(parsed.error) + '\n', exitCode: 1 });
  // `--all` or `-l` with a bare type: every object of it in the namespace (matching the selector).
  const selector = flag(ctx.flags, 'selector');
  if (isSet(ctx.flags, 'all') || selector !== undefined) {
    for (const t of parsed.targets) {
      if (t.names.length > 0) continue;
      const listed = listObjects(ctx.api, t.info.kind, { namespace: ctx.namespace, labelSelector: selector?.trim() ?? '' });
      if (!listed.ok) return output(ctx.state, { stderr: formatApiError(listed.error) + '\n', exitCode: 1 });
      t.names = listed.value.map((o) => o.metadata.name);
    }
  }
  if (parsed.targets.length === 0 || parsed.targets.every((t) => t.names.length === 0)) {
    return output(ctx.state, { stderr: clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>') + '\n', exitCode: 1 });
  }
  const refs = parsed.targets.flatMap(({ info, names }) => names.map((name) => ({ info, namespace: ctx.namespace, name })));
  return editObjects(ctx, field, changes, { refs });
}

type Source = { refs: { info: KindInfo; namespace: string; name: string }[] } | { visited: Visited[]; warnings: string };

/**
 * Applies the changes to each object, in order. Objects named by files come from the resource
 * builder (its errors and the objects it could not fetch, in file order, are reported after the
 * command's own, as ContinueOnError aggregates them).
 */
function editObjects(ctx: KubectlContext, field: 'labels' | 'annotations', changes: readonly string[], from: Source): CommandOutput {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return output(ctx.state, { stderr: clientError(dryRun.error) + '\n', exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const fromBuilder: ErrTree[] = [];
  const edit = (txn: Txn) => {
    if ('refs' in from) {
      for (const { info, namespace, name } of from.refs) editOne(txn, info, namespace, name, (e) => stderr.push(e));
      return;
    }
    for (const v of from.visited) {
      if ('error' in v) {
        fromBuilder.push(v.error);
        continue;
      }
      const o = v.object;
      // The builder fetches each object first (Latest): what it cannot fetch is its error.
      if (o.unversioned) fromBuilder.push(UNSERVED_PATH);
      else if (o.name === '') stderr.push('resource name may not be empty');
      else if (o.namespaceError) stderr.push(o.namespaceError);
      else editOne(txn, o.info, o.namespace, o.name, (e) => stderr.push(e), (e) => fromBuilder.push(e));
    }
    stderr.splice(0, stderr.length, ...checkErr(continueOnError(stderr.map(unprefixed), fromBuilder)).split('\n').slice(0, -1));
  };
  const editOne = (txn: Txn, info: KindInfo, namespace: string, name: string, fail: (e: string) => void, notFound: (e: string) => void = fail) => {
    const got = getObject(txn, info.kind, namespace, name);
    if (!got.ok) {
      notFound(formatApiError(got.error));
      return;
    }
    const live = got.value;
    const current: Record<string, string> = { ...(live.metadata[field] ?? {}) };
    let conflict: string | undefined;
    // annotate.go lists every clash ('k' already has a value (v); …) and lets change-cause be overwritten.
    const clashes: string[] = [];
    for (const c of changes) {
      if (c.endsWith('-') && !c.includes('=')) {
        // label.go says so on stdout for a label that is not there (not with --dry-run=client).
        if (field === 'labels' && dryRun.value !== 'client' && getOwn(current, c.slice(0, -1)) === undefined) stdout.push(`label ${JSON.stringify(c.slice(0, -1))} not found.`);
        delete current[c.slice(0, -1)];
        continue;
      }
      const [k, ...rest] = c.split('=');
      const v = rest.join('=');
      const had = getOwn(current, k!);
      if (had !== undefined && had !== v && !isSet(ctx.flags, 'overwrite')) {
        if (field === 'labels') conflict ??= k;
        else if (k !== 'kubernetes.io/change-cause') clashes.push(`'${k}' already has a value (${had})`);
      }
      setOwn(current, k!, v);
    }
    if (conflict) {
      fail(clientError(`'${conflict}' already has a value (${getOwn(live.metadata[field], conflict)}), and --overwrite is false`));
      return;
    }
    if (clashes.length > 0) {
      fail(clientError(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`));
      return;
    }
    const edited = { ...live, metadata: { ...live.metadata, [field]: Object.keys(current).length ? current : undefined } };
    // label says what changed (label.go updateDataChangeMsg); annotate always says "annotated".
    const before = live.metadata[field] ?? {};
    const added = Object.keys(current).some((k) => getOwn(before, k) !== current[k]);
    const removed = Object.keys(before).some((k) => getOwn(current, k) === undefined);
    const message = field === 'annotations' ? 'annotated' : added && removed ? 'modified' : added ? 'labeled' : removed ? 'unlabeled' : 'not labeled';
    // A client dry run sends nothing; a server dry run is checked and thrown away.
    const res = dryRun.value === 'client' ? undefined : updateObject(txn, live, edited);
    if (res && !res.ok) fail(formatApiError(res.error));
    else stdout.push(printObject(edited as typeof live, format, message + dryRunSuffix(dryRun.value), false, ctx.input.files).replace(/\n$/, ''));
  };
  const r = dryRun.value === 'none' ? act(ctx.state, () => `user ran kubectl ${verb} ${changes.join(' ')}`, edit) : { state: ctx.state, steps: [], result: serverDryRun(ctx.state, edit) };
  const warnings = 'warnings' in from ? from.warnings : '';
  return output(r.state, { stdout: lines(stdout), stderr: warnings + lines(stderr), exitCode: stderr.length ? 1 : 0, steps: r.steps });
}

/** A message as an aggregate holds it, without the `error: ` a lone one is printed with. */
const unprefixed = (e: string): string => e.replace(/^error: /, '');
