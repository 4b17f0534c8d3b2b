// An empty file, or one of `null` documents, is no object for kubectl: apply and create refuse
// it, delete finds nothing (kubectl 1.32: apply.go, create.go, delete.go).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const files = { read: (p: string) => ({ 'empty.yaml': '', 'nulls.yaml': '---\nnull\n---\n~\n# a comment\n', 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\nnull\n' })[p] };
const run = (script: string) => runScript(script, { preset: 'bare', files, quiet: true });

describe('no objects passed', () => {
  it.each(['apply', 'create'])('%s -f of an empty file or of null documents is an error', (verb) => {
    for (const f of ['empty.yaml', 'nulls.yaml', '-']) {
      const r = run(`kubectl ${verb} -f ${f} <<EOF\n---\n~\nEOF\n`);
      expect(r.stderr).toBe(`error: no objects passed to ${verb}\n`);
      expect(r.stdout).toBe('');
      expect(r.exitCode).toBe(1);
    }
  });

  it('null documents beside an object are skipped, not errors', () => {
    const r = run('kubectl apply -f cm.yaml\nkubectl apply -f nulls.yaml -f cm.yaml\n');
    expect(r.stdout).toBe('configmap/cfg created\nconfigmap/cfg unchanged\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('a missing file is only that error', () => {
    const r = run('kubectl apply -f nope.yaml\n');
    expect(r.stderr).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('delete -f of an empty file, or a selector matching nothing, prints "No resources found" on stdout and succeeds', () => {
    const r = run('kubectl delete -f nulls.yaml\nkubectl delete pvc -l app=none\n');
    expect(r.stdout).toBe('No resources found\nNo resources found\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});
