import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { stdout, stderr, code };
}

const fixture = new URL('../commands/import/testdata/kind-cluster.yaml', import.meta.url).pathname;

describe('kubesim export --kind DIR', () => {
  it('runs the script and writes the four files, run.sh executable', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kubesim-export-')), 'out');
    const r = run(['export', '--kind', dir, '--cluster', 'multi-az', new URL('../../examples/multi-zone/demo.sh', import.meta.url).pathname]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['manifests.yaml', 'kind-config.yaml', 'run.sh', 'README.md'].map((f) => `wrote ${join(dir, f)}\n`).join('') + `Next: sh ${join(dir, 'run.sh')} (needs kind, Docker and kubectl)\n`,
    );
    expect(readFileSync(join(dir, 'kind-config.yaml'), 'utf8')).toContain('node-labels: "topology.kubernetes.io/zone=us-east-1c,topology.kubernetes.io/region=us-east-1"');
    expect(readFileSync(join(dir, 'run.sh'), 'utf8')).toContain("kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/orders-db -n default --timeout=120s");
    expect(statSync(join(dir, 'run.sh')).mode & 0o111).not.toBe(0);
  });

  it('needs --kind DIR', () => {
    expect(run(['export'])).toEqual({ stdout: '', stderr: "kubesim: export needs --kind DIR\nRun 'kubesim --help' for usage.\n", code: 2 });
  });
});

describe('kubesim import FILE', () => {
  it('prints what it imported, then the nodes with zones and the storage objects', () => {
    const r = run(['import', fixture]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported 12 objects:\n     3  Node\n');
    expect(r.stdout).toContain('skipped 2 objects of kinds the playground does not model: DaemonSet (1), Lease (1)\n');
    expect(r.stdout).toContain('kind-worker2         Ready    <none>          13m   v1.34.0   us-east-1b\n');
    expect(r.stdout).toContain('default     persistentvolumeclaim/data   Bound');
  });

  it('says why it cannot read a file', () => {
    expect(run(['import', '/nonexistent/cluster.yaml'])).toEqual({ stdout: '', stderr: 'kubesim: cannot read /nonexistent/cluster.yaml: no such file\n', code: 2 });
  });

  it('is in --help', () => {
    const help = run(['--help']).stdout;
    expect(help).toContain('kubesim export --kind DIR [--cluster PRESET] [--seed N] [SCRIPT]');
    expect(help).toContain('kubesim import FILE [SCRIPT]');
  });
});
