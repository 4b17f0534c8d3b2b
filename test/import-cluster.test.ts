// Import from a real cluster, across the layers it touches: the paste is parsed (commands), stored
// with its status (engine), drawn (the canvas graph) and carried on by the controllers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript } from '../src/commands/script/run-script.ts';
import { toFlowGraph } from '../src/ui/canvas/graph.ts';
import { importCluster } from '../src/commands/import/import-cluster.ts';
import { importSummary, parseImport } from '../src/commands/import/parse-import.ts';

const KIND_LIST = readFileSync(new URL('../src/commands/import/testdata/kind-cluster.yaml', import.meta.url), 'utf8');
const noFiles = { read: () => undefined, list: () => undefined };

describe('import from a cluster (kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml)', () => {
  const { parsed, outcome } = importCluster(KIND_LIST);
  const state = outcome!.state;
  const run = (script: string) => runScript(script, { state, quiet: true, files: noFiles });

  it('counts what it imports by kind and skips kinds it does not model', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.counts).toEqual({ Node: 3, PersistentVolume: 1, PersistentVolumeClaim: 1, Pod: 3, ConfigMap: 2, Service: 1, StorageClass: 1 });
    expect(importSummary(parsed).at(-1)).toBe('skipped 2 objects of kinds the playground does not model: DaemonSet (1), Lease (1)');
    expect(outcome!.added).toEqual(['add-on local-path-provisioner']);
  });

  it('replaces the nodes with the imported ones, zone labels and all, and keeps status as given', () => {
    expect(run('kubectl get nodes -L topology.kubernetes.io/zone').stdout).toBe(
      [
        'NAME                 STATUS   ROLES           AGE   VERSION   ZONE',
        'kind-control-plane   Ready    control-plane   14m   v1.34.0   ',
        'kind-worker          Ready    <none>          13m   v1.34.0   us-east-1a',
        'kind-worker2         Ready    <none>          13m   v1.34.0   us-east-1b',
        '',
      ].join('\n'),
    );
    expect(run('kubectl get pvc').stdout).toBe(
      [
        'NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        'data   Bound    pvc-3f1c2a9e-7b8d-4e55-9c1a-2d6f0b8e4a11   1Gi        RWO            standard       <unset>                 45s',
        '',
      ].join('\n'),
    );
    expect(run('kubectl get pod web -o wide').stdout).toContain('web    1/1     Running   0          45s   10.244.1.2   kind-worker');
    // uids are kept; managedFields are not (the store manages its own).
    const pod = run('kubectl get pod web -o json').stdout;
    expect(JSON.parse(pod).metadata.uid).toBe('0d5e8f3b-2c41-4a77-b6e9-91c3d2f4a8b0');
    expect(pod).not.toContain('managedFields');
  });

  it('keeps pods whose owners were not in the paste, and static pods owned by their node', () => {
    expect(run('kubectl get pods -n kube-system -o name').stdout).toBe('pod/coredns-674b8bbfcf-7dq9x\npod/etcd-kind-control-plane\n');
  });

  it('shows the imported objects on the canvas graph', () => {
    const ids = toFlowGraph(state).nodes.map((n) => n.id).join('\n');
    for (const name of ['kind-worker2', 'web', 'data', 'pvc-3f1c2a9e-7b8d-4e55-9c1a-2d6f0b8e4a11', 'standard', 'site']) expect(ids).toContain(name);
  });

  it('lets the controllers carry on: deleting the pod, then the claim, deletes the volume (reclaim policy Delete)', () => {
    const after = run('kubectl delete pod web\nkubectl delete pvc data\nkubectl get pv');
    expect(after.stderr).toBe('No resources found\n');
    expect(after.steps.map((s) => s.summary)).toContain(
      'persistentvolume-reclaimer had rancher.io/local-path delete volume pvc-3f1c2a9e-7b8d-4e55-9c1a-2d6f0b8e4a11 and its storage (reclaim policy Delete)',
    );
  });

  it('provisions new claims with the imported class, on the imported nodes', () => {
    const more = run(
      [
        'kubectl apply -f - <<EOF',
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: more}',
        'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: user}',
        'spec:',
        '  nodeSelector: {topology.kubernetes.io/zone: us-east-1b}',
        '  containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: d, mountPath: /d}]}]',
        '  volumes: [{name: d, persistentVolumeClaim: {claimName: more}}]',
        'EOF',
        "kubectl get pod user -o jsonpath='{.spec.nodeName} {.status.phase}'",
        'echo',
        "kubectl get pvc more -o jsonpath='{.status.phase}'",
      ].join('\n'),
    );
    expect(more.stdout).toBe('persistentvolumeclaim/more created\npod/user created\nkind-worker2 Running\nBound');
  });
});

describe('import: hostile input', () => {
  it('refuses empty input and YAML without objects', () => {
    expect(parseImport('').fatal).toMatch(/^nothing to import/);
    expect(parseImport('just: a map\n').problems[0]!.message).toBe("Object 'Kind' is missing or 'apiVersion' is missing");
    expect(parseImport('- a\n- b\n').problems[0]!.message).toMatch(/^not a Kubernetes object/);
  });

  it('reports a broken item with its line and column and imports the rest', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: ok}',
      '- apiVersion: v1',
      '  kind: PersistentVolumeClaim',
      '  metadata: {name: bad}',
      '  spec:',
      '    resources: {requests: {storage: lots}}',
      '',
    ].join('\n');
    const p = parseImport(text);
    expect(p.counts).toEqual({ ConfigMap: 1 });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]!.subject).toBe('PersistentVolumeClaim bad');
    expect(p.problems[0]!.line).toBe(11);
  });

  it('drops managedFields, and refuses annotations over 256 KiB as the API server would', () => {
    const huge = 'x'.repeat(300 * 1024);
    const p = parseImport(
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  metadata:',
        '    name: big',
        `    annotations: {note: ${huge}}`,
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  metadata:',
        '    name: fields',
        '    managedFields: [{manager: kubectl, operation: Update, fieldsV1: {"f:data": {}}}]',
        '',
      ].join('\n'),
    );
    expect(p.counts).toEqual({ ConfigMap: 1 });
    expect(p.objects[0]!.metadata.name).toBe('fields');
    expect(p.problems[0]!.message).toBe('metadata.annotations: Too long: may not be more than 262144 bytes');
  });

  it('imports a List of 10,000 items within seconds, and refuses a longer one', () => {
    const items: string[] = [];
    for (let i = 0; i < 10_000; i++) items.push(`- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-${i}, namespace: ns-${i % 7}}, data: {k: v}}`);
    const started = performance.now();
    const { parsed, outcome } = importCluster(`apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(parsed.counts.ConfigMap).toBe(10_000);
    expect(outcome!.added.filter((a) => a.startsWith('namespace/'))).toHaveLength(7);
    const longer = `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: one-more}}\n`;
    expect(parseImport(longer).fatal).toBe('the input has 10001 items; an import takes at most 10000');
  }, 90_000);
});
