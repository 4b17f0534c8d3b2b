// Reading what a learner pastes from a real cluster — the output of
// `kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml`, a `List` — into objects the
// engine can import. Each item is decoded as the API server decodes it (types, Go's null and time
// rules); an item of a kind we do not model is skipped and counted, never an error; a broken one
// is reported with its line and column and left out. The preview (counts by kind) is what the
// import dialog and `kubesim import` show before anything changes.
import { ALL_KINDS, KINDS, flattenLists, parseManifestText, positionOf, type AnyStored, type Kind, type ManifestDocument } from '../../engine/index.ts';
import { decodeTyped } from '../../engine/manifest/decode.ts';
import { hasDecodeSchema } from '../../engine/manifest/decode-schema.ts';
import { formatFieldError, validateObject } from '../../engine/manifest/validation/index.ts';
import { MAX_PODS } from '../../engine/controllers/workloads/pod-limit.ts';

/** The most items one import takes: a big real cluster's storage objects, and still a quick import. */
export const MAX_IMPORT_ITEMS = 10_000;
/** The most text one import reads (a 10,000-item List of real objects is about 40 MB of YAML). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface ImportProblem {
  line: number;
  column: number;
  /** `Pod default/web`, or the document's place when the item has no name. */
  subject: string;
  message: string;
}

export interface ParsedImport {
  objects: AnyStored[];
  /** Imported objects by kind, in kind order. */
  counts: Partial<Record<Kind, number>>;
  /** Items of kinds the playground does not model (`DaemonSet`, `Lease`, CRDs…): kind → count. */
  skippedKinds: Record<string, number>;
  /** Items left out because they cannot be read or would be refused. */
  problems: ImportProblem[];
  /** Set when the whole input is refused (empty, too big, not objects); nothing is imported then. */
  fatal?: string;
}

/** What a `kubectl get -o yaml` item carries that the import must not decode strictly (server-managed, possibly huge). */
const SERVER_METADATA = ['managedFields', 'selfLink'];

export function parseImport(text: string): ParsedImport {
  const result: ParsedImport = { objects: [], counts: {}, skippedKinds: Object.create(null) as Record<string, number>, problems: [] };
  if (text.length > MAX_IMPORT_BYTES) return { ...result, fatal: `the input is ${Math.ceil(text.length / 1048576)} MB; an import reads at most ${MAX_IMPORT_BYTES / 1048576} MB` };
  if (text.trim() === '') return { ...result, fatal: 'nothing to import: paste the output of kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml' };
  const docs = flattenLists(parseManifestText(text));
  if (docs.length > MAX_IMPORT_ITEMS) return { ...result, fatal: `the input has ${docs.length} items; an import takes at most ${MAX_IMPORT_ITEMS}` };
  let pods = 0;
  for (const doc of docs) {
    const item = readItem(doc);
    if ('problem' in item) {
      result.problems.push(item.problem);
      continue;
    }
    if ('skipped' in item) {
      result.skippedKinds[item.skipped] = (result.skippedKinds[item.skipped] ?? 0) + 1;
      continue;
    }
    const obj = item.object;
    if (obj.kind === 'Pod' && ++pods > MAX_PODS) {
      result.problems.push(problemAt(doc, 'metadata.name', subjectOf(obj), `the playground simulates at most ${MAX_PODS} pods`));
      continue;
    }
    result.objects.push(obj);
    result.counts[obj.kind] = (result.counts[obj.kind] ?? 0) + 1;
  }
  if (result.objects.length === 0 && result.problems.length === 0 && Object.keys(result.skippedKinds).length === 0) {
    return { ...result, fatal: 'nothing to import: the input holds no Kubernetes objects' };
  }
  return result;
}

type Item = { object: AnyStored } | { skipped: string } | { problem: ImportProblem };

function readItem(doc: ManifestDocument): Item {
  if (doc.syntaxError) {
    const p = doc.syntaxError.position;
    return { problem: { line: p.line, column: p.column, subject: `document ${doc.index + 1}`, message: doc.syntaxError.message } };
  }
  const value = doc.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: problemAt(doc, '', `document ${doc.index + 1}`, 'not a Kubernetes object (expected a List, as kubectl get -A -o yaml prints, or objects with apiVersion and kind)') };
  }
  const raw = value as Record<string, unknown>;
  const kindName = typeof raw['kind'] === 'string' ? raw['kind'] : '';
  const apiVersion = typeof raw['apiVersion'] === 'string' ? raw['apiVersion'] : '';
  if (!kindName || !apiVersion) return { problem: problemAt(doc, '', `document ${doc.index + 1}`, `Object 'Kind' is missing or 'apiVersion' is missing`) };
  const kind = ALL_KINDS.find((k) => k === kindName);
  if (!kind || KINDS[kind].apiVersion !== apiVersion || !hasDecodeSchema(kind)) return { skipped: kindName };
  const metadata = typeof raw['metadata'] === 'object' && raw['metadata'] !== null ? { ...(raw['metadata'] as Record<string, unknown>) } : {};
  for (const field of SERVER_METADATA) delete metadata[field];
  const decoded = decodeTyped(kind, { ...raw, metadata });
  const subject = `${kindName} ${typeof metadata['namespace'] === 'string' ? `${metadata['namespace']}/` : ''}${String(metadata['name'] ?? '')}`;
  if (!decoded.ok) return { problem: problemAt(doc, decoded.failure.path, subject, decoded.failure.message) };
  // The API server's own rules (names, labels, annotations' 256 KiB): what it would never have stored is not imported.
  const errors = validateObject(decoded.object);
  if (errors.length > 0) {
    const e = errors[0]!;
    return { problem: problemAt(doc, e.field, subject, formatFieldError(e)) };
  }
  return { object: decoded.object };
}

function problemAt(doc: ManifestDocument, path: string, subject: string, message: string): ImportProblem {
  const p = positionOf(doc, path);
  return { line: p.line, column: p.column, subject, message };
}

function subjectOf(obj: AnyStored): string {
  return `${obj.kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}`;
}

/** The preview: `3 Node, 1 StorageClass, …` in kind order, then what is skipped. */
export function importSummary(parsed: ParsedImport): string[] {
  const lines = ALL_KINDS.filter((k) => parsed.counts[k]).map((k) => `${String(parsed.counts[k]).padStart(6)}  ${k}`);
  const skipped = Object.keys(parsed.skippedKinds).sort();
  if (skipped.length > 0) {
    const n = skipped.reduce((sum, k) => sum + parsed.skippedKinds[k]!, 0);
    lines.push(`skipped ${n} object${n === 1 ? '' : 's'} of kinds the playground does not model: ${skipped.map((k) => `${k} (${parsed.skippedKinds[k]})`).join(', ')}`);
  }
  return lines;
}
