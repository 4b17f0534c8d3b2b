// `kubectl apply -f FILE`, `kubectl create -f FILE` and `kubectl replace -f FILE`: every document
// of every file, results printed as they happen, errors collected and printed after, like kubectl.
import { KINDS, objectKey, type ObjectRef, parseManifestText, flattenLists, act, resourcePrefix, type DocumentResult, type Step } from '../../../engine/index.ts';
import { applyDocuments, writeSummary, type FieldValidation } from '../../../engine/write.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { lines, type KubectlContext } from '../context.ts';
import { flag, isSet } from '../flags.ts';
import { getOwn } from '../../../lib/own.ts';
import { discardedAct, dryRunOf, dryRunSuffix, type DryRun } from '../dry-run.ts';
import { outputFormatError, printData, printObject } from '../object-output.ts';
import { asList } from '../output-formats.ts';
import type { AnyStored } from '../../../engine/index.ts';
import { applyPatchError, infoString, LAST_APPLIED_ANNOTATION, modifiedConfiguration, threeWayPatch } from './apply-patch.ts';
import { hasKustomize, manifestSources } from '../kustomize/sources.ts';
import { withApplyAnnotation } from './apply-annotation.ts';
import { aggregateMessage, checkErr, decodeErrorOf } from '../resource-builder.ts';

/** The verbs this file serves; `replace` checks its own flags first (replace.ts). */
export type WriteMode = 'apply' | 'create' | 'replace';

/**
 * `recreate`: the second half of `replace --force`, which creates each object (printed as
 * `replaced`) and reports the server's errors without the file they came from (replace.go).
 */
