// The one binding rule: its two real orders, node affinity for the scheduler, and the access
// modes a pre-bound volume must still offer on the binder's path.
import { describe, expect, it } from 'vitest';
import type { Stored } from './objects.ts';
import { pv as pvOf, pvc as pvcOf } from '../testing/builders.ts';
import { checkBinding, checkNamedVolume } from './volume-binding.ts';

type PV = Stored<'PersistentVolume'>;
type PVC = Stored<'PersistentVolumeClaim'>;

const volume = (name: string, o: Parameters<typeof pvOf>[1] = {}, phase = 'Available'): PV =>
  ({ ...pvOf(name, { className: '', ...o }), status: { phase } }) as PV;
const claim = (name: string, o: Parameters<typeof pvcOf>[1] = {}): PVC =>
  ({ ...pvcOf(name, { className: '', ...o }), metadata: { name, namespace: 'default', uid: 'u-1' } }) as PVC;
const node = (name: string): Stored<'Node'> => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } });

describe('checkBinding (FindMatchingVolume order)', () => {
  it('accepts a volume that fits every condition', () => {
    expect(checkBinding(volume('a'), claim('c'))).toEqual({ ok: true, preBound: false });
  });

  it.each([
    ['capacity', volume('a', { capacity: '1Gi' }), claim('c', { request: '2Gi' })],
    ['volumeMode', volume('a', { volumeMode: 'Block' }), claim('c')],
    ['phase', volume('a', {}, 'Released'), claim('c')],
    ['selector', volume('a', { labels: { tier: 'slow' } }), claim('c', { selector: { tier: 'fast' } })],
    ['storageClass', volume('a', { className: 'fast' }), claim('c', { className: 'slow' })],
    ['accessModes', volume('a', { modes: ['ReadOnlyMany'] }), claim('c', { modes: ['ReadWriteMany'] })],
    ['claimRef', volume('a', { claimRef: { name: 'other' } }, 'Bound'), claim('c')],
  ] as const)('names %s as the first failing condition', (condition, pv, pvc) => {
    expect(checkBinding(pv, pvc)).toMatchObject({ ok: false, condition });
  });

  it('reports the first condition in order when several fail', () => {
    const v = volume('a', { capacity: '1Gi', className: 'x', modes: ['ReadOnlyMany'] });
    expect(checkBinding(v, claim('c', { request: '2Gi' }))).toMatchObject({ condition: 'capacity', reason: 'too small: 1Gi < 2Gi requested' });
  });

  it('lets a volume pre-bound to the claim win whatever its class and phase, but not its size', () => {
    const pre = volume('a', { claimRef: { name: 'c' }, className: 'other' }, 'Pending');
    expect(checkBinding(pre, claim('c'))).toEqual({ ok: true, preBound: true });
    expect(checkBinding(pre, claim('c', { request: '10Gi' }))).toMatchObject({ ok: false, condition: 'capacity' });
  });

  it("still needs the claim's access modes for a pre-bound volume on the binder's path, not on the scheduler's", () => {
    const pre = volume('a', { claimRef: { name: 'c' }, modes: ['ReadOnlyMany'], nodeAffinityHost: 'n1' });
    const c = claim('c', { modes: ['ReadWriteOnce'] });
    expect(checkBinding(pre, c)).toMatchObject({ ok: false, condition: 'accessModes' });
    expect(checkBinding(pre, c, node('n1'))).toEqual({ ok: true, preBound: true });
    expect(checkBinding(pre, c, node('n2'))).toMatchObject({ ok: false, condition: 'nodeAffinity' });
  });

  it('checks node affinity only when a node is given (the scheduler path)', () => {
    const local = volume('a', { nodeAffinityHost: 'n1' });
    expect(checkBinding(local, claim('c')).ok).toBe(true);
    expect(checkBinding(local, claim('c'), node('n1')).ok).toBe(true);
    expect(checkBinding(local, claim('c'), node('n2'))).toMatchObject({ ok: false, condition: 'nodeAffinity' });
  });
});

describe('checkNamedVolume (checkVolumeSatisfyClaim order and messages)', () => {
  it.each([
    [volume('a', { capacity: '1Gi' }), claim('c', { request: '2Gi', className: 'x' }), 'requested PV is too small'],
    [volume('a', { className: 'x' }), claim('c', { className: 'y', modes: ['ReadWriteMany'] }), 'storageClassName does not match'],
    [volume('a', { volumeMode: 'Block' }), claim('c', { modes: ['ReadWriteMany'] }), 'incompatible volumeMode'],
    [volume('a'), claim('c', { modes: ['ReadWriteMany'] }), 'incompatible accessMode'],
  ])('says %#', (pv, pvc, message) => {
    expect(checkNamedVolume(pv, pvc)).toMatchObject({ ok: false, message });
  });

  it('ignores phase and selector, as the controller does for a volume the claim names', () => {
    expect(checkNamedVolume(volume('a', { labels: { x: 'y' } }, 'Pending'), claim('c', { selector: { x: 'z' } })).ok).toBe(true);
  });
});
