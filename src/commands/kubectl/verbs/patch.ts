// `kubectl patch (-f FILE | TYPE NAME) (-p PATCH | --patch-file FILE) [--type strategic|merge|json]`
// (kubectl pkg/cmd/patch): the patch text is YAML or JSON (util/yaml.ToJSON), the object is fetched,
// then the API server applies the patch (handlers/patch.go) to the stored object, decodes the
// result and sends it through the ordinary update path, the engine's one write door. With
// `--dry-run=client` kubectl applies the patch itself and prints the result, checking nothing.
import { act, getObject, parseManifestText, readerOf, updateObject, type AnyStored, type KindInfo } from '../../../engine/index.ts';
import { quoteChar, scanJsonValue, utf8Bytes } from '../../../engine/manifest/go-json.ts';
import { goYamlProblem } from '../../../engine/manifest/go-yaml/check.ts';
import { deepEqual, mergePatch } from '../../../lib/deep.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { dryRunOf, serverDryRun } from '../dry-run.ts';
import { namedInFiles } from '../file-targets.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import type { Txn } from '../../../engine/cluster/store.ts';
import { patchSchemaFor } from './patch-meta.ts';
import { strategicMerge, type PatchFailure } from './strategic-merge.ts';
import { applyJsonPatch, jsonPatchDecodeError } from './json-patch.ts';
import { decodePatched } from './patch-decode.ts';

type PatchType = 'json' | 'merge' | 'strategic';
type Target = { info: KindInfo; namespace: string; name: string };
type Patched = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** What kubectl prints for the server's patch errors (CheckErr on a StatusError). */
function serverFailure(f: PatchFailure): string {
  if (f.status === 'BadRequest') return `Error from server (BadRequest): ${f.message}`;
  // NewGenericServerResponse(422): a fixed message, reason Invalid, no causes.
  if (f.status === 'Unprocessable') return 'The request is invalid: the server rejected our request due to an error in our request';
  // A plain error becomes an InternalError status with no reason.
  return `Error from server: ${f.message}`;
}

export function patchVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error));
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  const patchArg = flag(ctx.flags, 'patch') ?? '';
  const patchFile = flag(ctx.flags, 'patch-file') ?? '';
  if (patchArg !== '' && patchFile !== '') return fail(clientError('cannot specify --patch and --patch-file together'));
  if (patchArg === '' && patchFile === '') return fail(clientError('must specify --patch or --patch-file containing the contents of the patch'));
  const typeFlag = flag(ctx.flags, 'type') ?? 'strategic';
  const type = (typeFlag === '' ? 'strategic' : typeFlag.toLowerCase()) as PatchType;
  if (!['json', 'merge', 'strategic'].includes(type)) return fail(clientError(`--type must be one of [json merge strategic], not "${typeFlag}"`));

  let text = patchArg;
  if (patchFile !== '') {
    const read = ctx.input.files.read(patchFile);
    if (read === undefined) return fail(clientError(`unable to read patch file: open ${patchFile}: no such file or directory`));
    text = read;
  }
  const parsed = toJson(text);
  // kubectl quotes --patch here, which is empty when the patch came from a file.
  if (!parsed.ok) return fail(clientError(`unable to parse ${JSON.stringify(patchArg)}: ${parsed.error}`));

  const targets = resolveTargets(ctx);
  if ('fatal' in targets) return fail(targets.fatal);
  if (targets.list.length === 0) return fail(clientError('no objects passed to patch'));

  // Per object, in the order kubectl writes: the server's warnings, then the result or the error.
  const chunks: OutputChunk[] = [];
  const say = (text: string) => chunks.push({ stream: 'stdout', text });
  const complain = (line: string) => chunks.push({ stream: 'stderr', text: line + '\n' });
  let failed = false;
  const fault = (line: string) => {
    failed = true;
    complain(line);
  };
  let state = ctx.state;
  const steps: CommandOutput['steps'] = [];
  for (const target of targets.list) {
    const got = getObject(readerOf(state), target.info.kind, target.namespace, target.name);
    if (!got.ok) {
      fault(formatApiError(got.error));
      continue;
    }
    if (dryRun.value === 'client') {
      const local = clientPatch(got.value, type, parsed);
      if (!local.ok) fault(local.error);
      else say(print(ctx, local.value as unknown as AnyStored, format, !deepEqual(local.value, got.value)));
      continue;
    }
    const write = (txn: Txn) => {
      const live = getObject(txn, target.info.kind, target.namespace, target.name);
      if (!live.ok) return fault(formatApiError(live.error));
      const res = serverPatch(live.value, type, parsed, target);
      if (!res.ok) return fault(res.error);
      res.warnings.forEach((w) => complain(`Warning: ${w}`));
      const written = updateObject(txn, live.value, res.object);
      if (!written.ok) return fault(formatApiError(written.error));
      say(print(ctx, written.object, format, written.outcome !== 'unchanged'));
    };
    if (dryRun.value === 'none') {
      const r = act(state, () => `user ran kubectl patch ${target.info.kind.toLowerCase()} ${target.name}`, write);
      state = r.state;
      steps.push(...r.steps);
    } else {
      serverDryRun(state, write);
    }
  }
  return output(state, { chunks, exitCode: failed ? 1 : 0, steps });
}

