// The picture the ghost worker sends, and which of its cards the learner's cluster has.
import { describe, expect, it } from 'vitest';
import { loadBuiltinLessons } from '../../lessons/builtin/load-node.ts';
import { startGhost } from '../../lessons/ghost.ts';
import { startLesson, runLines } from '../../lessons/run.ts';
import type { Lesson } from '../../lessons/types.ts';
import { ghostPicture } from './ghost-picture.ts';
import { presenceMap } from './ghost-presence.ts';

const lessons = new Map<string, Lesson>();
for (const { id, result } of loadBuiltinLessons()) if (result.ok) lessons.set(id, result.lesson);
const lesson = (id: string) => lessons.get(id)!;

describe('ghost picture', () => {
  it('static-binding, the claim step: cards in the canvas words, and a line saying what it means', () => {
    const p = ghostPicture(lesson('static-binding'), 1);
    expect(p.cards.map((c) => [c.badge, c.label, c.status, c.tone, c.detail])).toEqual([
      ['PVC', 'example-pvc', 'Bound', 'green', '5Gi · RWO'],
      ['PV', 'example-pv', 'Bound', 'green', '5Gi · RWO · Retain'],
    ]);
    expect(p.lines).toEqual([{ from: 'PersistentVolumeClaim:default/example-pvc', to: 'PersistentVolume:example-pv', relation: 'bound', label: 'claim example-pvc is bound to volume example-pv' }]);
    // Small enough to post: no state in it.
    expect(JSON.stringify(p).length).toBeLessThan(2000);
  });

  it('marks what the learner has: missing, there with another status, then there as the goal has it', () => {
    const l = lesson('static-binding');
    const p = ghostPicture(l, 1);
    const run = startLesson(l);
    runLines(run, l.steps[0]!.solution);
    const before = presenceMap(p.cards, run.session.state);
    expect(before['PersistentVolumeClaim:default/example-pvc']).toEqual({ state: 'missing' });
    expect(before['PersistentVolume:example-pv']).toEqual({ state: 'differs', now: 'Available' });
    runLines(run, l.steps[1]!.solution);
    const after = presenceMap(p.cards, run.session.state);
    expect(Object.values(after)).toEqual([{ state: 'have' }, { state: 'have' }]);
  });

  it('a provisioned volume is found by its claim, whatever name the learner\'s cluster gave it', () => {
    const l = lesson('default-class');
    const p = ghostPicture(l, 2);
    const pv = p.cards.find((c) => c.kind === 'PersistentVolume')!;
    expect(pv.boundTo).toEqual({ namespace: 'default', name: 'example-pvc' });
    // Another seed: other ids, so another volume name.
    const run = startLesson({ ...l, seed: 99 });
    for (const s of l.steps) runLines(run, s.solution);
    const presence = presenceMap(p.cards, run.session.state);
    expect(presence[pv.id]).toEqual({ state: 'have' });
  });

  it('a card the step wants gone counts as done once it is gone', () => {
    const l = lesson('ephemeral-volumes');
    const p = ghostPicture(l, 1);
    expect(p.cards.map((c) => [c.label, c.status, c.gone])).toEqual([
      ['report-builder', 'deleted', true],
      ['report-builder-scratch', 'deleted', true],
    ]);
    const run = startLesson(l);
    runLines(run, l.steps[0]!.solution);
    expect(Object.values(presenceMap(p.cards, run.session.state)).map((x) => x.state)).toEqual(['missing', 'missing']);
    runLines(run, l.steps[1]!.solution);
    expect(Object.values(presenceMap(p.cards, run.session.state)).map((x) => x.state)).toEqual(['have', 'have']);
  });

  it('the Docker host: a container with its image and mounts, in docker inspect\'s words', () => {
    const p = ghostPicture(lesson('docker-storage'), 3);
    expect(p.cards.map((c) => [c.badge, c.label, c.status, c.tone])).toEqual([
      ['CTR', 'web', 'running', 'green'],
      ['IMG', 'nginx', 'image', 'blue'],
    ]);
    expect(p.cards[0]!.detail).toContain('/srv/site:/usr/share/nginx/html');
  });

  it('every built-in lesson: every step draws, reusing the solved steps', () => {
    for (const l of lessons.values()) {
      const g = startGhost(l);
      l.steps.forEach((_, i) => {
        const p = ghostPicture(l, i, g);
        expect(p.step).toBe(i);
        for (const line of p.lines) expect(p.cards.some((c) => c.id === line.from) && p.cards.some((c) => c.id === line.to)).toBe(true);
      });
    }
  });
});
