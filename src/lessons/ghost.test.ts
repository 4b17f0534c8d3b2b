// The goal ghost's state and subjects: what a step ends with, for built-in lessons of each shape
// (a build-up, a break-fix, a step that removes things, the Docker host), and that every step of
// every built-in lesson computes, quickly.
import { describe, expect, it } from 'vitest';
import { viewOf, type AnyStored, type ClusterState } from '../engine/index.ts';
import { loadBuiltinLessons } from './builtin/load-node.ts';
import { GHOST_MAX_OBJECTS, ghostStateAt, lessonGhost, startGhost } from './ghost.ts';
import { startLesson } from './run.ts';
import type { Lesson } from './types.ts';

const lessons = new Map<string, Lesson>();
for (const { id, result } of loadBuiltinLessons()) if (result.ok) lessons.set(id, result.lesson);
const lesson = (id: string) => lessons.get(id)!;

const phase = (state: ClusterState, kind: 'PersistentVolumeClaim' | 'PersistentVolume' | 'Pod', key: string) =>
  (viewOf(state).get(kind, key) as AnyStored & { status?: { phase?: string } } | undefined)?.status?.phase;

describe('goal ghost', () => {
  it('static-binding: the claim step ends with the claim Bound to the admin volume, and only those', () => {
    const g = lessonGhost(lesson('static-binding'), 1);
    expect(g.subjects.map((s) => [s.id, s.focus])).toEqual([
      ['PersistentVolumeClaim:default/example-pvc', true],
      ['PersistentVolume:example-pv', false],
    ]);
    expect(g.links).toEqual([{ from: 'PersistentVolumeClaim:default/example-pvc', to: 'PersistentVolume:example-pv', relation: 'bound' }]);
    expect(phase(g.state, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Bound');
    expect(phase(g.state, 'PersistentVolume', 'example-pv')).toBe('Bound');
  });

  it('static-binding: the pod step follows the pod to its claim and the claim to its volume, leaving out the token volume', () => {
    const g = lessonGhost(lesson('static-binding'), 2);
    expect(g.subjects.map((s) => s.id)).toEqual(['Pod:default/example-pod', 'PersistentVolumeClaim:default/example-pvc', 'PersistentVolume:example-pv']);
    expect(g.links.map((l) => l.relation)).toEqual(['uses', 'bound']);
    expect(phase(g.state, 'Pod', 'default/example-pod')).toBe('Running');
  });

  it('keeps each step its own state: solving later steps does not change an earlier ghost', () => {
    const g = startGhost(lesson('static-binding'));
    const first = ghostStateAt(g, 0);
    ghostStateAt(g, 2);
    expect(phase(first, 'PersistentVolume', 'example-pv')).toBe('Available');
    expect(phase(ghostStateAt(g, 1), 'PersistentVolume', 'example-pv')).toBe('Bound');
    expect(ghostStateAt(g, 99)).toBe(ghostStateAt(g, 2));
  });

  it('a break-fix lesson: the ghost shows the fixed state, not the broken start', () => {
    const l = lesson('fix-pending-claim');
    expect(phase(startLesson(l).session.state, 'PersistentVolumeClaim', 'default/web-data')).toBe('Pending');
    const g = lessonGhost(l, 0);
    expect(phase(g.state, 'PersistentVolumeClaim', 'default/web-data')).toBe('Bound');
    expect(g.subjects.map((s) => s.id)).toEqual(['Pod:default/web', 'PersistentVolumeClaim:default/web-data', 'PersistentVolume:pv-manual']);
  });

  it('a dynamically provisioned volume comes with the class it belongs to', () => {
    const g = lessonGhost(lesson('default-class'), 2);
    const ids = g.subjects.map((s) => s.id);
    expect(ids).toContain('StorageClass:standard');
    const pv = ids.find((id) => id.startsWith('PersistentVolume:pvc-'))!;
    expect(g.links).toContainEqual({ from: 'StorageClass:standard', to: pv, relation: 'provisioned' });
    expect(g.links).toContainEqual({ from: 'PersistentVolumeClaim:default/example-pvc', to: pv, relation: 'bound' });
  });

  it('a Pending claim waits on its class', () => {
    const g = lessonGhost(lesson('default-class'), 1);
    expect(g.links).toEqual([{ from: 'StorageClass:standard', to: 'PersistentVolumeClaim:default/example-pvc', relation: 'waiting' }]);
  });

  it('what a step wants gone is marked gone', () => {
    const g = lessonGhost(lesson('ephemeral-volumes'), 1);
    expect(g.subjects).toEqual([
      { id: 'Pod:default/report-builder', ref: { kind: 'Pod', namespace: 'default', name: 'report-builder' }, focus: true, gone: true },
      { id: 'PersistentVolumeClaim:default/report-builder-scratch', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'report-builder-scratch' }, focus: true, gone: true },
    ]);
  });

  it('the Docker host: a volume kept, a container removed, a container from its image', () => {
    const l = lesson('docker-storage');
    expect(lessonGhost(l, 2).subjects.map((s) => [s.id, !!s.gone])).toEqual([
      ['DockerVolume:my-vol', false],
      ['DockerContainer:my-cont-2', true],
    ]);
    expect(lessonGhost(l, 1).links).toEqual([{ from: 'DockerImage:my-image', to: 'DockerContainer:my-cont-1', relation: 'image' }]);
  });

  it('a field goal draws the object that meets it, not every object of its kind', () => {
    const pv = (name: string, size: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}}\nspec: {capacity: {storage: ${size}}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/${name}}}\nEOF\n`;
    const l: Lesson = {
      id: 'field',
      title: 'f',
      summary: '',
      topic: 't',
      preset: 'bare',
      seed: 1,
      setup: pv('small', '1Gi'),
      steps: [{ title: 's', prose: '', goals: [{ id: 'g', title: 'g', check: { field: { kind: 'pv', path: 'spec.capacity.storage', equals: '5Gi' } } }], solution: pv('big', '5Gi') }],
    };
    expect(lessonGhost(l, 0).subjects.map((s) => s.id)).toEqual(['PersistentVolume:big']);
  });

  it('a step whose goals are about commands run draws nothing', () => {
    expect(lessonGhost(lesson('default-class'), 0).subjects).toEqual([]);
  });

  it('is deterministic: the same lesson draws the same ghost', () => {
    const a = lessonGhost(lesson('statefulset-claims'), 0);
    const b = lessonGhost(lesson('statefulset-claims'), 0);
    expect(a.subjects).toEqual(b.subjects);
    expect(a.links).toEqual(b.links);
  });

  it(`never draws more than ${GHOST_MAX_OBJECTS} objects, the goals' own first`, () => {
    const names = Array.from({ length: 16 }, (_, i) => `cm-${String(i).padStart(2, '0')}`);
    const many: Lesson = {
      id: 'many',
      title: 'many',
      summary: '',
      topic: 't',
      preset: 'bare',
      seed: 1,
      steps: [
        {
          title: 's',
          prose: '',
          goals: names.map((n) => ({ id: n, title: n, check: { exists: { kind: 'cm', name: n } } })),
          solution: names.map((n) => `kubectl create configmap ${n} --from-literal=a=b`).join('\n'),
        },
      ],
    };
    const g = lessonGhost(many, 0);
    expect(g.subjects).toHaveLength(GHOST_MAX_OBJECTS);
    expect(g.subjects.every((s) => s.focus)).toBe(true);
    expect(g.subjects[0]!.id).toBe('ConfigMap:default/cm-00');
  });

  it('every built-in lesson: every step computes without throwing', () => {
    const timings: { id: string; ms: number; slowest: number }[] = [];
    for (const l of lessons.values()) {
      const t0 = performance.now();
      const g = startGhost(l);
      let slowest = 0;
      l.steps.forEach((_, i) => {
        const s0 = performance.now();
        const r = lessonGhost(l, i, g);
        slowest = Math.max(slowest, performance.now() - s0);
        expect(r.subjects.length).toBeLessThanOrEqual(GHOST_MAX_OBJECTS);
      });
      timings.push({ id: l.id, ms: performance.now() - t0, slowest });
    }
    expect(timings.length).toBeGreaterThanOrEqual(20);
    // Timings are figures, not assertions (a busy machine would make them flake): GHOST_TIMINGS=1 prints them.
    if (process.env['GHOST_TIMINGS']) console.log(timings.map((t) => `${t.id.padEnd(26)} ${t.ms.toFixed(0).padStart(5)} ms setup and all steps, slowest step ${t.slowest.toFixed(0)} ms`).join('\n'));
  });
});
