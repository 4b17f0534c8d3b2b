import { describe, expect, it } from 'vitest';
import { createCluster } from '../runtime/simulation.ts';
import { applyManifest } from './apply-manifest.ts';

const configMaps = (n: number) => Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`).join('---\n');

/** The user step's summary: what the timeline and the narration read. */
const summaryOf = (n: number) => applyManifest(createCluster({ preset: 'bare' }), configMaps(n), { mode: 'apply' }).steps.find((s) => s.actor === 'user')!.summary;

describe("an apply step's summary", () => {
  it('names every object of a small apply', () => {
    expect(summaryOf(3)).toBe('user ran kubectl apply: configmap cm-0 created, configmap cm-1 created, configmap cm-2 created');
  });

  it('names the first twenty of a large one and counts the rest, so 10,000 objects are not 270 kB of narration', () => {
    const summary = summaryOf(1_020);
    expect(summary).toMatch(/^user ran kubectl apply: configmap cm-0 created, .*configmap cm-19 created, and 1,000 more$/);
    expect(summary).not.toContain('cm-20 ');
    expect(summary.length).toBeLessThan(800);
  });
});
