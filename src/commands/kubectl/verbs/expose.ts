// `kubectl expose TYPE NAME --port --target-port --type --name`: a Service for a pod, Deployment,
// ReplicaSet or Service, generated as kubectl's service generator does (expose.go): the selector
// from the object (a pod's labels, a workload's matchLabels), the ports from --port or else every
// container port (named port-1, port-2… when there are several), targetPort from --target-port or
// else the port, and the object's labels.
import type { ServicePort } from 'kubernetes-types/core/v1';
import { act, getObject, type AnyStored } from '../../../engine/index.ts';
import { createObjectFromManifest } from '../../../engine/write.ts';
import { output, type CommandOutput } from '../../types.ts';
import { lines, type KubectlContext } from '../context.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import { printObject } from '../object-output.ts';
import { parseResourceArgs } from '../resources.ts';

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet']);

export function exposeVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return fail(clientError(parsed.error));
  const target = parsed.targets[0];
  const name = target?.names[0];
  if (!target || !name) {
    return fail('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
  }
  const got = getObject(ctx.api, target.info.kind, ctx.namespace, name);
  if (!got.ok) return fail(formatApiError(got.error));
  const obj = got.value;
  if (!EXPOSABLE.has(obj.kind)) return fail(`error: cannot expose a ${obj.kind}${target.info.group ? `.${target.info.group}` : ''}`);
  const selector = flag(ctx.flags, 'selector') ? parseSelectorFlag(flag(ctx.flags, 'selector')!) : selectorOf(obj);
  if (!selector) return fail(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no labels and cannot be exposed`);
  const ports = portsFor(ctx, obj);
  if (ports.length === 0) return fail("error: couldn't find port via --port flag or introspection");
  const type = flag(ctx.flags, 'type');
  const labels = obj.metadata.labels;
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: flag(ctx.flags, 'name') ?? name, namespace: ctx.namespace, ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) },
    spec: { ports, selector, ...(type ? { type } : {}) },
  } as unknown as AnyStored;
  const r = act(ctx.state, `user ran kubectl expose ${target.info.singular} ${name}`, (txn) => createObjectFromManifest(txn, service));
  if (!r.result.ok) return output(ctx.state, { stderr: lines([formatApiError(r.result.error)]), exitCode: 1 });
  return output(r.state, { stdout: printObject(r.result.object, flag(ctx.flags, 'output'), 'exposed', true, ctx.input.files), steps: r.steps });
}

/** A pod's labels; a Deployment's or ReplicaSet's matchLabels; a Service's selector. */
function selectorOf(obj: AnyStored): Record<string, string> | undefined {
  const pick = (m: Record<string, string> | undefined) => (m && Object.keys(m).length > 0 ? m : undefined);
  if (obj.kind === 'Pod') return pick(obj.metadata.labels);
  if (obj.kind === 'Service') return pick(obj.spec?.selector);
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') return pick(obj.spec?.selector?.matchLabels);
  return undefined;
}

function parseSelectorFlag(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').map((kv) => kv.split('=', 2) as [string, string]));
}

/** --port (with --protocol, --target-port), or the exposed object's own ports. */
function portsFor(ctx: KubectlContext, obj: AnyStored): ServicePort[] {
  const targetText = flag(ctx.flags, 'target-port');
  const target = targetText === undefined ? undefined : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const protocol = flag(ctx.flags, 'protocol');
  const portText = flag(ctx.flags, 'port');
  const found: { port: number; protocol?: string }[] = portText !== undefined
    ? [{ port: Number(portText), ...(protocol ? { protocol } : {}) }]
    : introspectedPorts(obj).map((p) => ({ port: p.port, ...(protocol || p.protocol ? { protocol: protocol || p.protocol } : {}) }));
  return found.map((p, i) => ({
    ...(found.length > 1 ? { name: `port-${i + 1}` } : {}),
    ...(p.protocol ? { protocol: p.protocol } : {}),
    port: p.port,
    targetPort: target ?? p.port,
  }));
}

function introspectedPorts(obj: AnyStored): { port: number; protocol?: string }[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p) => ({ port: p.port, ...(p.protocol ? { protocol: p.protocol } : {}) }));
  const spec = obj.kind === 'Pod' ? obj.spec : obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' ? obj.spec?.template?.spec : undefined;
  return (spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, ...(p.protocol ? { protocol: p.protocol } : {}) })));
}
