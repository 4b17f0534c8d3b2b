import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../engine/index.ts';
import { appendDocument, documentAtLine, documentLenses, separatorsAround } from './document-lines.ts';

const read = (text: string) => [parseManifestText(text), text.split('\n')] as const;

const THREE = [
  '# storage for the demo', //  1
  'apiVersion: v1', //          2
  'kind: PersistentVolume', //  3
  'metadata:', //               4
  '  name: example-pv', //      5
  '---', //                     6
  '', //                        7
  'kind: PersistentVolumeClaim', // 8
  'metadata:', //               9
  '  name: example-pvc', //    10
  '---', //                    11
  '---', //                    12
  'kind: [oops', //            13
  '', //                       14
].join('\n');

describe('documentLenses', () => {
  it('puts one lens above each document\'s first line with content, named by kind and name', () => {
    expect(documentLenses(...read(THREE))).toEqual([
      { index: 0, line: 2, label: 'PersistentVolume example-pv' },
      { index: 1, line: 8, label: 'PersistentVolumeClaim example-pvc' },
      { index: 2, line: 13, problem: expect.stringMatching(/^YAML error on line 1[34]: fix the YAML first$/) },
    ]);
  });

  it('gives a document without a kind a lens that says so, and empty text none', () => {
    expect(documentLenses(...read('metadata:\n  name: x\n'))).toEqual([{ index: 0, line: 1, problem: 'No kind: fix the YAML first' }]);
    expect(documentLenses(...read('pvc'))).toEqual([{ index: 0, line: 1, problem: 'No kind: fix the YAML first' }]);
    expect(documentLenses(...read('\n# only a comment\n---\n'))).toEqual([]);
  });

  it('names an object without a name as such', () => {
    expect(documentLenses(...read('kind: Pod\nmetadata:\n  generateName: web-\n'))[0]?.label).toBe('Pod web-…');
    expect(documentLenses(...read('kind: Pod\n'))[0]?.label).toBe('Pod (no name)');
  });
});

describe('documentAtLine', () => {
  const [docs, lines] = read(THREE);
  const at = (line: number) => documentAtLine(docs, lines, line)?.index;

  it('finds the document around the cursor, comments and blank lines included', () => {
    expect([1, 2, 5].map(at)).toEqual([0, 0, 0]);
    expect([7, 8, 10].map(at)).toEqual([1, 1, 1]);
    expect(at(13)).toBe(2);
  });

  it('reads a separator line as the start of the document below it, and an empty document as none', () => {
    expect(at(6)).toBe(1);
    expect(at(11)).toBeUndefined(); // opens the empty document between the two separators
    expect(at(12)).toBe(2);
  });
});

describe('separatorsAround', () => {
  it('asks for --- where the current document has content above or below the line', () => {
    const [docs, lines] = read('kind: ConfigMap\npvc\nmetadata: {}\n');
    expect(separatorsAround(docs, lines, 2)).toEqual({ before: true, after: true });
    expect(separatorsAround(docs, lines, 4)).toEqual({ before: true, after: false });
  });

  it('asks for none in an empty document or an empty editor', () => {
    expect(separatorsAround(...read('kind: ConfigMap\n---\npvc\n'), 3)).toEqual({ before: false, after: false });
    expect(separatorsAround(...read('pvc'), 1)).toEqual({ before: false, after: false });
    expect(separatorsAround(...read('# notes\n\npv\n'), 3)).toEqual({ before: false, after: false });
  });
});

describe('appendDocument', () => {
  it('adds a new document at the end, or replaces text that has nothing in it', () => {
    expect(appendDocument('kind: A', 'kind: B\n')).toBe('kind: A\n---\nkind: B\n');
    expect(appendDocument('kind: A\n', 'kind: B\n')).toBe('kind: A\n---\nkind: B\n');
    expect(appendDocument('\n  \n', 'kind: B\n')).toBe('kind: B\n');
  });
});
