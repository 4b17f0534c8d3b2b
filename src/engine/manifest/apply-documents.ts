// Applying a multi-document manifest: each document is decoded, then created or updated, and
// its result (or error, with the line and column it is about) is reported on its own, in
// order, the way `kubectl apply -f` works through a file.
import { KINDS } from '../api/kinds.ts';
import type { AnyStored, ObjectRef } from '../api/objects.ts';
import { deleteObject, replaceObject, writeObject, type WriteOutcome } from '../cluster/apply.ts';
import { objectKey } from '../cluster/keys.ts';
import type { ApiError } from '../cluster/errors.ts';
import type { Txn } from '../cluster/store.ts';
import { decodeObject, type FieldValidation } from './decode.ts';
import { positionOf, type ManifestDocument, type Position } from './parse.ts';

export type DocumentErrorKind = 'syntax' | 'missing-type-info' | 'no-kind-match' | 'decode' | 'namespace-mismatch' | 'api';

export interface DocumentError {
  kind: DocumentErrorKind;
  /** The message body as the server or kubectl words it (without kubectl's `error:` wrapper). */
  message: string;
  position: Position;
  /** The field path the error is about, when known. */
  field?: string;
  api?: ApiError;
  /** For no-kind-match: the name and namespace kubectl quotes. */
  name?: string;
  namespace?: string;
}

export interface DocumentResult {
  index: number;
  startLine: number;
  endLine: number;
  ref?: ObjectRef;
  outcome?: WriteOutcome | 'deleted';
  warnings: string[];
  error?: DocumentError;
}

export interface ApplyOptions {
  /** `kubectl apply -f`, `create -f`, `replace -f` (a PUT of each document), or `delete -f` (the documents name what to delete). */
  mode: 'apply' | 'create' | 'replace' | 'delete';
  /** Only these documents (by index), e.g. one document's Apply in the editor; the rest are skipped. */
  only?: readonly number[];
  /** `-n`: the namespace for documents that name none; a different namespace in a document is an error. */
  namespace?: string;
  /** What the server does with unknown fields (kubectl's `--validate`); Strict unless told. */
  fieldValidation?: FieldValidation;
}

export function applyDocuments(txn: Txn, docs: readonly ManifestDocument[], opts: ApplyOptions): DocumentResult[] {
  const only = opts.only;
  return docs.filter((doc) => !only || only.includes(doc.index)).map((doc) => applyDocument(txn, doc, opts));
}

function applyDocument(txn: Txn, doc: ManifestDocument, opts: ApplyOptions): DocumentResult {
  const base = { index: doc.index, startLine: doc.startLine, endLine: doc.endLine, warnings: [] as string[] };
  if (doc.syntaxError) {
    return { ...base, error: { kind: 'syntax', message: doc.syntaxError.message, position: doc.syntaxError.position } };
  }
  const decoded = decodeObject(doc.value, { fieldValidation: opts.fieldValidation ?? 'Strict' });
  if (!decoded.ok) {
    const f = decoded.failure;
    return {
      ...base,
      error: {
        kind: f.type,
        message: f.message,
        position: positionOf(doc, f.path),
        field: f.path || undefined,
        ...(f.type === 'no-kind-match' ? { name: f.name, namespace: f.namespace } : {}),
      },
    };
  }
  const obj = decoded.object;
  const namespaced = KINDS[obj.kind].namespaced;
  if (namespaced) {
    const own = obj.metadata.namespace;
    if (opts.namespace && own && own !== opts.namespace) {
      return {
        ...base,
        error: {
          kind: 'namespace-mismatch',
          message: `the namespace from the provided object "${own}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
          position: positionOf(doc, 'metadata.namespace'),
          field: 'metadata.namespace',
        },
      };
    }
    obj.metadata.namespace = own ?? opts.namespace ?? 'default';
  }
  const ref: ObjectRef = namespaced ? { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name } : { kind: obj.kind, name: obj.metadata.name };
  if (opts.mode === 'delete') {
    const removed = deleteObject(txn, obj.kind, objectKey(obj.kind, ref.namespace, ref.name));
    if (!removed.ok) return { ...base, ref, error: { kind: 'api', message: removed.error.message, api: removed.error, position: positionOf(doc, 'metadata.name'), field: 'metadata.name' } };
    return { ...base, ref, outcome: 'deleted' };
  }
  const written = opts.mode === 'replace' ? replaceObject(txn, obj as AnyStored) : writeObject(txn, obj as AnyStored, opts.mode);
  if (!written.ok) {
    const field = written.error.field;
    return { ...base, ref, error: { kind: 'api', message: written.error.message, api: written.error, position: positionOf(doc, field ?? ''), ...(field ? { field } : {}) } };
  }
  // An unchanged object sent nothing kubectl would send (its patch is empty), so no warnings either.
  return { ...base, ref: { ...ref, name: written.object.metadata.name }, outcome: written.outcome, warnings: [...(written.outcome === 'unchanged' ? [] : decoded.warnings ?? []), ...written.warnings] };
}
