// Sending an object kubectl built itself (`create configmap|secret|deployment|…`, `run`) and
// printing what came back: with --dry-run=client the object as built, never sent; with
// --dry-run=server what the API server would have stored (defaulted, admitted, validated),
// with no resourceVersion since nothing was stored; otherwise the stored object.
import { act, type AnyStored, type ApiError, type Step } from '../../../engine/index.ts';
import { createObjectFromManifest } from '../../../engine/write.ts';
import type { WriteResult } from '../../../engine/cluster/apply.ts';
import type { ClusterState } from '../../../engine/index.ts';
import { dryRunSuffix, serverDryRun, type DryRun } from '../dry-run.ts';
import { flag } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { printObject } from '../object-output.ts';

export interface Created {
  state: ClusterState;
  steps: Step[];
  /** The object as the server returned it (or as built, in a client dry run). */
  object?: AnyStored;
  stdout: string;
  /** The error line, without its newline. */
  error?: string;
}

/**
 * `built` has a namespace only when `-n` was given (kubectl leaves it empty otherwise); the
 * request goes to the context's namespace. `wrap` words a refusal as the command does
 * (`failed to create configmap: …`); `summary` names the step on the timeline.
 */
export function sendCreated(ctx: KubectlContext, built: AnyStored, dryRun: DryRun, wrap: (e: ApiError) => string, summary: string): Created {
  const operation = 'created';
  const format = flag(ctx.flags, 'output');
  const printed = (obj: AnyStored) => printObject(obj, format, operation + dryRunSuffix(dryRun), true, ctx.input.files);
  if (dryRun === 'client') return { state: ctx.state, steps: [], object: built, stdout: printed(built) };
  const request = withoutZeroStructs({ ...built, metadata: { ...built.metadata, namespace: ctx.namespace } } as AnyStored);
  if (dryRun === 'server') {
    const res = serverDryRun(ctx.state, (txn) => createObjectFromManifest(txn, request));
    if (!res.ok) return { state: ctx.state, steps: [], stdout: '', error: wrap(res.error) };
    const { resourceVersion: _none, ...metadata } = res.object.metadata;
    const object = { ...res.object, metadata } as AnyStored;
    return { state: ctx.state, steps: [], object, stdout: printed(object) };
  }
  const r = act(ctx.state, summary, (txn): WriteResult => createObjectFromManifest(txn, request));
  if (!r.result.ok) return { state: ctx.state, steps: [], stdout: '', error: wrap(r.result.error) };
  return { state: r.state, steps: r.steps, object: r.result.object, stdout: printed(r.result.object) };
}

/**
 * kubectl sends the empty structs Go's encoder writes (`strategy: {}`, `resources: {}`,
 * `status: {}`); the server decodes them to zero values, the same as leaving them out, and
 * defaults them. Left out here, so the engine's defaulting sees them as unset. (Only these
 * fields: an empty object elsewhere, as `emptyDir: {}`, means something.)
 */
function withoutZeroStructs(obj: AnyStored): AnyStored {
  const empty = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
  const noResources = (containers: unknown) =>
    Array.isArray(containers) ? containers.map((c: Record<string, unknown>) => (empty(c['resources']) ? (({ resources: _r, ...rest }) => rest)(c) : c)) : containers;
  const { status, ...rest } = obj as AnyStored & { status?: unknown; spec?: Record<string, unknown> };
  const out: Record<string, unknown> = { ...rest, ...(status === undefined || empty(status) ? {} : { status }) };
  const spec = out['spec'] as Record<string, unknown> | undefined;
  if (spec) {
    const { strategy, ...specRest } = spec;
    const next: Record<string, unknown> = { ...specRest, ...(strategy === undefined || empty(strategy) ? {} : { strategy }) };
    if (next['containers']) next['containers'] = noResources(next['containers']);
    const template = next['template'] as { spec?: Record<string, unknown> } | undefined;
    if (template?.spec?.['containers']) next['template'] = { ...template, spec: { ...template.spec, containers: noResources(template.spec['containers']) } };
    out['spec'] = next;
  }
  return out as unknown as AnyStored;
}
