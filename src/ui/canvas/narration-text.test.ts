import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { STARTER_MANIFEST } from '../../store/starter.ts';
import { SENTENCE_MAX, shortSentence, SPOKEN_MAX, spokenSteps } from './narration-text.ts';

describe('the narration, bounded', () => {
  it('reads an ordinary action whole: the starter manifest on every preset', () => {
    for (const preset of ['kind', 'bare', 'multi-az'] as const) {
      const { steps } = applyManifest(createCluster({ preset }), STARTER_MANIFEST, { mode: 'apply' });
      expect(spokenSteps(steps.map((s) => s.summary))).toBe(steps.map((s) => `${s.summary}.`).join(' '));
    }
  });

  it('cuts a 10,000-object sentence after the last whole object that fits', () => {
    const all = `user ran kubectl apply: ${Array.from({ length: 10_000 }, (_, i) => `configmap cm-${i} created`).join(', ')}`;
    const short = shortSentence(all);
    expect(short.length).toBeLessThanOrEqual(SENTENCE_MAX);
    expect(short).toMatch(/^user ran kubectl apply: configmap cm-0 created, configmap cm-1 created, .*configmap cm-\d+ created, …$/);
    expect(spokenSteps([all])).toBe(`${short}.`);
    // A sentence without a list is cut where it must be.
    expect(shortSentence('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('says how many steps it leaves out past SPOKEN_MAX characters', () => {
    const steps = Array.from({ length: 1_000 }, (_, i) => `scheduler assigned pod default/web-${i} to node kind-control-plane`);
    const spoken = spokenSteps(steps);
    expect(spoken.length).toBeLessThanOrEqual(SPOKEN_MAX + 40);
    const kept = spoken.split('. ').filter((s) => s.startsWith('scheduler')).length;
    expect(kept).toBeGreaterThan(10);
    expect(spoken).toMatch(new RegExp(`And ${(1_000 - kept).toLocaleString('en-US')} more steps\\.$`));
    expect(spokenSteps([])).toBe('');
  });
});
