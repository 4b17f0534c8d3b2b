import { execFileSync } from 'node:child_process';
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

const demo = (name: string) => new URL(`../../examples/${name}/demo.sh`, import.meta.url).pathname;
/** The kubectl command lines of a script, in order (run.sh's own wait and get lines after the replay left out). */
const kubectlLines = (text: string) => text.split('\n# The end state')[0]!.split('\n').filter((l) => l.startsWith('kubectl ') && !l.startsWith('kubectl wait --for=condition=Ready nodes') && !l.startsWith('kubectl apply -f - '));

const fixture = new URL('../commands/import/testdata/kind-cluster.yaml', import.meta.url).pathname;

describe('kubesim export --kind DIR', () => {
  it('runs the script and writes the four files and the files it read, run.sh executable', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kubesim-export-')), 'out');
    const r = run(['export', '--kind', dir, '--cluster', 'multi-az', demo('multi-zone')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['manifests.yaml', 'kind-config.yaml', 'run.sh', 'README.md', 'immediate.yaml', 'wffc.yaml'].map((f) => `wrote ${join(dir, f)}\n`).join('') +
        `Next: bash ${join(dir, 'run.sh')} (needs kind, Docker and kubectl)\n`,
    );
    expect(readFileSync(join(dir, 'kind-config.yaml'), 'utf8')).toContain('node-labels: "topology.kubernetes.io/zone=us-east-1c,topology.kubernetes.io/region=us-east-1"');
    expect(readFileSync(join(dir, 'wffc.yaml'), 'utf8')).toBe(readFileSync(new URL('../../examples/multi-zone/wffc.yaml', import.meta.url), 'utf8'));
    const runSh = readFileSync(join(dir, 'run.sh'), 'utf8');
    expect(kubectlLines(runSh)).toEqual(kubectlLines(readFileSync(demo('multi-zone'), 'utf8')));
    expect(runSh).toContain('# kubesim explain pod/reports\n#   (simulator only; on kind, read kubectl describe and the events instead)\n');
    expect(runSh).toContain("kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/orders-db -n default --timeout=120s");
    expect(statSync(join(dir, 'run.sh')).mode & 0o111).not.toBe(0);
    execFileSync('bash', ['-n', join(dir, 'run.sh')]);
  });

  it("replays static-pv-pvc's kubectl lines in order and ships the manifests it read beside run.sh", () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kubesim-export-')), 'out');
    expect(run(['export', '--kind', dir, '--cluster', 'bare', demo('static-pv-pvc')]).code).toBe(0);
    const runSh = readFileSync(join(dir, 'run.sh'), 'utf8');
    expect(kubectlLines(runSh)).toEqual(kubectlLines(readFileSync(demo('static-pv-pvc'), 'utf8')));
    // The paths stay as the script wrote them: run.sh runs from its own folder.
    expect(runSh).toContain('cd "$(dirname "$0")" || exit 1\n');
    for (const f of ['pv.yaml', 'pvc.yaml', 'pod.yaml']) expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(new URL(`../../examples/static-pv-pvc/${f}`, import.meta.url), 'utf8'));
    expect(runSh).toContain("kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/example-pvc -n default --timeout=120s");
    expect(runSh).toContain('kubectl wait --for=condition=Ready pod/example-pod -n default --timeout=180s');
    execFileSync('bash', ['-n', join(dir, 'run.sh')]);
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
