// `kubectl replace -f FILE`: a PUT of each document in place of the live object (replace.go).
// The documents are read, decoded and reported by the apply verb's code; the API server's side is
// the engine's replace (NotFound for a missing object, Conflict for a stale resourceVersion, the
// immutability rules). `--force` deletes each object, waits until it is gone, then creates it.
import { KINDS, act, deleteObject, flattenLists, getObject, objectKey, parseManifestText, readerOf, resourcePrefix, type ClusterState, type Kind, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { makeContext, lines, type KubectlContext } from '../context.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { parseGoInt } from '../flag-values.ts';
import { parseGoDuration } from '../go-duration.ts';
import { dryRunOf } from '../dry-run.ts';
import { outputFormatError } from '../object-output.ts';
import { hasKustomize, manifestSources } from '../kustomize/sources.ts';
import { waitOnClock } from '../clock-wait.ts';
import { getOwn } from '../../../lib/own.ts';
import { goQuote } from '../../../engine/api/go-strings.ts';
import { applyVerb, validateOptionError } from './apply.ts';
import { beforeDelete, parseCascade, type Cascade } from './delete-cascade.ts';

/** forceReplace's poll for each deleted object to be gone: --timeout, else five minutes. */
const FORCE_WAIT_MS = 5 * 60_000;
/** DeleteOptions' own wait (--wait, or --grace-period=0) with no --timeout: "forever", a week. */
const A_WEEK_MS = 168 * 3600_000;

export function replaceVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string, before = '') => output(ctx.state, { chunks: [{ stream: 'stderr', text: before + message }], exitCode: 1 });
  // ReplaceOptions.Complete, in its order: --validate, --dry-run, the printer, --cascade, -f/-k.
  const badValidate = validateOptionError(ctx);
  if (badValidate) return fail(badValidate);
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error) + '\n');
  const badFormat = outputFormatError(flag(ctx.flags, 'output'), ctx.input.files);
  if (badFormat) return fail(clientError(badFormat) + '\n');
  const cascade = parseCascade(flag(ctx.flags, 'cascade'));
  if (!cascade.ok) return fail(clientError(cascade.error) + '\n');
  if ((ctx.flags.values['filename'] ?? []).length === 0 && !hasKustomize(ctx)) return fail(clientError('must specify one of -f and -k') + '\n', cascade.warning);
  // --grace-period=0 becomes 1 and waits for the deletion, "to prevent accidental data loss".
  const given = flag(ctx.flags, 'grace-period');
  let grace = given === undefined ? -1 : Number(parseGoInt(given));
  const zeroGrace = grace === 0;
  if (zeroGrace) grace = 1;
  const timeoutText = flag(ctx.flags, 'timeout');
  const timeout = timeoutText === undefined ? { ok: true as const, ms: 0 } : parseGoDuration(timeoutText);
  const timeoutMs = timeout.ok ? timeout.ms : 0;
  const force = isSet(ctx.flags, 'force');
  // ReplaceOptions.Validate.
  if (grace >= 0 && !force) return fail(clientError('--grace-period must have --force specified') + '\n', cascade.warning);
  if (timeoutMs !== 0 && !force) return fail(clientError('--timeout must have --force specified') + '\n', cascade.warning);
  if (force && dryRun.value !== 'none') return fail(clientError('--dry-run can not be used when --force is set') + '\n', cascade.warning);
  const raw = flag(ctx.flags, 'raw') ?? '';
  if (raw !== '') {
    const files = ctx.flags.values['filename'] ?? [];
    if (files.length !== 1) return fail(clientError('--raw can only use a single local file or stdin') + '\n', cascade.warning);
    if (files[0]!.startsWith('http://') || files[0]!.startsWith('https://')) return fail(clientError('--raw cannot read from a url') + '\n', cascade.warning);
    if (isSet(ctx.flags, 'recursive')) return fail(clientError('--raw and --recursive are mutually exclusive') + '\n', cascade.warning);
    if ((flag(ctx.flags, 'output') ?? '') !== '') return fail(clientError('--raw and --output are mutually exclusive') + '\n', cascade.warning);
    // url.ParseRequestURI: an absolute path (or URL); anything else is refused with Go's wording.
    if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) return fail(clientError(`--raw must be a valid URL path: parse ${goQuote(raw)}: invalid URI for request`) + '\n', cascade.warning);
    // The script host sends no HTTP: a raw PUT is for the real kubectl against `kubesim serve`.
    return fail(clientError('kubectl replace --raw is not simulated: use the real kubectl against kubesim serve') + '\n', cascade.warning);
  }
  // A write to the status or scale subresource is the controllers' here (kubesim serve takes `kubectl scale`).
  const subresource = flag(ctx.flags, 'subresource') ?? '';
  if (subresource !== '') return fail(clientError(`kubectl replace --subresource ${subresource} is not simulated: status belongs to the simulated controllers; use kubectl scale for replicas`) + '\n', cascade.warning);
  if (!force) return withWarning(applyVerb(ctx, 'replace'), cascade.warning);
  const waitForDeletion = zeroGrace || isSet(ctx.flags, 'wait');
  return forceReplace(ctx, { cascade: cascade.cascade, warning: cascade.warning, grace, timeoutMs, waitForDeletion });
}

