// The UI benchmark waits for each scenario's `lastCard` to appear on the canvas: if the engine or
// the canvas stopped producing it, the benchmark would time out instead of measuring. These check
// that the scenarios hold what they say and settle into that card.
import { describe, expect, it } from 'vitest';
import { createCluster, parseManifestText } from '../src/engine/index.ts';
import { applyManifest } from '../src/engine/write.ts';
import { toFlowGraph } from '../src/ui/canvas/graph.ts';
import { scenario } from './bench-ui-scenarios.ts';

describe('bench-ui scenarios', () => {
  it.each([20, 300, 1_000])('%i objects: exactly that many documents, split as reported', (n) => {
    const s = scenario(n);
    const kinds = parseManifestText(s.text).map((d) => (d.value as { kind?: string } | null)?.kind);
    expect(kinds).toHaveLength(n);
    expect(kinds.filter((k) => k === 'StorageClass')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'Pod')).toHaveLength(s.pods);
    expect(kinds.filter((k) => k === 'PersistentVolumeClaim')).toHaveLength(s.pairs);
    expect(kinds.filter((k) => k === 'PersistentVolume')).toHaveLength(s.pairs + s.spare);
  });

  it.each([20, 300])('%i objects apply cleanly on the bare cluster and end with the last card in its final status', (n) => {
    const s = scenario(n);
    const { state, result } = applyManifest(createCluster({ preset: 'bare', seed: 1 }), s.text, { mode: 'apply' });
    expect(result.filter((r) => r.error)).toEqual([]);
    const labels = toFlowGraph(state).nodes.map((node) => node.ariaLabel);
    expect(labels).toContain(s.lastCard);
    expect(labels.filter((l) => l?.startsWith('Pod ') && !l.endsWith(' Running'))).toEqual([]);
  });

  it('refuses sizes too small to hold every kind', () => {
    expect(() => scenario(3)).toThrow('at least 4 objects');
  });
});
