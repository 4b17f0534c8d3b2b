// `kubectl get -f FILE` and `-k DIR`: the objects the manifests name, fetched from the server and
// printed as `get` prints them; one file with one object prints that object, not a List.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';
import { memoryFiles } from '../kustomize/test-files.ts';

const FILES: Record<string, string> = {
  'both.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: {x: "1"}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData: {y: "2"}\n',
  'one.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  'gone.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n',
  'k/kustomization.yaml': 'resources:\n- cm.yaml\n',
  'k/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
};
const run = (script: string) => runScript(`kubectl apply -f both.yaml\n${script}`, { preset: 'kind', quiet: true, files: memoryFiles(FILES) });

describe('kubectl get -f / -k', () => {
  it('prints a table per kind, names prefixed when kinds differ', () => {
    const r = run('kubectl get -f both.yaml\nkubectl get -f one.yaml\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/a created\nsecret/s created\nNAME          DATA   AGE\nconfigmap/a   1      0s\n\nNAME       TYPE     DATA   AGE\nsecret/s   Opaque   1      0s\nNAME   DATA   AGE\na      1      0s\n');
  });

  it('one object from one file is printed as itself, several as a List', () => {
    const r = run(`kubectl get -f one.yaml -o jsonpath='{.kind}'\nkubectl get -f both.yaml -o jsonpath='{.kind} {.items[*].metadata.name}'\nkubectl get -f both.yaml -o name\n`);
    expect(r.stdout).toBe('configmap/a created\nsecret/s created\nConfigMapList a sconfigmap/a\nsecret/s\n');
  });

  it('-k builds the kustomization and gets what it names', () => {
    const r = run('kubectl get -k k -o name\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/a created\nsecret/s created\nconfigmap/a\n');
  });

  it("kubectl's errors: resource arguments with -f, a missing path, an object that is not there", () => {
    const r = run('kubectl get cm -f one.yaml\nkubectl get -f nope.yaml\nkubectl get -f gone.yaml\n');
    expect(r.stderr).toBe(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\nerror: the path "nope.yaml" does not exist\nError from server (NotFound): configmaps "gone" not found\n',
    );
  });
});
