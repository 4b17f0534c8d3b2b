// `-o` on the verbs that write (create, run, apply, label, scale…): the template printers `get`
// has, without the table and custom columns, and each refusal in kubectl's words (compared with
// the kubectl client: `kubectl create configmap x --from-literal=a=b --dry-run=client -o …`).
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const FILES: Record<string, string> = { 'name.jsonpath': '{.metadata.name}\n' };
const files = { read: (p: string) => FILES[p] };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });
const CM = 'kubectl create configmap x --from-literal=a=b --dry-run=client';
const ALLOWED = 'allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

describe('-o on the verbs that print objects', () => {
  it('prints a jsonpath with no newline of its own', () => {
    expect(run(`${CM} -o jsonpath='{.data}'\n`).stdout).toBe('{"a":"b"}');
    expect(run(`${CM} -o jsonpath-as-json='{.data}'\n`).stdout).toBe('[\n    {\n        "a": "b"\n    }\n]\n');
    expect(run(`${CM} -o jsonpath-file=name.jsonpath\n`).stdout).toBe('x\n');
    // A missing key prints nothing (--allow-missing-template-keys defaults to true).
    const missing = run(`${CM} -o jsonpath='{.nope.x}'\n`);
    expect([missing.stdout, missing.stderr, missing.exitCode]).toEqual(['', '', 0]);
  });

  it('refuses the table formats and unknown ones with this verb family\'s list', () => {
    for (const o of ['wide', 'custom-columns=N:.metadata.name', 'custom-columns-file=/nope', 'bogus']) {
      const r = run(`${CM} -o ${o}\n`);
      expect(r.stderr).toBe(`error: unable to match a printer suitable for the output format "${o}", ${ALLOWED}\n`);
      expect(r.exitCode).toBe(1);
    }
    expect(run('kubectl run p --image=nginx --dry-run=client -o bogus\n').stderr).toBe(`error: unable to match a printer suitable for the output format "bogus", ${ALLOWED}\n`);
  });

  it('reports a broken jsonpath, a missing file and an empty template as kubectl does', () => {
    expect(run(`${CM} -o jsonpath='{.data'\n`).stderr).toBe('error: error parsing jsonpath {.data, unclosed action\n');
    expect(run(`${CM} -o jsonpath-file=/nonexist\n`).stderr).toBe('error: error reading --template /nonexist, open /nonexist: no such file or directory\n');
    expect(run(`${CM} -o jsonpath\n`).stderr).toBe('error: template format specified but no template given\n');
  });

  it('keeps -o JSON in the client\'s field order, and -o NAME', () => {
    expect(run(`${CM} -o JSON\n`).stdout.split('\n').slice(0, 2)).toEqual(['{', '    "kind": "ConfigMap",']);
    expect(run(`${CM} -o NAME\n`).stdout).toBe('configmap/x\n');
  });

  it('works on run, label, scale and apply', () => {
    expect(run("kubectl run p --image=nginx --dry-run=client -o jsonpath='{.spec.containers[0].image}'\n").stdout).toBe('nginx');
    const label = run("kubectl create cm c --from-literal=a=b\nkubectl label cm c x=y -o jsonpath='{.metadata.labels.x}'\n");
    expect(label.stderr).toBe('');
    expect(label.stdout).toContain('configmap/c created\ny');
    const apply = run("kubectl apply -o jsonpath='{.kind}/{.metadata.name}' -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nEOF\n");
    expect([apply.stdout, apply.stderr]).toEqual(['ConfigMap/a', '']);
    const two = run("kubectl apply -o jsonpath='{range .items[*]}{.metadata.name} {end}' -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\nEOF\n");
    expect(two.stdout).toBe('a b ');
    expect(run('kubectl apply -o wide -f x.yaml\n').stderr).toBe(`error: unable to match a printer suitable for the output format "wide", ${ALLOWED}\n`);
  });
});
