import { describe, expect, it } from 'vitest';
import { parseManifestText, positionOf } from './parse.ts';

const TWO_DOCS = `# a leading comment
apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity:
    storage: 5Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  accessModes:
    - ReadWriteOnce
`;

describe('parseManifestText', () => {
  it('splits documents and knows their line ranges', () => {
    const docs = parseManifestText(TWO_DOCS);
    expect(docs.map((d) => [d.index, d.startLine, d.endLine])).toEqual([
      [0, 1, 8],
      [1, 10, 16],
    ]);
    expect(docs[1]!.value).toMatchObject({ kind: 'PersistentVolumeClaim', spec: { accessModes: ['ReadWriteOnce'] } });
  });

  it('maps field paths to lines and columns in the whole text', () => {
    const [pv, pvc] = parseManifestText(TWO_DOCS);
    expect(pv!.keyPositions['spec.capacity.storage']).toEqual({ line: 8, column: 5 });
    expect(pvc!.valuePositions['spec.accessModes[0]']).toEqual({ line: 16, column: 7 });
    // A missing field points at its nearest existing parent.
    expect(positionOf(pvc!, 'spec.resources.requests')).toEqual({ line: 14, column: 1 });
  });

  it('reports a YAML syntax error with line and column, without losing the other documents', () => {
    const text = 'kind: Pod\nmetadata:\n  name: a\n---\nkind: Pod\nmetadata:\n  name: b\n labels: {}\n';
    const docs = parseManifestText(text);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.syntaxError).toBeUndefined();
    expect(docs[1]!.syntaxError).toMatchObject({ position: { line: 8, column: 2 } });
    // go-yaml's words and line: a parser error's line is printed one less, counted in the document.
    expect(docs[1]!.syntaxError).toMatchObject({ message: 'did not find expected key', yamlLine: 3, detail: 'error converting YAML to JSON: yaml: line 3: did not find expected key' });
  });

  it('reads integers as kubectl does (octal modes) and keeps quoted quantities as strings', () => {
    const [doc] = parseManifestText('a: 0644\nb: "1e9"\nc: 1e9\n');
    expect(doc!.value).toEqual({ a: 420, b: '1e9', c: 1_000_000_000 });
  });

  it('points an error found at the end of the text at the last line with content', () => {
    const [doc] = parseManifestText('apiVersion: v1\nkind: [oops\n\n');
    expect(doc!.syntaxError!.position).toEqual({ line: 2, column: 12 });
  });

  it('skips empty and comment-only documents', () => {
    expect(parseManifestText('---\n# nothing\n---\n\n')).toEqual([]);
  });

  it('words YAML errors as kubectl does, with the line counted in the document and the marker in the text', () => {
    const docs = parseManifestText('kind: ConfigMap\nmetadata:\n  name: a\n---\nkind: ConfigMap\nmetadata:\n  name: @b\n');
    expect(docs[1]!.syntaxError).toEqual({
      message: 'found character that cannot start any token',
      position: { line: 7, column: 9 },
      yamlLine: 3,
      detail: 'error converting YAML to JSON: yaml: line 3: found character that cannot start any token',
    });
  });

  it('counts go-yaml lines from a `---` that opens the text, as kubectl hands it over', () => {
    const [doc] = parseManifestText('---\nkind: ConfigMap\nmetadata:\n\tname: a\n');
    expect(doc!.syntaxError).toMatchObject({ yamlLine: 4, position: { line: 4, column: 1 } });
  });

  it('refuses a separator followed by content, dropping the document being read, as kubectl does', () => {
    const docs = parseManifestText('a: 1\n---\nb: 2\n--- c: 3\nd: 4\n');
    expect(docs.map((d) => d.value ?? d.syntaxError?.detail)).toEqual([{ a: 1 }, 'invalid Yaml document separator: c: 3']);
  });

  it('refuses infinities and NaN when converting to JSON, as sigs.k8s.io/yaml does', () => {
    const [doc] = parseManifestText('spec:\n  replicas: .inf\n');
    expect(doc!.syntaxError).toMatchObject({ lineless: true, detail: 'error converting YAML to JSON: json: unsupported value: +Inf' });
  });

  it('reads nothing after `...`, as go-yaml reads one document (kubectl)', () => {
    expect(parseManifestText('a: 1\n...\nb: @\n')[0]!.value).toEqual({ a: 1 });
  });

  it('decodes !!binary to its text, and refuses bad base64 as go-yaml does (kubectl)', () => {
    expect(parseManifestText('a: !!binary aGVsbG8=\n')[0]!.value).toEqual({ a: 'hello' });
    expect(parseManifestText('a: !!binary "@@"\n')[0]!.syntaxError?.detail).toBe('error converting YAML to JSON: yaml: !!binary value contains invalid base64 data');
  });

  it('reads YAML 1.1 booleans as go-yaml v2 does', () => {
    const [doc] = parseManifestText('metadata:\n  labels:\n    public: yes\n    quoted: "yes"\n');
    expect(doc!.value).toEqual({ metadata: { labels: { public: true, quoted: 'yes' } } });
  });

  it('keeps the last of duplicate keys, as go-yaml v2 does', () => {
    const [doc] = parseManifestText('a: 1\na: 2\n');
    expect(doc!.syntaxError).toBeUndefined();
    expect(doc!.value).toEqual({ a: 2 });
  });
});
