// `kind: List`: each item applied, created or deleted as its own document, errors pointing into the list.
import { describe, expect, it } from 'vitest';
import { viewOf } from '../index.ts';
import { applyManifest } from '../write.ts';
import { createCluster } from '../runtime/simulation.ts';
import { flattenLists } from './list-items.ts';
import { parseManifestText } from './parse.ts';

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
- apiVersion: v1
  kind: Secret
  metadata:
    name: Bad_Name
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
`;

describe('kind: List', () => {
  it('is flattened into its items, which keep the document index and find their positions under items[i]', () => {
    const docs = flattenLists(parseManifestText(LIST));
    expect(docs.map((d) => [d.index, (d.value as { metadata: { name: string } }).metadata.name])).toEqual([[0, 'a'], [0, 'Bad_Name'], [1, 'b']]);
    expect(docs[1]!.keyPositions['metadata.name']).toEqual({ line: 11, column: 5 });
  });

  it('applies each item on its own: the good ones are created, the bad one fails with its own error and line', () => {
    const { state, result } = applyManifest(createCluster({ preset: 'bare', seed: 1 }), LIST, { mode: 'apply' });
    expect(result.map((r) => r.outcome ?? 'error')).toEqual(['created', 'error', 'created']);
    expect(result[1]!.error?.message).toMatch(/^The Secret "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/);
    expect(result[1]!.error?.position.line).toBe(11);
    expect(viewOf(state).list('ConfigMap').map((c) => c.metadata.name)).toContain('a');
  });

  it('a nested list and a PersistentVolumeList are flattened too; an empty list gives nothing', () => {
    const nested = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'PersistentVolumeList', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep' } }] }] };
    expect(flattenLists(parseManifestText(JSON.stringify(nested))).map((d) => (d.value as { metadata: { name: string } }).metadata.name)).toEqual(['deep']);
    expect(flattenLists(parseManifestText('apiVersion: v1\nkind: List\nitems: []\n'))).toEqual([]);
  });
});
