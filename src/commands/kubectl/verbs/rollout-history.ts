// `kubectl rollout history` and `kubectl rollout undo` for Deployments: the history is the
// deployment's ReplicaSets, each with its `deployment.kubernetes.io/revision` and
// `kubernetes.io/change-cause` annotations (polymorphichelpers/history.go, rollback.go). Undo puts
// a revision's template back on the deployment; the controller then makes that ReplicaSet the
// newest revision again. StatefulSets keep their history in ControllerRevisions, which the
// simulator does not have.
import { act, listObjects, objectKey, updateObject, type AnyStored, type Step, type Stored } from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import { parseGoInt } from '../flag-values.ts';
import type { KubectlContext } from '../context.ts';
import { dryRunOf } from '../dry-run.ts';
import { describePodTemplate } from '../printers/pods.ts';
import type { PrefixWriter } from '../printers/format.ts';
import { rolloutTargets, type RolloutTarget } from './rollout.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Annotations a rollback keeps from the deployment rather than taking from the ReplicaSet. */
const KEPT = new Set([LAST_APPLIED, REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

type ReplicaSet = Stored<'ReplicaSet'>;

/** The deployment's ReplicaSets (those it controls) by revision; a later one wins a tie, as the map does. */
function revisions(ctx: KubectlContext, d: AnyStored): Map<number, ReplicaSet> {
  const listed = listObjects(ctx.api, 'ReplicaSet', { namespace: d.metadata.namespace });
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of listed.ok ? listed.value : []) {
    if (!(rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid)) continue;
    const text = rs.metadata.annotations?.[REVISION];
    const n = text === undefined ? NaN : Number(text);
    if (Number.isInteger(n)) byRevision.set(n, rs);
  }
  return byRevision;
}

/** The kind as GroupKind.String() names it in "no … has been implemented" errors. */
const groupKind = (t: RolloutTarget) => (t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind);
const prefixOf = (t: RolloutTarget) => `${t.info.group ? `${t.info.kind.toLowerCase()}.${t.info.group}` : t.info.kind.toLowerCase()}/${t.object.metadata.name}`;
const STATEFULSET_HISTORY = 'kubesim: rollout history and undo of a StatefulSet are not simulated (its ControllerRevisions are not kept)';

export function historyVerb(ctx: KubectlContext, args: string[]): CommandOutput {
  const found = rolloutTargets(ctx, args);
  if ('fatal' in found) return output(ctx.state, { stderr: found.fatal + '\n', exitCode: 1 });
  if (found.errors.length) return output(ctx.state, { stderr: found.errors.join('\n') + '\n', exitCode: 1 });
  const revision = Number(parseGoInt(flag(ctx.flags, 'revision') ?? '0') ?? 0n);
  let stdout = '';
  for (const t of found.targets) {
    const fail = (message: string) => output(ctx.state, { stdout, stderr: message + '\n', exitCode: 1 });
    if (t.info.kind === 'StatefulSet') return fail(STATEFULSET_HISTORY);
    if (t.info.kind !== 'Deployment') return fail(clientError(`no history viewer has been implemented for "${groupKind(t)}"`));
    const history = revisions(ctx, t.object);
    let text: string;
    if (history.size === 0) text = 'No rollout history found.';
    else if (revision > 0) {
      const rs = history.get(revision);
      if (!rs) return fail(clientError('unable to find the specified revision'));
      text = printTemplate(rs);
    } else {
      const rows = [...history.keys()].sort((a, b) => a - b).map((r) => [String(r), history.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'] as const);
      // tabwriter, padding 2: the first column as wide as its widest cell plus two.
      const width = Math.max('REVISION'.length, ...rows.map(([r]) => r.length)) + 2;
      text = [['REVISION', 'CHANGE-CAUSE'] as const, ...rows].map(([r, c]) => r.padEnd(width) + c + '\n').join('');
    }
    // The name printer with "with revision #N\n…" (or "\n…") as its operation.
    stdout += `${prefixOf(t)} ${revision > 0 ? `with revision #${revision}` : ''}\n${text}\n`;
  }
  return output(ctx.state, { stdout });
}

/** DescribePodTemplate straight into a buffer (printTemplate uses no tabwriter), with the change-cause among the annotations. */
function printTemplate(rs: ReplicaSet): string {
  let out = '';
  const w: PrefixWriter = { write: (level, text) => (out += '  '.repeat(level) + text), writeLine: (text = '') => (out += text + '\n'), flush: () => undefined };
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  const template = rs.spec?.template;
  const shown = cause && template ? { ...template, metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE]: cause } } } : template;
  describePodTemplate(shown, w, 0);
  return out;
}

