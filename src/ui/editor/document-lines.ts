// Where each document of the editor text is, in the engine's own terms: the document indexes and
// line ranges come from parseManifestText (the same split `kubectl apply -f` sees), and this file
// only maps editor lines onto them. Pure, so the code lens, the keyboard shortcut and the snippet
// completions share one tested reading of the text.
import type { ManifestDocument } from '../../engine/index.ts';

/** What the code lens above one document shows. */
export interface DocumentLens {
  /** The engine's 0-based document index (what applyDocument / deleteDocument take). */
  index: number;
  /** 1-based line the lens sits above: the document's first line with content. */
  line: number;
  /** "Pod example-pod"; set when the document is an object that can be applied. */
  label?: string;
  /** Why it cannot be applied yet (broken YAML, no kind); set instead of label. */
  problem?: string;
}

const hasContent = (line: string | undefined) => line !== undefined && line.trim() !== '' && !line.trim().startsWith('#');
const isSeparator = (line: string | undefined) => line?.startsWith('---') ?? false;

/** One lens per non-empty document, in order. `lines` is the text split on '\n'. */
export function documentLenses(docs: readonly ManifestDocument[], lines: readonly string[]): DocumentLens[] {
  return docs.map((doc) => {
    let line = doc.startLine;
    while (line < doc.endLine && !hasContent(lines[line - 1])) line++;
    if (doc.syntaxError) return { index: doc.index, line, problem: `YAML error on line ${doc.syntaxError.position.line}: fix the YAML first` };
    const value = doc.value;
    if (!isObject(value) || typeof value['kind'] !== 'string' || value['kind'] === '') {
      return { index: doc.index, line, problem: 'No kind: fix the YAML first' };
    }
    const meta = isObject(value['metadata']) ? value['metadata'] : {};
    const name = typeof meta['name'] === 'string' && meta['name'] ? meta['name'] : typeof meta['generateName'] === 'string' ? `${meta['generateName']}…` : '(no name)';
    return { index: doc.index, line, label: `${value['kind']} ${name}` };
  });
}

/** Where a document is: what the line lookups below need (a ManifestDocument, or the worker's analysis of one). */
export type DocumentPlace = Pick<ManifestDocument, 'index' | 'startLine' | 'endLine'>;

/**
 * The document the cursor is in: the last one starting at or above the line, unless a `---`
 * lies between its end and the line (the cursor is then in an empty document). On a `---` line,
 * the document that separator opens.
 */
export function documentAtLine<D extends DocumentPlace>(docs: readonly D[], lines: readonly string[], line: number): D | undefined {
  const at = isSeparator(lines[line - 1]) && !docs.some((d) => d.startLine === line) ? line + 1 : line;
  const doc = [...docs].reverse().find((d) => d.startLine <= at);
  if (!doc) return undefined;
  for (let l = doc.endLine + 1; l <= at; l++) if (isSeparator(lines[l - 1])) return undefined;
  return doc;
}

/**
 * Whether a whole manifest inserted in place of `line` needs a `---` before it (its document has
 * content above the line) and after it (content below), so the text stays one object per document.
 */
export function separatorsAround(docs: readonly DocumentPlace[], lines: readonly string[], line: number): { before: boolean; after: boolean } {
  const doc = documentAtLine(docs, lines, line);
  if (!doc || isSeparator(lines[line - 1])) return { before: false, after: false };
  const any = (from: number, to: number) => {
    for (let l = from; l <= to; l++) if (hasContent(lines[l - 1])) return true;
    return false;
  };
  return { before: any(doc.startLine, Math.min(line - 1, doc.endLine)), after: any(line + 1, doc.endLine) };
}

/** The text with `doc` added as a new last document (what the Insert menu does without Monaco). */
export function appendDocument(text: string, doc: string): string {
  if (!text.split('\n').some(hasContent)) return doc;
  return `${text}${text.endsWith('\n') ? '' : '\n'}---\n${doc}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
