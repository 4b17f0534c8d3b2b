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
    expect(docs[1]!.syntaxError!.message).toContain('bad indentation');
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

  it('reports duplicate keys', () => {
    const [doc] = parseManifestText('a: 1\na: 2\n');
    expect(doc!.syntaxError).toMatchObject({ message: 'duplicated mapping key', position: { line: 2, column: 1 } });
  });
});
