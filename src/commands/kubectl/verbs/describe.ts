// `kubectl describe KIND [NAME]`: one block per object, separated by blank lines.
import { getObject, podsUsingClaim, viewOf, type AnyStored } from '../../../engine/index.ts';
import { DESCRIBE_SEPARATOR, describeObject, type PrintableObject } from '../printers/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { listKind } from './get.ts';
import { builderErrors, checkErr, continueOnError, visitedObjects, visitFiles, type ErrTree, type FileResources } from '../resource-builder.ts';

export function describeVerb(ctx: KubectlContext): CommandOutput {
  const fromFiles = visitFiles(ctx);
  if (fromFiles) return describeFiles(ctx, fromFiles);
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return output(ctx.state, { stderr: clientError(parsed.error) + '\n', exitCode: 1 });
  if (parsed.targets.length === 0) {
    return output(ctx.state, {
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
  }
  const blocks: string[] = [];
  const stderr: string[] = [];
  for (const { info, names } of parsed.targets) {
    const objects: AnyStored[] = [];
    if (names.length === 0) {
      objects.push(...listKind(ctx, info, ctx.allNamespaces ? undefined : ctx.namespace));
    } else {
      for (const name of names) {
        const got = getObject(ctx.api, info.kind, ctx.namespace, name);
        // kubectl describe also finds objects by name prefix when the exact name is missing.
        const byPrefix = got.ok ? [] : listKind(ctx, info, ctx.namespace).filter((o) => o.metadata.name.startsWith(name));
        if (got.ok) objects.push(got.value);
        else if (byPrefix.length > 0) objects.push(...byPrefix);
        else stderr.push(formatApiError(got.error));
      }
    }
    for (const obj of objects) blocks.push(describeOne(ctx, obj));
  }
  if (blocks.length === 0 && stderr.length === 0) {
    const namespaced = parsed.targets.some((t) => t.info.namespaced);
    stderr.push(namespaced && !ctx.allNamespaces ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found');
  }
  return output(ctx.state, { stdout: blocks.join(DESCRIBE_SEPARATOR), stderr: lines(stderr), exitCode: stderr.some((l) => l.startsWith('Error')) ? 1 : 0 });
}

/**
 * `describe -f FILE`: each object the files name, fetched by its kind, namespace and name. The
 * builder's errors come first as one aggregate (r.Infos()), then describe's own, in order.
 */
function describeFiles(ctx: KubectlContext, built: FileResources): CommandOutput {
  if (!built.ok) return output(ctx.state, { stderr: built.stderr, exitCode: 1 });
  const blocks: string[] = [];
  // r.Infos(): the objects whose namespace -n contradicts (RequireNamespace), then the builder's aggregate.
  const objects = visitedObjects(built.visited);
  const infosError = continueOnError(objects.flatMap((o) => (o.namespaceError ? [o.namespaceError] : [])), builderErrors(built.visited));
  const errors: ErrTree[] = typeof infosError === 'string' || infosError.length > 0 ? [infosError] : [];
  // describe reports each distinct error once.
  const seen = new Set<string>();
  const fail = (e: string) => void (seen.has(e) || (seen.add(e), errors.push(e)));
  for (const o of objects) {
    if (o.namespaceError) continue;
    // The describer asks for the object by its resource, whatever the document's apiVersion.
    if (o.name === '') {
      fail('resource name may not be empty');
      continue;
    }
    const got = getObject(ctx.api, o.info.kind, o.namespace, o.name);
    if (got.ok) blocks.push(describeOne(ctx, got.value));
    else fail(formatApiError(got.error));
  }
  let stderr = checkErr(errors);
  if (objects.length === 0 && errors.length === 0) stderr = `No resources found in ${ctx.namespace} namespace.\n`;
  return output(ctx.state, { stdout: blocks.join(DESCRIBE_SEPARATOR), stderr: built.warnings + stderr, exitCode: errors.length > 0 ? 1 : 0 });
}

function describeOne(ctx: KubectlContext, obj: AnyStored): string {
  const view = viewOf(ctx.state);
  const events = view.list('Event');
  const now = ctx.state.now;
  const ownedBy = <T extends AnyStored>(list: T[], owner: AnyStored) => list.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid));
  switch (obj.kind) {
    case 'PersistentVolumeClaim':
      return describeObject(obj, { now, events, usedBy: podsUsingClaim(view, obj).map((p) => p.metadata.name) });
    case 'Node': {
      const pods = view.list('Pod').filter((p) => p.spec?.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      return describeObject(obj, { now, events, pods });
    }
    case 'ReplicaSet':
    case 'StatefulSet':
      return describeObject(obj, { now, events, pods: ownedBy(view.list('Pod', obj.metadata.namespace), obj) });
    case 'Deployment': {
      const owned = ownedBy(view.list('ReplicaSet', obj.metadata.namespace), obj);
      const current = owned.find((rs) => (rs.spec?.replicas ?? 0) > 0) ?? owned[0];
      return describeObject(obj, { now, events, replicaSets: { old: owned.filter((r) => r !== current), ...(current ? { new: current } : {}) } });
    }
    case 'Service': {
      const endpointSlices = view.list('EndpointSlice', obj.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name);
      return describeObject(obj, { now, events, endpointSlices });
    }
    default:
      return describeObject(obj as PrintableObject, { now, events });
  }
}