/** patch.go sets its printer's operation after the dry-run suffix was added, so a dry run prints plain `patched` too. */
function print(ctx: KubectlContext, obj: AnyStored, format: string | undefined, changed: boolean): string {
  return printObject(obj, format, changed ? 'patched' : 'patched (no change)', false, ctx.input.files);
}

/** `TYPE NAME`, `TYPE/NAME …` or `-f FILE`: the objects to patch. */
function resolveTargets(ctx: KubectlContext): { list: Target[] } | { fatal: string } {
  if ((ctx.flags.values['filename'] ?? []).length > 0) {
    const named = namedInFiles(ctx);
    if ('fatal' in named) return named;
    return { list: named.refs.map((r) => ({ info: r.info, namespace: r.namespace, name: r.name })) };
  }
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return { fatal: clientError(parsed.error) };
  const list = parsed.targets.flatMap((t) => t.names.map((name) => ({ info: t.info, namespace: ctx.namespace, name })));
  if (parsed.targets.length === 0) {
    return { fatal: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'" };
  }
  if (list.length === 0) return { fatal: clientError('resource(s) were provided, but no name was specified') };
  return { list };
}

/**
 * util/yaml.ToJSON: text starting with `{` is taken as JSON unread (the server judges it), anything
 * else is YAML, read as go-yaml reads it.
 */
function toJson(text: string): { ok: true; text: string; value: unknown; valid: boolean } | { ok: false; error: string } {
  if (/^\s*\{/.test(text)) {
    try {
      return { ok: true, text, value: JSON.parse(text), valid: true };
    } catch {
      return { ok: true, text, value: undefined, valid: false };
    }
  }
  const problem = goYamlProblem(text);
  if (problem) return { ok: false, error: problem.message };
  const doc = parseManifestText(text)[0];
  return { ok: true, text, value: doc?.value ?? null, valid: true };
}

type Parsed = Extract<ReturnType<typeof toJson>, { ok: true }>;

/** The server's side: validateAndTranscodePatch, the patcher for the type, the name check, decoding. */
function serverPatch(live: AnyStored, type: PatchType, parsed: Parsed, target: Target): { ok: true; object: AnyStored; warnings: string[] } | { ok: false; error: string } {
  if (!parsed.valid) return { ok: false, error: 'Error from server (BadRequest): invalid JSON patch' };
  const patch = parsed.value;
  let patched: Record<string, unknown>;
  if (type === 'json') {
    const bad = jsonPatchDecodeError(patch);
    if (bad) return { ok: false, error: `Error from server (BadRequest): ${bad}` };
    const applied = applyJsonPatch(live, (patch ?? []) as unknown[]);
    if (!applied.ok) return { ok: false, error: serverFailure({ status: 'Unprocessable', message: applied.error }) };
    if (!isMap(applied.value)) return { ok: false, error: `The request is invalid: patch: Invalid value: ${JSON.stringify(JSON.stringify(applied.value))}: json: cannot unmarshal array into Go value of type map[string]interface {}` };
    patched = applied.value;
  } else if (type === 'merge') {
    if (!isMap(patch) && patch !== null) return { ok: false, error: `Error from server (BadRequest): json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}` };
    patched = mergePatch(live, patch ?? {}) as Record<string, unknown>;
  } else {
    if (!isMap(patch) && patch !== null) return { ok: false, error: `Error from server (BadRequest): json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}` };
    const merged = strategicMerge(live as unknown as Record<string, unknown>, patch ?? {}, patchSchemaFor(live.kind));
    if (!merged.ok) return { ok: false, error: serverFailure(merged.error) };
    patched = merged.value;
  }
  const meta = isMap(patched['metadata']) ? patched['metadata'] : {};
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  if (name !== target.name) return { ok: false, error: `Error from server (BadRequest): the name of the object (${name}) does not match the name on the URL (${target.name})` };
  const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
  if (target.info.namespaced && ns !== '' && ns !== target.namespace) {
    return { ok: false, error: `Error from server (BadRequest): the namespace of the object (${ns}) does not match the namespace on the request (${target.namespace})` };
  }
  const decoded = decodePatched(live.kind, patched, patch, type === 'strategic' ? 'converter' : 'json');
  if (!decoded.ok) return decoded;
  // A merge patch's `"finalizers": null` removes them; updateObject keeps finalizers a manifest leaves out.
  const object = decoded.object;
  if (live.metadata.finalizers && !('finalizers' in object.metadata)) object.metadata = { ...object.metadata, finalizers: undefined };
  return { ok: true, object, warnings: decoded.warnings };
}

/** getPatchedJSON: kubectl's own patching for `--dry-run=client`, with its own errors. */
function clientPatch(live: AnyStored, type: PatchType, parsed: Parsed): Patched {
  const patch = parsed.value;
  if (type === 'json') {
    if (!parsed.valid) return { ok: false, error: clientError(goJsonSyntaxError(parsed.text)) };
    if (patch !== null && !Array.isArray(patch)) return { ok: false, error: clientError(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type jsonpatch.Patch`) };
    const applied = applyJsonPatch(live, (patch ?? []) as unknown[]);
    if (applied.ok) return isMap(applied.value) ? { ok: true, value: applied.value } : { ok: false, error: clientError('Object \'Kind\' is missing in \'[]\'') };
    // patch.go rewords one error, keeping everything after `key:`.
    const at = applied.error.indexOf('doc is missing key');
    if (at >= 0) return { ok: false, error: clientError(`Object to be patched is missing field (${applied.error.slice(applied.error.indexOf('key:') + 5)})`) };
    return { ok: false, error: clientError(applied.error) };
  }
  if (!parsed.valid || (!isMap(patch) && patch !== null)) return { ok: false, error: clientError(type === 'merge' ? 'Invalid JSON Patch' : 'invalid JSON document') };
  if (type === 'merge') return { ok: true, value: mergePatch(live, patch ?? {}) as Record<string, unknown> };
  const merged = strategicMerge(live as unknown as Record<string, unknown>, patch ?? {}, patchSchemaFor(live.kind));
  return merged.ok ? merged : { ok: false, error: clientError(merged.error.message) };
}

/** What Go's json.Unmarshal says about text that is not one JSON value. */
function goJsonSyntaxError(text: string): string {
  const bytes = utf8Bytes(text);
  const scan = scanJsonValue(bytes, 0);
  if (scan.kind === 'syntax') return scan.message;
  if (scan.kind !== 'value') return 'unexpected end of JSON input';
  let i = scan.end;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  return `invalid character ${quoteChar(bytes[i] ?? 0)} after top-level value`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonKind(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
}
