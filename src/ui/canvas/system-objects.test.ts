// The canvas leaves out what every namespace and every pod gets from the system: the default
// ServiceAccount, the kube-root-ca.crt ConfigMap and each pod's kube-api-access-* token volume.
import { describe, expect, it } from 'vitest';
import { createCluster, viewOf } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { toFlowGraph } from './graph.ts';

describe('system objects on the canvas', () => {
  const manifest =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {a: b}\n---\n' +
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: nginx, volumeMounts: [{name: cfg, mountPath: /cfg}]}]\n  volumes: [{name: cfg, configMap: {name: app-config}}]\n';
  const out = applyManifest(createCluster({ preset: 'kind' }), manifest, { mode: 'apply' });
  const g = toFlowGraph(out.state);
  const text = JSON.stringify(g.nodes.map((n) => n.data));

  it('draws the pod with its own volume chip but no token volume chip', () => {
    expect(viewOf(out.state).get('Pod', 'default/web')?.spec?.volumes?.map((v) => v.name)).toEqual(['cfg', expect.stringMatching(/^kube-api-access-/)]);
    expect(text).toContain('"label":"cfg"');
    expect(text).not.toContain('kube-api-access');
  });

  it('draws the learner\'s ConfigMap and its edge, never kube-root-ca.crt', () => {
    expect(text).toContain('app-config');
    expect(text).not.toContain('kube-root-ca.crt');
    expect(g.edges.filter((e) => e.id.startsWith('config:')).map((e) => e.source)).toEqual([expect.stringContaining('app-config')]);
  });
});