export function undoVerb(ctx: KubectlContext, args: string[]): CommandOutput {
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return output(ctx.state, { stderr: clientError(dryRun.error) + '\n', exitCode: 1 });
  const found = rolloutTargets(ctx, args);
  if ('fatal' in found) return output(ctx.state, { stderr: found.fatal + '\n', exitCode: 1 });
  if (found.errors.length) return output(ctx.state, { stderr: found.errors.join('\n') + '\n', exitCode: 1 });
  const toRevision = Number(parseGoInt(flag(ctx.flags, 'to-revision') ?? '0') ?? 0n);
  let state = ctx.state;
  const steps: Step[] = [];
  const chunks: OutputChunk[] = [];
  const stdout = (text: string) => chunks.push({ stream: 'stdout', text });
  for (const t of found.targets) {
    const fail = (message: string) => output(state, { chunks: [...chunks, { stream: 'stderr', text: message + '\n' }], exitCode: 1, steps });
    const d = t.object as Stored<'Deployment'>;
    // kubectl 1.36 warns here about a last-applied annotation (kubectl c72d4565f); 1.34 does not.
    if (t.info.kind === 'StatefulSet') return fail(STATEFULSET_HISTORY);
    if (t.info.kind !== 'Deployment') return fail(clientError(`no rollbacker has been implemented for "${groupKind(t)}"`));
    if (toRevision < 0) return fail(clientError(`unable to find specified revision ${toRevision} in history`));
    const history = revisions(ctx, d);
    const rs = toRevision > 0 ? history.get(toRevision) : previousRevision(history);
    if (!rs) return fail(clientError(toRevision > 0 ? `unable to find specified revision ${toRevision} in history` : `no rollout history found for deployment "${d.metadata.name}"`));
    if (dryRun.value === 'client') {
      stdout(`${prefixOf(t)} ${printTemplate({ ...rs, metadata: { ...rs.metadata, annotations: {} } })} (dry run)\n`);
      continue;
    }
    if (d.spec?.paused) return fail(clientError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"));
    const template = withoutHash(rs.spec?.template ?? {});
    if (JSON.stringify(sorted(template)) === JSON.stringify(sorted(withoutHash(d.spec?.template ?? {})))) {
      // kubectl names the revision as asked: 0 for a plain undo.
      stdout(`${prefixOf(t)} skipped rollback (current template already matches revision ${toRevision})\n`);
      continue;
    }
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (KEPT.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!KEPT.has(k)) annotations[k] = v;
    const next = { ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec!, template } } as AnyStored;
    if (dryRun.value === 'server') {
      stdout(`${prefixOf(t)} rolled back (server dry run)\n`);
      continue;
    }
    const r = act(state, `user ran kubectl rollout undo deployment/${d.metadata.name}`, (txn) => {
      const live = txn.get('Deployment', objectKey('Deployment', d.metadata.namespace, d.metadata.name));
      return live ? updateObject(txn, live as AnyStored, next) : { ok: false as const, error: { reason: 'NotFound' as const, message: `deployments.apps "${d.metadata.name}" not found` } };
    });
    if (!r.result.ok) return fail(clientError(`failed restoring revision ${toRevision}: ${formatApiError(r.result.error).replace(/^Error from server \(\w+\): /, '')}`));
    state = r.state;
    for (const s of r.steps) steps.push(s);
    stdout(`${prefixOf(t)} rolled back\n`);
  }
  return output(state, { chunks, steps });
}

/** With --to-revision=0: the second-highest revision. */
function previousRevision(history: Map<number, ReplicaSet>): ReplicaSet | undefined {
  const sortedRevisions = [...history.keys()].sort((a, b) => b - a);
  return sortedRevisions.length > 1 ? history.get(sortedRevisions[1]!) : undefined;
}

type Template = NonNullable<NonNullable<ReplicaSet['spec']>['template']>;

function withoutHash(template: Template): Template {
  const labels = { ...template.metadata?.labels };
  delete labels['pod-template-hash'];
  return { ...template, metadata: { ...template.metadata, labels } };
}

/** Key-sorted copy, so two templates compare by content (apiequality.Semantic.DeepEqual). */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}
