// `kubectl label` / `annotate` details checked against kubectl 1.34's label.go and annotate.go
// (and the real kubectl through `kubesim serve` in test/serve-kubectl.test.ts).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const files = { read: () => undefined, list: () => undefined };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });

describe('kubectl label and annotate', () => {
  it('says when a label to remove is not there, before "not labeled"', () => {
    const r = run('kubectl create cm c\nkubectl label cm c tier-\n');
    expect(r.stdout).toBe('configmap/c created\nlabel "tier" not found.\nconfigmap/c not labeled\n');
    // A client dry run does not look: label.go prints it only on the path that asks the server.
    expect(run('kubectl create cm c\nkubectl label cm c tier- --dry-run=client\n').stdout).not.toContain('not found');
  });

  it('lists every annotation clash in annotate.go words, and lets change-cause be overwritten', () => {
    const r = run('kubectl create cm c\nkubectl annotate cm c a=1 b=2\nkubectl annotate cm c a=3 b=4\nkubectl annotate cm c kubernetes.io/change-cause=x\nkubectl annotate cm c kubernetes.io/change-cause=y\n');
    expect(r.stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (2)\n");
    expect(r.stdout).toMatch(/configmap\/c annotated\nconfigmap\/c annotated\n$/);
  });

  it('labels every object of the type with --all, and those matching -l', () => {
    const r = run('kubectl create cm a\nkubectl create cm b\nkubectl label cm a x=1\nkubectl label cm --all team=s\nkubectl label cm -l x=1 only=a\n');
    expect(r.stdout).toBe('configmap/a created\nconfigmap/b created\nconfigmap/a labeled\nconfigmap/a labeled\nconfigmap/b labeled\nconfigmap/kube-root-ca.crt labeled\nconfigmap/a labeled\n');
    expect(r.stderr).toBe('');
  });
});
