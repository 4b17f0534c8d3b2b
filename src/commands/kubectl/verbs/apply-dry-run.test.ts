// `kubectl apply|create -f --dry-run=client`: nothing is sent, so the server's checks never run
// (apply.go: a GET decides created or configured, the patch is made locally); kubectl's own
// checks (kind mapping, namespace) still do. `--dry-run=server` is checked by the server.
import { describe, expect, it } from 'vitest';
import { readerOf, getObject } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
const doc = (body: string, flags: string, verb = 'apply') => `kubectl ${verb} ${flags} -f - <<EOF\n${body}EOF\n`;
// A Pod with no containers: the API server refuses it (Invalid), kubectl alone does not look.
const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n';
const CM = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: "${value}"\n`;

describe('apply --dry-run=client', () => {
  it('does not run the server\'s validation, and stores nothing', () => {
    const r = run(doc(BAD_POD, '--dry-run=client'));
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['pod/p created (dry run)\n', '', 0]);
    expect(getObject(readerOf(r.state), 'Pod', 'default', 'p').ok).toBe(false);
    // The server's dry run does validate.
    const server = run(doc(BAD_POD, '--dry-run=server'));
    expect(server.stdout).toBe('');
    expect(server.stderr).toContain('spec.containers: Required value');
    expect(server.exitCode).toBe(1);
  });

  it('says configured or unchanged against the live object, as a local patch finds', () => {
    const r = run(doc(CM('1'), '') + doc(CM('2'), '--dry-run=client') + doc(CM('1'), '--dry-run=client'));
    expect(r.stdout).toBe('configmap/c created\nconfigmap/c configured (dry run)\nconfigmap/c unchanged (dry run)\n');
    const cm = getObject(readerOf(r.state), 'ConfigMap', 'default', 'c');
    expect(cm.ok && cm.value.kind === 'ConfigMap' ? cm.value.data : undefined).toEqual({ k: '1' });
  });

  it('says configured for a change the server would refuse (a pod\'s immutable spec)', () => {
    const pod = (policy: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: ${policy}\n  containers:\n  - name: c\n    image: nginx\n`;
    const r = run(doc(pod('Always'), '') + doc(pod('Never'), '--dry-run=client'));
    expect([r.stdout, r.stderr]).toEqual(['pod/p created\npod/p configured (dry run)\n', '']);
    expect(run(doc(pod('Always'), '') + doc(pod('Never'), '--dry-run=server')).stderr).toContain('Forbidden');
  });

  it('prints the manifest kubectl would have sent: its namespace and last-applied annotation, no server fields', () => {
    const r = run(doc(CM('1'), '--dry-run=client -o yaml'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'apiVersion: v1\ndata:\n  k: "1"\nkind: ConfigMap\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n' +
        '      {"apiVersion":"v1","data":{"k":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n' +
        '  name: c\n  namespace: default\n',
    );
  });

  it('prints no server warning: the server hears nothing', () => {
    const pv = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: old\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  hostPath:\n    path: /tmp/old\n';
    expect(run(doc(pv, '--dry-run=server')).stderr).toContain('Warning: spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated');
    const r = run(doc(pv, '--dry-run=client'));
    expect([r.stdout, r.stderr]).toEqual(['persistentvolume/old created (dry run)\n', '']);
  });

  it('keeps kubectl\'s own errors: a kind the cluster does not serve', () => {
    const r = run(doc('apiVersion: v1\nkind: Nope\nmetadata:\n  name: n\n', '--dry-run=client'));
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('from "STDIN": no matches for kind "Nope" in version "v1"\nensure CRDs are installed first\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('create -f --dry-run=client', () => {
  it('says created even when the object exists: create.go never asks', () => {
    const r = run(doc(CM('1'), '') + doc(CM('1'), '--dry-run=client', 'create'));
    expect([r.stdout, r.stderr]).toEqual(['configmap/c created\nconfigmap/c created (dry run)\n', '']);
  });
});
