// `kubectl apply -f FILE` and `kubectl create -f FILE`: every document of every file, results
// printed as they happen, errors collected and printed after, like kubectl.
import { applyDocuments, KINDS, objectKey, parseManifestText, act, resourcePrefix, type DocumentResult, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { lines, type KubectlContext } from '../context.ts';
import { getOwn } from '../../../lib/own.ts';

export function applyVerb(ctx: KubectlContext, mode: 'apply' | 'create'): CommandOutput {
  const files = ctx.flags.values['filename'] ?? [];
  if (files.length === 0) {
    return output(ctx.state, {
      stderr: 'error: must specify one of -f and -k\n',
      exitCode: 1,
    });
  }
  let state = ctx.state;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const steps: Step[] = [];
  let objects = 0;
  for (const file of files) {
    const text = file === '-' ? ctx.input.stdin ?? '' : ctx.input.files.read(file);
    if (text === undefined) {
      stderr.push(clientError(`the path "${file}" does not exist`));
      continue;
    }
    const source = file === '-' ? 'STDIN' : file;
    const docs = parseManifestText(text);
    // kubectl stops reading a file at its first YAML syntax error, keeping what came before.
    const firstBroken = docs.findIndex((d) => d.syntaxError);
    // kubectl's resource builder skips documents that decode to null (`null`, `~`).
    const usable = (firstBroken >= 0 ? docs.slice(0, firstBroken) : docs).filter((d) => d.value !== null);
    objects += usable.length;
    const r = act(
      state,
      (results: DocumentResult[]) => summary(mode, results),
      (txn) => {
        const wasLive = usable.map((d) => {
          const v = d.value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | undefined;
          // Only well-typed identities can be looked up; the others fail decoding, reported below.
          const info = typeof v?.kind === 'string' ? getOwn(KINDS, v.kind) : undefined;
          const name = v?.metadata?.name;
          const namespace = v?.metadata?.namespace ?? ctx.namespace;
          return !!(info && typeof name === 'string' && name && typeof namespace === 'string' && txn.get(info.kind, objectKey(info.kind, namespace, name)));
        });
        const results = applyDocuments(txn, usable, { mode, ...(ctx.namespaceGiven ? { namespace: ctx.namespace } : {}) });
        results.forEach((res, i) => report(res, source, mode, wasLive[i] ?? false, stdout, stderr));
        return results;
      },
    );
    state = r.state;
    for (const step of r.steps) steps.push(step);
    if (firstBroken >= 0) {
      const bad = docs[firstBroken]!;
      const e = bad.syntaxError!;
      stderr.push(clientError(`error parsing ${source}: error converting YAML to JSON: yaml: ${e.lineless ? '' : `line ${e.position.line}: `}${e.message}`));
    }
  }
  if (objects === 0 && stderr.length === 0) stderr.push(clientError(`no objects passed to ${mode}`));
  return output(state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: stderr.some((l) => !l.startsWith('Warning:')) ? 1 : 0, steps });
}

function report(res: DocumentResult, source: string, mode: 'apply' | 'create', wasLive: boolean, stdout: string[], stderr: string[]): void {
  for (const w of res.warnings) stderr.push(`Warning: ${w}`);
  if (res.outcome && res.ref) {
    stdout.push(`${resourcePrefix(res.ref.kind)}/${res.ref.name} ${res.outcome}`);
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
      stderr.push(`Error from server (BadRequest): error when ${wasLive ? 'patching' : 'creating'} "${source}": ${e.message}`);
      return;
    case 'namespace-mismatch':
      stderr.push(clientError(e.message));
      return;
    case 'api':
      stderr.push(formatApiError(e.api!, { verb: mode === 'apply' && wasLive ? 'patching' : 'creating', source }));
      return;
    case 'syntax':
      stderr.push(clientError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${e.position.line}: ${e.message}`));
      return;
  }
}

function summary(mode: string, results: readonly DocumentResult[]): string {
  const done = results.filter((r) => r.outcome && r.outcome !== 'unchanged').map((r) => `${r.ref!.kind.toLowerCase()} ${r.ref!.name} ${r.outcome}`);
  return done.length ? `user ran kubectl ${mode}: ${done.join(', ')}` : `user ran kubectl ${mode}`;
}
