// --dry-run on the verbs that write: each prints what it would have done, with kubectl's suffix
// for that verb, and the cluster is left as it was. delete's 1.34 message names the namespace.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';
import { dryRunOf } from './dry-run.ts';
import { parseFlags } from './flags.ts';

const CM = 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\nEOF\n';
const run = (script: string) => runScript(CM + script, { preset: 'bare', quiet: true, files: { read: () => undefined } });
const unchanged = (script: string) => {
  const before = run('');
  const after = run(script);
  expect(after.state.objects.ConfigMap).toEqual(before.state.objects.ConfigMap);
  return after;
};

describe('--dry-run', () => {
  it('reads client, server, none, a bare flag and booleans as cmdutil.GetDryRunStrategy does', () => {
    const of = (...argv: string[]) => {
      const p = parseFlags(argv, [{ long: 'dry-run', value: true, bare: 'unchanged' }]);
      return p.ok ? dryRunOf(p.parsed) : undefined;
    };
    expect(of()).toEqual({ ok: true, value: 'none' });
    expect(of('--dry-run')).toEqual({ ok: true, value: 'client' });
    expect(of('--dry-run=true')).toEqual({ ok: true, value: 'client' });
    expect(of('--dry-run=false')).toEqual({ ok: true, value: 'none' });
    expect(of('--dry-run=server')).toEqual({ ok: true, value: 'server' });
    expect(of('--dry-run=maybe')).toEqual({ ok: false, error: 'Invalid dry-run value (maybe). Must be "none", "server", or "client".' });
  });

  it('delete: "deleted from NS namespace (dry run)", even for a name that does not exist (nothing is sent)', () => {
    const r = unchanged('kubectl delete cm cfg --dry-run=client\nkubectl delete cm cfg --dry-run=server\nkubectl delete cm nope --dry-run=client\nkubectl delete cm nope --dry-run=server\n');
    expect(r.stdout).toBe(
      'configmap/cfg created\nconfigmap "cfg" deleted from default namespace (dry run)\nconfigmap "cfg" deleted from default namespace (server dry run)\nconfigmap "nope" deleted from default namespace (dry run)\n',
    );
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
  });

  it('delete names the namespace of namespaced objects only; -o name prints kind/name', () => {
    const r = run('kubectl create ns team\nkubectl delete ns team\nkubectl delete cm cfg -o name\nkubectl delete cm x -o yaml\n');
    expect(r.stdout).toBe('configmap/cfg created\nnamespace/team created\nnamespace "team" deleted\nconfigmap/cfg\n');
    expect(r.stderr).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n");
  });

  it('label and annotate add the suffix to what changed; patch (patch.go sets its operation after) does not', () => {
    const r = unchanged(
      'kubectl label cm cfg tier=web --dry-run=client\nkubectl label cm cfg tier=web --dry-run=server\nkubectl annotate cm cfg note=x --dry-run=server\n' +
        `kubectl patch cm cfg -p '{"data":{"a":"2"}}' --dry-run=server\nkubectl patch cm cfg -p '{"data":{"a":"1"}}' --dry-run=client\n`,
    );
    expect(r.stdout).toBe(
      'configmap/cfg created\nconfigmap/cfg labeled (dry run)\nconfigmap/cfg labeled (server dry run)\nconfigmap/cfg annotated (server dry run)\nconfigmap/cfg patched\nconfigmap/cfg patched (no change)\n',
    );
    expect(r.stderr).toBe('');
  });

  it('label says labeled, unlabeled, modified or not labeled, as label.go does', () => {
    const r = run('kubectl label cm cfg a=1\nkubectl label cm cfg a=1\nkubectl label cm cfg a- b=2\nkubectl label cm cfg b-\nkubectl annotate cm cfg n=1\nkubectl annotate cm cfg n=1 --overwrite\n');
    expect(r.stdout).toBe(
      'configmap/cfg created\nconfigmap/cfg labeled\nconfigmap/cfg not labeled\nconfigmap/cfg modified\nconfigmap/cfg unlabeled\nconfigmap/cfg annotated\nconfigmap/cfg annotated\n',
    );
  });

  it('a server dry run is validated: a refused patch is an error and nothing changes', () => {
    const r = unchanged(`kubectl patch cm cfg --type merge -p '{"data":{"a b":"1"}}' --dry-run=server\n`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('configmap/cfg created\n');
    expect(r.stderr).toMatch(/^The ConfigMap "cfg" is invalid: data\[a b\]: Invalid value: "a b": a valid config key/);
  });

  it('apply and create -f: "created (dry run)", "(server dry run)", and -o name|yaml', () => {
    const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n';
    const r = unchanged(
      `kubectl apply --dry-run=client -f - <<EOF\n${doc}EOF\nkubectl create --dry-run=server -f - <<EOF\n${doc}EOF\nkubectl apply -f - --dry-run=server -o name <<EOF\n${doc}EOF\n` +
        `kubectl apply -f - --dry-run=server -o yaml <<EOF\n${doc}EOF\n`,
    );
    expect(r.stdout).toMatch(
      /^configmap\/cfg created\nconfigmap\/other created \(dry run\)\nconfigmap\/other created \(server dry run\)\nconfigmap\/other\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    kubectl\.kubernetes\.io\/last-applied-configuration: /,
    );
    expect(r.state.objects.ConfigMap?.['default/other']).toBeUndefined();
  });

  it('apply -o yaml prints what was stored; several objects as a List', () => {
    const two = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\n';
    const r = run(`kubectl apply -f - -o json <<EOF\n${two}EOF\n`);
    const list = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { kind: string; items: { metadata: { name: string; resourceVersion?: string } }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['x', 'z']);
    expect(list.items[0]!.metadata.resourceVersion).toBeDefined();
  });
});
