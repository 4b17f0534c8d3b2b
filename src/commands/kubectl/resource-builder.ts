// `-f FILE`, `-k DIR` and `-R` as kubectl's resource builder reads them (cli-runtime
// pkg/resource: FilenameParam, StreamVisitor, infoForData, FlattenListVisitor), for the verbs that
// act on the objects the files name (delete, get, describe, label, annotate): every document in
// order becomes either an object to act on or the builder's error for it, worded as kubectl words
// it. The verbs then put the errors together as each of them does (see checkErr below).
//
// One rule per document, in kubectl's order: a YAML or JSON syntax error ends its file
// (`error parsing FILE: …`); null and empty documents are skipped; the decoder's errors
// (`unable to decode "FILE": …`, unstructured-decode.ts); then the mapping (`resource mapping not
// found for name: …`). A document whose apiVersion is missing still maps, but every request for it
// goes to a path the server does not serve.
import { KINDS, parseManifestText, type KindInfo, type ManifestDocument } from '../../engine/index.ts';
import { isJsonStream } from '../../engine/manifest/json-stream.ts';
import { scanJsonValue, utf8Bytes } from '../../engine/manifest/go-json.ts';
import { getOwn } from '../../lib/own.ts';
import type { KubectlContext } from './context.ts';
import { hasKustomize, manifestSources } from './kustomize/sources.ts';
import { decodeUnstructured } from './unstructured-decode.ts';

/** An object a file names, as the builder's Info holds it. */
export interface FileObject {
  info: KindInfo;
  /** "" when the document has none (kubectl then fails the request: `resource name may not be empty`). */
  name: string;
  /** The document's namespace, else the command's for a namespaced kind; "" for a cluster-scoped one. */
  namespace: string;
  /** The file it came from as kubectl names it (`STDIN` for `-`). */
  source: string;
  /** The document as written. */
  object: Record<string, unknown>;
  /** No apiVersion: the request goes to `/api/namespaces/…`, which the server answers 404. */
  unversioned: boolean;
  /** RequireNamespace: `-n` given and the document names another namespace. */
  namespaceError?: string;
}

/**
 * An error tree as utilerrors builds them: a string is one error (already in the words
 * kubectl's messageForError gives it), an array is an Aggregate.
 */
export type ErrTree = string | readonly ErrTree[];

export type Visited = { object: FileObject } | { error: ErrTree };

export type FileResources =
  | { ok: true; visited: Visited[]; warnings: string; singleItemImplied: boolean }
  /** Refused before anything is visited (a missing path, -f with -k, resource arguments): kubectl's output. */
  | { ok: false; stderr: string };

/** The API server's answer to a request on a path it does not serve (client-go's NotFound for a 404 without a Status). */
export const UNSERVED_PATH = 'Error from server (NotFound): the server could not find the requested resource';

/**
 * The objects `-f`/`-k` name, in file order, or undefined when the command has neither.
 * `resourceArgs` are the command's resource arguments, which the builder refuses next to files.
 */
export function visitFiles(ctx: KubectlContext, resourceArgs: readonly string[] = ctx.flags.args): FileResources | undefined {
  const files = ctx.flags.values['filename'] ?? [];
  if (files.length === 0 && !hasKustomize(ctx)) return undefined;
  const sources = manifestSources(ctx);
  if (!sources.ok) return sources;
  // FilenameParam collects every missing path before anything is read.
  const missing = sources.sources.filter((s) => s.text === undefined).map((s) => `the path "${s.path}" does not exist`);
  if (missing.length > 0) return { ok: false, stderr: checkErr(missing) };
  if (resourceArgs.length > 0) {
    const message = resourceArgs.every((a) => a.includes('/'))
      ? 'resource/name arguments cannot be provided when a path is specified'
      : 'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well';
    return { ok: false, stderr: checkErr(message) };
  }
  const visited: Visited[] = [];
  for (const { source, text } of sources.sources) visited.push(...visitStream(ctx, source, text ?? ''));
  // visitByPaths: one path that is neither a directory nor stdin implies a single item (a
  // kustomization counts as one path too).
  const directory = files.length === 1 && files[0] !== '-' && ctx.input.files.read(files[0]!) === undefined;
  const singleItemImplied = hasKustomize(ctx) || (files.length === 1 && files[0] !== '-' && !directory);
  return { ok: true, visited, warnings: sources.warnings, singleItemImplied };
}