export function applyVerb(ctx: KubectlContext, mode: WriteMode, recreate = false): CommandOutput {
  const files = ctx.flags.values['filename'] ?? [];
  // create reads --validate before it looks for -f; apply after its -f check and --dry-run.
  const badValidate = validateOptionError(ctx);
  if (badValidate && mode !== 'apply') return output(ctx.state, { stderr: badValidate, exitCode: 1 });
  if (files.length === 0 && !hasKustomize(ctx)) {
    return output(ctx.state, {
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 1,
    });
  }
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return output(ctx.state, { stderr: clientError(dryRun.error) + '\n', exitCode: 1 });
  if (badValidate) return output(ctx.state, { stderr: badValidate, exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return output(ctx.state, { stderr: clientError(badFormat) + '\n', exitCode: 1 });
  // A dry run goes through the write on a transaction nobody keeps. A server dry run reports what
  // the server says; a client dry run sends nothing, so only kubectl's own checks (decoding, kind
  // mapping, namespace) can fail it: see clientDryRun below.
  const write = dryRun.value === 'none' ? act : discardedAct;
  // shouldPrintObject: any -o but `name` prints the objects at the end instead of a line each.
  const printsObjects = format !== undefined && format !== '' && format !== 'name';
  const printing: Printing = { format, printsObjects, dryRun: dryRun.value, objects: [] };
  // The files' text, or with -k the kustomization built into one stream named by its directory.
  const sources = manifestSources(ctx);
  if (!sources.ok) return output(ctx.state, { stderr: sources.stderr, exitCode: 1 });
  let state = ctx.state;
  const stderr: string[] = [];
  const fromBuilder: string[] = [];
  // The server's warnings reach stderr while kubectl works through the documents, each before the
  // line for its object; errors are gathered and printed at the end (so they go in `stderr`).
  const log: OutputChunk[] = [{ stream: 'stderr', text: sources.warnings }];
  const steps: Step[] = [];
  let objects = 0;
  for (const { path: file, source, text } of sources.sources) {
    if (text === undefined) {
      stderr.push(clientError(`the path "${file}" does not exist`));
      continue;
    }
    // Each item of a `kind: List` is a document of its own (kubectl flattens lists client-side).
    const docs = flattenLists(parseManifestText(text));
    // kubectl stops reading a file at its first YAML syntax error, keeping what came before.
    const firstBroken = docs.findIndex((d) => d.syntaxError);
    // kubectl's resource builder skips documents that decode to null (`null`, `~`).
    let usable = (firstBroken >= 0 ? docs.slice(0, firstBroken) : docs).filter((d) => d.value !== null);
    // --validate=false skips the schema check, so each document meets the resource builder's
    // decoder (resource-builder.ts): what it cannot decode is reported, and the others go on.
    if (validationOff(ctx)) {
      const decodeError = decodeErrorOf(text, source);
      usable = usable.filter((d) => {
        const e = decodeError(d);
        if (e !== undefined) fromBuilder.push(e);
        return e === undefined;
      });
    }
    // replace keeps (or with --save-config writes) the last-applied annotation, as CreateOrUpdateAnnotation does.
    if (mode === 'replace') usable = usable.map((d) => ({ ...d, value: withApplyAnnotation(d.value, isSet(ctx.flags, 'save-config')) }));
    objects += usable.length;
    const r = write(
      state,
      (results: DocumentResult[]) => summary(mode, results, recreate),
      (txn) => {
        const targets = usable.map((d) => {
          const v = d.value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | undefined;
          // Only well-typed identities can be looked up; the others fail decoding, reported below.
          const info = typeof v?.kind === 'string' ? getOwn(KINDS, v.kind) : undefined;
          const name = v?.metadata?.name;
          const namespace = v?.metadata?.namespace ?? ctx.namespace;
          const live = info && typeof name === 'string' && name && typeof namespace === 'string' ? txn.get(info.kind, objectKey(info.kind, namespace, name)) : undefined;
          // apply GETs the object first; with no name the client refuses that request itself.
          const nameless = mode === 'apply' && !!info && (name === undefined || name === '') && typeof namespace === 'string';
          return { info, namespace: info?.namespaced && typeof namespace === 'string' ? namespace : '', live, nameless };
        });
        const sent = usable.filter((_, i) => !targets[i]!.nameless);
        const results = applyDocuments(txn, sent, { mode: recreate ? 'create' : mode, fieldValidation: fieldValidationOf(ctx), ...(ctx.namespaceGiven ? { namespace: ctx.namespace } : {}) });
        let next = 0;
        usable.forEach((d, i) => {
          const t = targets[i]!;
          if (t.nameless) {
            stderr.push(clientError(`error when retrieving current configuration of:\n${infoString(t.info!.kind, '', t.namespace)}\nfrom server for: "${source}": resource name may not be empty`));
            return;
          }
          let res = results[next++]!;
          if (dryRun.value === 'client') {
            const local = clientDryRun(mode === 'apply' ? 'apply' : 'create', res, d.value as Record<string, unknown>, t.live, t.info?.namespaced ? t.namespace : undefined);
            res = local.result;
            if (local.object) {
              printing.objects.push(local.object);
              report(res, source, mode, !!t.live, log, stderr, printing, local.object, recreate);
              return;
            }
          }
          if (mode === 'apply' && t.live && res.error?.kind === 'api' && res.error.api && res.error.api.reason !== 'Invalid') {
            // The server refused the patch kubectl built: kubectl prints the patch and the object it was for.
            const manifest = { ...(d.value as Record<string, unknown>) };
            if (t.info!.namespaced) manifest['metadata'] = { ...(manifest['metadata'] as object), namespace: t.namespace };
            const original = parseJson(t.live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]);
            const patch = threeWayPatch(original, modifiedConfiguration(manifest), t.live);
            stderr.push(`Error from server (${res.error.api.reason}): ${applyPatchError(patch, t.info!.kind, t.live.metadata.name, t.namespace, source, res.error.api.message)}`);
            return;
          }
          const object = res.ref ? txn.getRef(res.ref) : undefined;
          if (object) printing.objects.push(object);
          report(res, source, mode, !!t.live, log, stderr, printing, object, recreate);
        });
        return results;
      },
    );
    state = r.state;
    for (const step of r.steps) steps.push(step);
    if (firstBroken >= 0) {
      const bad = docs[firstBroken]!;
      const e = bad.syntaxError!;
      stderr.push(clientError(`error parsing ${source}: ${e.detail}`));
    }
  }
  // GetObjects' error (the builder's aggregate) comes before those of applying each object.
  if (fromBuilder.length > 0) stderr.unshift(...(stderr.length === 0 ? checkErr(fromBuilder) : aggregateMessage(fromBuilder) + '\n').split('\n').slice(0, -1));
  if (objects === 0 && stderr.length === 0) stderr.push(clientError(`no objects passed to ${mode}`));
  // -o yaml|json|jsonpath…: the objects at the end (printObjects), one as itself, several as a List.
  let printed = '';
  if (printsObjects && printing.objects.length > 0) {
    const [only] = printing.objects;
    const out = printData(printing.objects.length === 1 ? only : asList(printing.objects), format!, ctx.input.files);
    printed = out.stdout;
    if (out.error) stderr.push(clientError(out.error.replace(/\n$/, '')));
  }
  // A jsonpath prints no newline of its own; the lines before it end with theirs.
  const chunks: OutputChunk[] = [...log, { stream: 'stdout', text: printed }, { stream: 'stderr', text: lines(stderr) }];
  return output(state, { chunks, exitCode: stderr.length > 0 ? 1 : 0, steps });
}

/** How results are printed: `-o` and the dry-run suffix; the objects kept for `-o yaml|json`. */
interface Printing {
  format: string | undefined;
  /** An -o other than `name`: the objects are printed at the end, not a line each. */
  printsObjects: boolean;
  dryRun: DryRun;
  objects: AnyStored[];
}

function report(res: DocumentResult, source: string, mode: WriteMode, wasLive: boolean, log: OutputChunk[], stderr: string[], printing: Printing, object: AnyStored | undefined, recreate: boolean): void {
  for (const w of res.warnings) log.push({ stream: 'stderr', text: `Warning: ${w}\n` });
  if (res.outcome && res.ref) {
    if (printing.printsObjects) return;
    if (printing.format === 'name' && object) log.push({ stream: 'stdout', text: printObject(object, 'name', '', false).replace(/\n$/, '') + '\n' });
    // replace prints `replaced` whatever the server made of it (PrintFlags' operation).
    else log.push({ stream: 'stdout', text: `${resourcePrefix(res.ref.kind)}/${res.ref.name} ${mode === 'replace' ? 'replaced' : res.outcome}${dryRunSuffix(printing.dryRun)}\n` });
    return;
  }
  const e = res.error;
  if (!e) return;
  switch (e.kind) {
    case 'missing-type-info':
      stderr.push(clientError(`error validating "${source}": ${e.message}; if you choose to ignore these errors, turn validation off with --validate=false`));
      return;
    case 'no-kind-match':
      stderr.push(
        clientError(`resource mapping not found for name: "${e.name ?? ''}" namespace: "${e.namespace ?? ''}" from "${source}": ${e.message}\nensure CRDs are installed first`),
      );
      return;
    case 'decode':
      stderr.push(recreate ? `Error from server (BadRequest): ${e.message}` : `Error from server (BadRequest): error when ${mode === 'replace' ? 'replacing' : wasLive ? 'patching' : 'creating'} "${source}": ${e.message}`);
      return;
    case 'namespace-mismatch':
      stderr.push(clientError(e.message));
      return;
    case 'api':
      stderr.push(recreate ? formatApiError(e.api!) : formatApiError(e.api!, { verb: mode === 'replace' ? 'replacing' : mode === 'apply' && wasLive ? 'patching' : 'creating', source }));
      return;
    case 'syntax':
      stderr.push(clientError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${e.position.line}: ${e.message}`));
      return;
  }
}

/**
 * A client dry run (apply.go with DryRunClient): nothing is sent. kubectl still GETs the object:
 * absent, it "creates" the manifest with its last-applied annotation; present, it patches its copy
 * locally, `unchanged` when the patch is `{}`, else `configured`. `create -f` creates regardless.
 * So only the client's own errors stand; the server's (validation, admission, conflicts) vanish.
 */
function clientDryRun(mode: 'apply' | 'create', res: DocumentResult, manifest: Record<string, unknown>, live: AnyStored | undefined, namespace: string | undefined): { result: DocumentResult; object?: AnyStored } {
  const serverSide = res.error === undefined || res.error.kind === 'api' || res.error.kind === 'decode';
  // The server decodes into typed objects; kubectl keeps the manifest as it is (unstructured).
  const name = (manifest['metadata'] as { name?: unknown } | undefined)?.name;
  const kind = manifest['kind'];
  const ref = res.ref ?? (typeof kind === 'string' && typeof name === 'string' && getOwn(KINDS, kind) ? ({ kind, name, ...(namespace === undefined ? {} : { namespace }) } as ObjectRef) : undefined);
  if (!serverSide || !ref) return { result: res };
  // Warnings come from the server, which hears nothing.
  res = { ...res, ref, warnings: [] };
  const withNs = namespace === undefined ? manifest : { ...manifest, metadata: { ...(manifest['metadata'] as object), namespace } };
  if (mode === 'create' || !live) {
    const object = (mode === 'apply' ? modifiedConfiguration(withNs) : withNs) as unknown as AnyStored;
    return { result: { ...res, error: undefined, outcome: 'created' }, object };
  }
  // The throwaway write already compared the manifest with the live object; when the server
  // refused it, the local patch says whether anything would change.
  const patch = () => threeWayPatch(parseJson(live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]), modifiedConfiguration(withNs), live);
  const outcome = res.outcome === 'unchanged' || res.outcome === 'configured' ? res.outcome : Object.keys(patch()).length === 0 ? 'unchanged' : 'configured';
  // The locally patched copy: what the write made of it in the throwaway transaction, or the live
  // object when the server would have refused it (a client dry run never hears of that).
  return { result: { ...res, error: undefined, outcome } };
}

function summary(mode: string, results: readonly DocumentResult[], recreate = false): string {
  const word = (r: DocumentResult) => (mode === 'replace' && !recreate ? 'replaced' : r.outcome);
  const done = results.filter((r) => r.outcome && (r.outcome !== 'unchanged' || mode === 'replace')).map((r) => `${r.ref!.kind.toLowerCase()} ${r.ref!.name} ${word(r)}`);
  return writeSummary(mode, done);
}

/** The live object's last applied configuration; kubectl reads a missing or broken one as nothing. */
function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** `--validate=false` (or `ignore`) turns kubectl's client-side schema validation off. */
function validationOff(ctx: KubectlContext): boolean {
  const v = flag(ctx.flags, 'validate')?.toLowerCase();
  return v === 'false' || v === 'ignore';
}

/** cmdutil.GetValidationDirective: the values it takes, in any case. */
export function validateOptionError(ctx: KubectlContext): string | undefined {
  const v = flag(ctx.flags, 'validate');
  if (v === undefined || ['strict', 'true', 'warn', 'ignore', 'false'].includes(v.toLowerCase())) return undefined;
  return clientError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`) + '\n';
}

/** The `fieldValidation` kubectl sends for `--validate` (strict by default; `true` is strict too). */
function fieldValidationOf(ctx: KubectlContext): FieldValidation {
  const v = flag(ctx.flags, 'validate')?.toLowerCase();
  return v === 'warn' ? 'Warn' : validationOff(ctx) ? 'Ignore' : 'Strict';
}
