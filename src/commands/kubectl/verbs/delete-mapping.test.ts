// `kubectl delete -f` with a document of a kind the server does not serve: the resource builder's
// mapping error, quoting the document's own name and namespace; the other documents are deleted.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'bare', quiet: true, files: { read: () => undefined } });
const foo = (meta: string) => `apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n${meta}`;

describe('delete -f with an unknown kind', () => {
  it('prints the mapping error with the name, not "No resources found", and fails', () => {
    const r = run(`kubectl delete -f - <<EOF\n${foo('')}EOF\n`);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n');
    expect(r.exitCode).toBe(1);
  });

  it('quotes the document\'s namespace and still deletes the other documents', () => {
    const r = run(`kubectl create cm a\nkubectl delete -f - <<EOF\n${foo('  namespace: team\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nEOF\n`);
    expect(r.stdout).toBe('configmap/a created\nconfigmap "a" deleted from default namespace\n');
    expect(r.stderr).toContain('for name: "x" namespace: "team" from "STDIN": no matches for kind "Foo" in version "v1"\n');
    expect(r.state.objects.ConfigMap?.['default/a']).toBeUndefined();
  });

  it('apply and create quote the name too', () => {
    for (const verb of ['apply', 'create']) {
      expect(run(`kubectl ${verb} -f - <<EOF\n${foo('')}EOF\n`).stderr).toBe(
        'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
      );
    }
  });
});
