// serviceaccount-controller and root-ca-cert-publisher: every namespace's `default` account and
// `kube-root-ca.crt` ConfigMap, made, restored, and left alone when the namespace is going.
import { describe, expect, it } from 'vitest';
import { act, createCluster, deleteObject, viewOf, type ClusterState } from '../../index.ts';
import { updateObject } from '../../cluster/apply.ts';
import { PRESETS } from '../../cluster/state.ts';
import { presetContents } from '../../presets.ts';
import { runOnce } from '../../runtime/settle.ts';
import { beginTxn } from '../../cluster/store.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import { CLUSTER_CA_CRT, DESCRIPTION, rootCACertPublisher } from '../root-ca-cert-publisher/index.ts';
import { TestCluster } from '../../testing/harness.ts';
import { serviceAccountController } from './index.ts';

const names = (state: ClusterState, kind: 'ServiceAccount' | 'ConfigMap') =>
  viewOf(state)
    .list(kind)
    .map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('a fresh cluster', () => {
  it.each(PRESETS)('%s: every namespace has the default ServiceAccount and kube-root-ca.crt', (preset) => {
    const state = createCluster({ preset });
    const namespaces = presetContents(preset).namespaces.slice().sort();
    expect(names(state, 'ServiceAccount')).toEqual(namespaces.map((ns) => `${ns}/default`));
    expect(names(state, 'ConfigMap')).toEqual(namespaces.map((ns) => `${ns}/kube-root-ca.crt`));
  });

  it('the ConfigMap holds the CA under ca.crt with the publisher\'s description; the account is bare', () => {
    const view = viewOf(createCluster({ preset: 'kind' }));
    const cm = view.get('ConfigMap', 'default/kube-root-ca.crt')!;
    expect(cm.data).toEqual({ 'ca.crt': CLUSTER_CA_CRT });
    expect(CLUSTER_CA_CRT).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
    const sa = view.get('ServiceAccount', 'kube-system/default')!;
    expect(Object.keys(sa.metadata).sort()).toEqual(['creationTimestamp', 'name', 'namespace', 'resourceVersion', 'uid']);
    expect(sa).not.toHaveProperty('secrets');
  });
});

describe('level-triggered', () => {
  it('a new namespace gets both at once; a deleted account or ConfigMap comes back', () => {
    const tc = TestCluster.of('bare');
    tc.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    expect(tc.get('ServiceAccount', 'team/default')).toBeDefined();
    expect(tc.get('ConfigMap', 'team/kube-root-ca.crt')).toBeDefined();
    const uid = tc.get('ServiceAccount', 'team/default')!.metadata.uid;
    tc.state = act(tc.state, 'delete', (txn) => {
      deleteObject(txn, 'ServiceAccount', 'team/default');
      deleteObject(txn, 'ConfigMap', 'team/kube-root-ca.crt');
    }).state;
    expect(tc.get('ServiceAccount', 'team/default')!.metadata.uid).not.toBe(uid);
    expect(tc.get('ConfigMap', 'team/kube-root-ca.crt')!.data).toEqual({ 'ca.crt': CLUSTER_CA_CRT });
  });

  it('an edited kube-root-ca.crt is put back, keeping a rewritten description', () => {
    const tc = TestCluster.of('bare');
    tc.state = act(tc.state, 'edit', (txn) => {
      const cm = txn.get('ConfigMap', 'default/kube-root-ca.crt')!;
      updateObject(txn, cm, { ...cm, metadata: { ...cm.metadata, annotations: { 'kubernetes.io/description': 'mine' } }, data: { 'ca.crt': 'x', extra: 'y' } });
    }).state;
    const cm = tc.get('ConfigMap', 'default/kube-root-ca.crt')!;
    expect(cm.data).toEqual({ 'ca.crt': CLUSTER_CA_CRT });
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': 'mine' });
  });

  it('a settled cluster is left unchanged by another sync', () => {
    const txn = beginTxn(createCluster({ preset: 'kind' }));
    expect(runOnce(txn, serviceAccountController, [])).toBe(false);
    expect(runOnce(txn, rootCACertPublisher, [])).toBe(false);
  });

  it('a terminating namespace gets nothing new', () => {
    const base = createCluster({ preset: 'bare' });
    const txn = beginTxn(base);
    const ns = txn.get('Namespace', 'default')!;
    expect(updateStatus(txn, { ...ns, status: { phase: 'Terminating' } }).ok).toBe(true);
    txn.remove('ServiceAccount', 'default/default');
    txn.remove('ConfigMap', 'default/kube-root-ca.crt');
    expect(runOnce(txn, serviceAccountController, [])).toBe(false);
    expect(runOnce(txn, rootCACertPublisher, [])).toBe(false);
  });
});
