import { describe, expect, it } from 'vitest';
import { createCluster, parseManifestText, viewOf } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { expandSnippet, SNIPPETS } from './snippets.ts';

describe('expandSnippet', () => {
  it('gives placeholders their default, choices their first option and mirrors the same value', () => {
    expect(expandSnippet('name: ${1:web}\napp: $1\nmode: ${2|RWO,RWX|}\n$0')).toBe('name: web\napp: web\nmode: RWO\n');
  });

  it('keeps escaped and literal braces and dollars', () => {
    expect(expandSnippet('emptyDir: {}\ncost: \\$5 ${1:a\\}b}')).toBe('emptyDir: {}\ncost: $5 a}b');
  });

  it('fills nested placeholders', () => {
    expect(expandSnippet('${1:x-${2:y}}')).toBe('x-y');
  });

  it('reports a broken body instead of returning half of it', () => {
    expect(() => expandSnippet('${1:open')).toThrow(/unclosed/);
  });
});

describe('SNIPPETS', () => {
  it('cover the kinds the course uses, each with its own prefix', () => {
    expect(SNIPPETS.map((s) => s.kind)).toEqual(['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'Pod', 'ConfigMap', 'Secret', 'Deployment', 'Node']);
    expect(new Set(SNIPPETS.map((s) => s.prefix)).size).toBe(SNIPPETS.length);
  });

  it.each(SNIPPETS.map((s) => [s.kind, s] as const))('%s with its defaults is one document that applies cleanly on kind', (kind, snippet) => {
    const text = expandSnippet(snippet.body);
    expect(text).not.toMatch(/\$\{|\$\d/);
    const docs = parseManifestText(text);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.value).toMatchObject({ kind });

    const out = applyManifest(createCluster({ preset: 'kind' }), text, { mode: 'apply' });
    expect(out.result.map((r) => r.error)).toEqual([undefined]);
    expect(out.result[0]!.outcome).toBe('created');
    expect(out.result[0]!.warnings).toEqual([]);
  });

  it('all together, in course order, apply cleanly too (the pod finds its claim)', () => {
    const text = SNIPPETS.map((s) => expandSnippet(s.body)).join('---\n');
    const out = applyManifest(createCluster({ preset: 'kind' }), text, { mode: 'apply' });
    expect(out.result.filter((r) => r.error)).toEqual([]);
    expect(out.result).toHaveLength(SNIPPETS.length);
    const view = viewOf(out.state);
    expect(view.get('Pod', 'default/example-pod')?.status?.phase).toBe('Running');
    expect(view.get('PersistentVolumeClaim', 'default/example-pvc')?.status?.phase).toBe('Bound');
  });
});
