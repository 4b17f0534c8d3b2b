import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { runScript } from '../script/run-script.ts';
import { exportToKind, selfExtractingScript, type ExportFile } from './kind-export.ts';

const dir = new URL('../../../examples/multi-zone/', import.meta.url);
const files = { read: (p: string) => readFileSync(new URL(p, dir), 'utf8'), list: () => undefined };

function multiZone(): ClusterState {
  return runScript(readFileSync(new URL('demo.sh', dir), 'utf8'), { preset: 'multi-az', quiet: true, files }).state;
}
const file = (out: ExportFile[], path: string) => out.find((f) => f.path === path)!.content;

describe('export to kind', () => {
  const state = multiZone();
  const out = exportToKind(state, { history: ['kubectl apply -f wffc.yaml'] });

  it('writes the four files, run.sh executable', () => {
    expect(out.map((f) => f.path)).toEqual(['manifests.yaml', 'kind-config.yaml', 'run.sh', 'README.md']);
    expect(out.find((f) => f.path === 'run.sh')!.executable).toBe(true);
  });

  it('makes a kind Cluster with a control plane and one worker per simulated node, zones as kubeadm node labels', () => {
    const config = load(file(out, 'kind-config.yaml')) as { kind: string; apiVersion: string; nodes: { role: string; kubeadmConfigPatches?: string[] }[] };
    expect(config.kind).toBe('Cluster');
    expect(config.apiVersion).toBe('kind.x-k8s.io/v1alpha4');
    expect(config.nodes.map((n) => n.role)).toEqual(['control-plane', ...Array(6).fill('worker')]);
    const zones = config.nodes.slice(1).map((n) => {
      const patch = load(n.kubeadmConfigPatches![0]!) as { kind: string; nodeRegistration: { kubeletExtraArgs: Record<string, string> } };
      expect(patch.kind).toBe('JoinConfiguration');
      return patch.nodeRegistration.kubeletExtraArgs['node-labels'];
    });
    expect(zones).toEqual(['a', 'a', 'b', 'b', 'c', 'c'].map((z) => `topology.kubernetes.io/zone=us-east-1${z},topology.kubernetes.io/region=us-east-1`));
  });

  it('run.sh creates the cluster, makes the substitute classes, replays the commands, then waits for the end state', () => {
    const run = file(out, 'run.sh');
    const lines = run.split('\n');
    const created = lines.indexOf('kind create cluster --config kind-config.yaml');
    expect(created).toBeGreaterThan(0);
    // The preset's gp3 and the learner's gp3-immediate exist as local-path classes before anything uses them.
    const classes = lines.indexOf("kubectl apply -f - <<'EOF'");
    expect(classes).toBeGreaterThan(created);
    expect(lines.slice(classes, lines.indexOf('EOF', classes)).filter((l) => l.startsWith('  name: ') || l.startsWith('provisioner: '))).toEqual([
      '  name: gp3',
      'provisioner: rancher.io/local-path',
      '  name: gp3-immediate',
      'provisioner: rancher.io/local-path',
    ]);
    expect(run).not.toContain('last-applied-configuration');
    expect(lines.indexOf('kubectl apply -f wffc.yaml')).toBeGreaterThan(classes);
    expect(lines.indexOf("kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/orders-db -n default --timeout=120s")).toBeGreaterThan(lines.indexOf('kubectl apply -f wffc.yaml'));
    expect(lines).toContain('kubectl wait --for=condition=Ready pod/orders -n default --timeout=180s');
    // The pod the zone conflict stranded is not waited for: kind would not pass that wait either way.
    expect(lines).toContain('# pod/reports was Pending in the simulation');
  });

  it('exports the learner objects as written, and rewrites EBS classes to local-path keeping their names', () => {
    const docs = file(out, 'manifests.yaml').split(/^---$/m).slice(1).map((d) => load(d) as { kind: string; metadata: Record<string, unknown>; provisioner?: string; status?: unknown });
    expect(docs.map((d) => `${d.kind}/${String(d.metadata['name'])}`)).toEqual([
      'StorageClass/gp3',
      'StorageClass/gp3-immediate',
      'PersistentVolumeClaim/orders-db',
      'PersistentVolumeClaim/reports-db',
      'Pod/orders',
      'Pod/reports',
    ]);
    for (const d of docs) {
      expect(d.status).toBeUndefined();
      expect(d.metadata['uid']).toBeUndefined();
      expect(d.metadata['annotations']).toBeUndefined();
    }
    expect(docs.filter((d) => d.kind === 'StorageClass').map((d) => d.provisioner)).toEqual(['rancher.io/local-path', 'rancher.io/local-path']);
    const readme = file(out, 'README.md');
    expect(readme).toContain('Class `gp3`** (`ebs.csi.aws.com` in the simulation) becomes a `rancher.io/local-path` class');
    expect(readme).toContain('A zonal disk (an EBS volume in one zone) becomes a node-local directory');
    expect(readme).toContain('Multi-Attach');
  });

  it('cleans objects made without apply (no last-applied): no status, server fields or token volume', () => {
    const made = runScript('kubectl create configmap site --from-literal=a=b\nkubectl run web --image=nginx', { preset: 'kind', quiet: true, files }).state;
    const text = file(exportToKind(made), 'manifests.yaml');
    expect(text).toContain('name: site');
    expect(text).toContain('name: web');
    expect(text).not.toMatch(/uid:|resourceVersion:|creationTimestamp:|status:|nodeName:|kube-api-access/);
  });

  it('a fresh cluster exports no objects, and the kind preset needs no substitute class', () => {
    const out = exportToKind(createCluster({ preset: 'kind' }));
    expect(file(out, 'manifests.yaml')).not.toContain('---');
    expect(file(out, 'kind-config.yaml')).toContain('- role: control-plane');
    expect(file(out, 'kind-config.yaml')).not.toContain('kubeadmConfigPatches');
  });

  it('the self-extracting script holds every file in a quoted heredoc', () => {
    const sh = selfExtractingScript(out);
    expect(sh.startsWith('#!/bin/sh\n')).toBe(true);
    for (const f of out) expect(sh).toContain(`cat > kind-export/${f.path} <<'KUBESIM_EOF'\n${f.content}KUBESIM_EOF\n`);
    expect(sh).toContain('chmod +x kind-export/run.sh');
  });
});
