// Steps are the timeline's and the narration's raw material: every one names its actor, says in
// one sentence what happened, and lists the objects it changed.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import { readFileSync } from 'node:fs';

describe('steps', () => {
  const files = { read: (p: string) => readFileSync(`examples/dynamic-provisioning/${p}`, 'utf8') };
  const { steps } = runScript('kubectl apply -f pvc.yaml\nkubectl apply -f pod.yaml\nkubectl delete pod example-pod\nkubectl delete pvc example-pvc\n', { preset: 'kind', files });

  it('are numbered in order and each sentence starts with the component that acted', () => {
    expect(steps.map((s) => s.index)).toEqual(steps.map((_, i) => i));
    for (const s of steps) expect(s.summary.startsWith(`${s.actor} `), s.summary).toBe(true);
  });

  it('tell the WaitForFirstConsumer story in order', () => {
    const actors = steps.map((s) => s.actor);
    const first = (actor: string, from = 0) => actors.indexOf(actor, from);
    const provisioned = steps.findIndex((s) => s.actor === 'external-provisioner');
    expect(first('user')).toBe(0);
    expect(steps[1]!.events.map((e) => e.reason)).toEqual(['WaitForFirstConsumer']);
    expect(first('scheduler')).toBeLessThan(provisioned);
    expect(steps[provisioned]!.changes.map((c) => `${c.type} ${c.ref.kind}`)).toEqual(['created PersistentVolume']);
    expect(steps[provisioned]!.events.map((e) => e.reason)).toEqual(['Provisioning', 'ProvisioningSucceeded']);
    const bind = steps.find((s) => s.summary.startsWith('persistentvolume-binder bound claim default/example-pvc'))!;
    expect(bind.changes.map((c) => c.ref.kind)).toEqual(expect.arrayContaining(['PersistentVolume', 'PersistentVolumeClaim']));
    expect(steps.some((s) => s.summary.startsWith('persistentvolume-reclaimer had rancher.io/local-path delete volume pvc-'))).toBe(true);
  });

  it('carry events with their counts and timestamps, and changes with the objects as written', () => {
    const withEvents = steps.find((s) => s.events.length > 0)!;
    expect(withEvents.events[0]).toMatchObject({ type: 'Normal', count: 1, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z' });
    const created = steps[0]!.changes[0]!;
    expect(created).toMatchObject({ type: 'created', ref: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'example-pvc' } });
    expect(created.object?.metadata.uid).toBeDefined();
  });
});