/** StreamVisitor over one source: its documents in order, a syntax error ending the stream. */
export function visitStream(ctx: Pick<KubectlContext, 'namespace' | 'namespaceGiven'>, source: string, text: string): Visited[] {
  const out: Visited[] = [];
  const raws = isJsonStream(text) ? jsonTexts(text) : [];
  for (const doc of parseManifestText(text)) {
    if (doc.syntaxError) {
      out.push({ error: `error parsing ${source}: ${doc.syntaxError.detail}` });
      break;
    }
    if (doc.value === null || doc.value === undefined) continue;
    const decoded = decodeUnstructured(doc.value, raws[doc.index]);
    if (!decoded.ok) {
      out.push({ error: `unable to decode "${source}": ${decoded.message}` });
      continue;
    }
    // A list's items each map on their own; their errors come back together (FlattenListVisitor's aggregate).
    const itemErrors: string[] = [];
    for (const o of decoded.objects) {
      if (o.itemError) {
        itemErrors.push(o.itemError);
        continue;
      }
      const info = mapKind(o.kind, o.apiVersion);
      if (!info) {
        const version = o.apiVersion.replace(/^\//, '');
        const message = `no matches for kind "${o.kind}" in version "${version === '/' ? '' : version}"`;
        if (decoded.list) itemErrors.push(`unable to recognize ${message}`);
        else out.push({ error: `resource mapping not found for name: "${o.name}" namespace: "${o.namespace}" from "${source}": ${message}\nensure CRDs are installed first` });
        continue;
      }
      // SetNamespace / RequireNamespace / FilterNamespace.
      const mismatch = info.namespaced && ctx.namespaceGiven && o.namespace !== '' && o.namespace !== ctx.namespace;
      out.push({
        object: {
          info,
          name: o.name,
          namespace: info.namespaced ? o.namespace || ctx.namespace : '',
          source,
          object: o.object,
          unversioned: o.apiVersion === '' || o.apiVersion === '/',
          ...(mismatch
            ? { namespaceError: `the namespace from the provided object "${o.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${o.namespace}' to perform this operation.` }
            : {}),
        },
      });
    }
    if (itemErrors.length > 0) out.push({ error: itemErrors });
  }
  return out;
}

/**
 * The decoder's error for one document of `text` (`unable to decode "FILE": …`), or undefined: for
 * verbs that read the files themselves and only need this step (apply, create, replace with
 * --validate=false).
 */
export function decodeErrorOf(text: string, source: string): (doc: ManifestDocument) => string | undefined {
  let raws: string[] | undefined;
  return (doc) => {
    if (doc.value === null || doc.value === undefined) return undefined;
    raws ??= isJsonStream(text) ? jsonTexts(text) : [];
    const decoded = decodeUnstructured(doc.value, raws[doc.index]);
    return decoded.ok ? undefined : `unable to decode "${source}": ${decoded.message}`;
  };
}

/** The RESTMapper: the kind by its exact name, at its version; a missing apiVersion takes the kind's only one. */
function mapKind(kind: string, apiVersion: string): KindInfo | undefined {
  const info = getOwn(KINDS, kind);
  if (!info) return undefined;
  if (apiVersion === '' || apiVersion === '/') return info;
  return info.apiVersion === apiVersion.replace(/^\//, '') ? info : undefined;
}

/** Each JSON value of a JSON stream as written (bytes.TrimSpace of the RawExtension), for kubectl's quotes. */
function jsonTexts(text: string): string[] {
  const bytes = utf8Bytes(text);
  const decoder = new TextDecoder();
  const out: string[] = [];
  for (let pos = 0; ; ) {
    const r = scanJsonValue(bytes, pos);
    if (r.kind !== 'value') return out;
    out.push(decoder.decode(bytes.subarray(pos, r.end)).trim());
    pos = r.end;
  }
}

/** The builder errors among the visited, in order (EagerVisitorList's aggregate). */
export function builderErrors(visited: readonly Visited[]): ErrTree[] {
  return visited.flatMap((v) => ('error' in v ? [v.error] : []));
}

/** The objects among the visited. */
export function visitedObjects(visited: readonly Visited[]): FileObject[] {
  return visited.flatMap((v) => ('object' in v ? [v.object] : []));
}

/** ContinueOnErrorVisitor's result: the verb's own errors, then the builder's aggregate; one error alone is itself. */
export function continueOnError(errors: readonly ErrTree[], fromBuilder: readonly ErrTree[]): ErrTree[] | ErrTree {
  const all = fromBuilder.length > 0 ? [...errors, fromBuilder] : [...errors];
  return all.length === 1 ? all[0]! : all;
}

/**
 * cmdutil.CheckErr's text for an error: an aggregate of one is unwrapped; an aggregate prints one
 * line per error without a prefix (a nested aggregate as `[a, b]`); a single error gets `error: `
 * unless it is the server's. "" for no error.
 */
export function checkErr(err: ErrTree): string {
  let e = err;
  if (typeof e !== 'string') {
    if (e.length === 0) return '';
    if (e.length === 1) e = e[0]!;
  }
  if (typeof e !== 'string') return e.map((x) => aggregateMessage(x) + '\n').join('');
  // StandardErrorMessage's forms (the server's errors, and an Invalid one as CheckErr words it) go as they are.
  const standard = e.startsWith('Error from server') || e.startsWith('error: ') || /^The [^ ]+ ".*" is invalid/.test(e);
  return (standard ? e : `error: ${e}`) + '\n';
}

/** Aggregate.Error(): the distinct messages of every nested error, `[a, b]` when more than one. */
export function aggregateMessage(err: ErrTree): string {
  if (typeof err === 'string') return err;
  const seen: string[] = [];
  const visit = (x: ErrTree) => (typeof x === 'string' ? void (seen.includes(x) || seen.push(x)) : x.forEach(visit));
  visit(err);
  return seen.length === 1 ? seen[0]! : `[${seen.join(', ')}]`;
}
