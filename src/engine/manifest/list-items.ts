// `kind: List` (and any `…List` with `items`) in a manifest: kubectl's resource builder flattens
// it client-side (FlattenListVisitor), so each item is applied, created or deleted as if it were
// a document of its own, and reported on its own. An item's errors point into the list: its
// field paths are looked up under `items[i]`.
import type { ManifestDocument, Position } from './parse.ts';

interface ListValue {
  kind: string;
  items: unknown[];
}

function isList(value: unknown): value is ListValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v['kind'] === 'string' && v['kind'].endsWith('List') && Array.isArray(v['items']);
}

/** The documents with every list replaced by its items (a list inside a list is flattened too). */
export function flattenLists(docs: readonly ManifestDocument[]): ManifestDocument[] {
  return docs.flatMap((doc) => (doc.syntaxError || !isList(doc.value) ? [doc] : doc.value.items.flatMap((item, i) => flattenLists([itemDocument(doc, i, item)]))));
}

function itemDocument(doc: ManifestDocument, i: number, item: unknown): ManifestDocument {
  const prefix = `items[${i}]`;
  const at = (table: Record<string, Position>) => (path: string) => table[path === '' ? prefix : `${prefix}.${path}`];
  return {
    index: doc.index,
    startLine: doc.startLine,
    endLine: doc.endLine,
    value: item,
    get keyPositions() {
      return lookup(at(doc.keyPositions));
    },
    get valuePositions() {
      return lookup(at(doc.valuePositions));
    },
  };
}

/** A read-only table whose entries are found by a function (positions are built lazily by the parser). */
function lookup(find: (path: string) => Position | undefined): Record<string, Position> {
  return new Proxy(Object.create(null) as Record<string, Position>, {
    get: (_t, key) => (typeof key === 'string' ? find(key) : undefined),
    has: (_t, key) => typeof key === 'string' && find(key) !== undefined,
  });
}