interface ForceOptions {
  cascade: Cascade;
  warning: string;
  /** -1: the object's own grace period. */
  grace: number;
  /** --timeout, 0 when not given. */
  timeoutMs: number;
  /** DeleteOptions.WaitForDeletion: --wait, or a --grace-period=0 made 1. */
  waitForDeletion: boolean;
}

interface Target {
  kind: Kind;
  namespace: string;
  name: string;
  plural: string;
  source: string;
}

/**
 * replace.go's forceReplace: DeleteResult on every document (a missing object is no error), a poll
 * until each is gone, then a create of each, printed as `replaced`; an error in one phase ends it.
 */
function forceReplace(ctx: KubectlContext, opts: ForceOptions): CommandOutput {
  const sources = manifestSources(ctx);
  if (!sources.ok) return output(ctx.state, { chunks: [{ stream: 'stderr', text: opts.warning + sources.stderr }], exitCode: 1 });
  const stderr: string[] = [];
  const targets: Target[] = [];
  for (const { path, source, text } of sources.sources) {
    if (text === undefined) {
      stderr.push(clientError(`the path "${path}" does not exist`));
      continue;
    }
    for (const doc of flattenLists(parseManifestText(text))) {
      const v = doc.value as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
      const info = typeof v?.kind === 'string' ? getOwn(KINDS, v.kind) : undefined;
      const name = v?.metadata?.name;
      // What the builder cannot map or name is left to the create pass, which reports it.
      if (!info || info.apiVersion !== v?.apiVersion || typeof name !== 'string' || !name) continue;
      const namespace = info.namespaced ? (typeof v?.metadata?.namespace === 'string' ? v.metadata.namespace : ctx.namespace) : '';
      targets.push({ kind: info.kind, namespace, name, plural: info.plural, source });
    }
  }
  const format = flag(ctx.flags, 'output');
  const stdout: string[] = [];
  // DeleteOptions.PrintObj: the grace period is never 0 here, so never "force deleted".
  const printed = (t: Target) =>
    format === 'name' ? `${resourcePrefix(t.kind)}/${t.name}` : `${resourcePrefix(t.kind)} "${t.name}" deleted${KINDS[t.kind].namespaced ? ` from ${t.namespace} namespace` : ''}`;
  const deleted = act(ctx.state, () => `user ran kubectl replace --force: deleted ${targets.map((t) => `${t.kind.toLowerCase()} ${t.name}`).join(', ')}`, (txn) => {
    for (const t of targets) {
      if (!txn.get(t.kind, objectKey(t.kind, t.namespace, t.name))) continue; // IgnoreNotFound: it is created below
      beforeDelete(txn, opts.cascade, t.kind, t.namespace, t.name);
      const r = deleteObject(txn, t.kind, objectKey(t.kind, t.namespace, t.name), opts.grace >= 0 ? { gracePeriodSeconds: opts.grace } : {});
      if (r.ok) stdout.push(printed(t));
      else stderr.push(formatApiError(r.error, { verb: 'deleting', source: t.source }));
    }
  });
  let state = deleted.state;
  const steps: Step[] = [...deleted.steps];
  const chunks: OutputChunk[] = [{ stream: 'stderr', text: opts.warning + sources.warnings }, { stream: 'stdout', text: lines(stdout) }];
  const stop = () => output(state, { chunks: [...chunks, { stream: 'stderr', text: lines(stderr) }], exitCode: 1, steps });
  if (stderr.length > 0) return stop();
  // Each object is watched in turn, with its own deadline (a pod takes its grace period to go; a
  // claim a pod still mounts is held by its finalizer and never goes).
  const gone = (t: Target) => (s: ClusterState) => !getObject(readerOf(s), t.kind, KINDS[t.kind].namespaced ? t.namespace : undefined, t.name).ok;
  const phases: { ms: number; error: (t: Target) => string }[] = [
    ...(opts.waitForDeletion ? [{ ms: opts.timeoutMs || A_WEEK_MS, error: (t: Target) => `timed out waiting for the condition on ${t.plural}/${t.name}` }] : []),
    { ms: opts.timeoutMs || FORCE_WAIT_MS, error: () => 'context deadline exceeded' },
  ];
  for (const phase of phases) {
    for (const t of targets) {
      const waited = waitOnClock(state, phase.ms, gone(t));
      state = waited.state;
      steps.push(...waited.steps);
      if (!waited.met) {
        stderr.push(clientError(phase.error(t)));
        return stop();
      }
    }
  }
  const created = applyVerb(makeContext({ ...ctx.input, state }, ctx.flags), 'replace', true);
  return output(created.state, { chunks: [...chunks, ...(created.chunks ?? [{ stream: 'stdout', text: created.stdout }, { stream: 'stderr', text: created.stderr }])], exitCode: created.exitCode, steps: [...steps, ...created.steps] });
}

/** The deprecated boolean --cascade's warning, written before anything else. */
function withWarning(out: CommandOutput, warning: string): CommandOutput {
  if (warning === '') return out;
  const chunks = out.chunks ?? [{ stream: 'stdout' as const, text: out.stdout }, { stream: 'stderr' as const, text: out.stderr }];
  return output(out.state, { ...out, chunks: [{ stream: 'stderr', text: warning }, ...chunks] });
}
