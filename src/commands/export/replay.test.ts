import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { parseScript } from '../script/parse-script.ts';
import { runScript } from '../script/run-script.ts';
import { exportToKind, selfExtractingScript, type ExportFile } from './kind-export.ts';
import type { SessionEntry } from './replay.ts';

// run.sh replays the session: the tests read it as bash would, so each also proves it parses.
const runSh = (out: ExportFile[]) => out.find((f) => f.path === 'run.sh')!.content;

function bashParses(script: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'kubesim-runsh-')), 'run.sh');
  writeFileSync(file, script);
  // `bash -n` reads the whole script without running anything; it throws on a syntax error.
  execFileSync('bash', ['-n', file]);
}

/** Runs `script` in the simulator and exports with its commands as history, as `kubesim export` does. */
function exportScript(script: string, preset: 'kind' | 'multi-az' = 'kind'): string {
  const state = runScript(script, { preset, quiet: true, files: { read: () => undefined, list: () => undefined } }).state;
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.error);
  return runSh(exportToKind(state, { history: parsed.commands.map((c) => c.echo) }));
}

describe('run.sh replays the session', () => {
  it('keeps the shell lines that write files, and the waits and summary after them; no set -e, set -x', () => {
    const script = [
      'NAME=web',
      'cat > pod.yaml <<EOF',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: $NAME',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: nginx',
      'EOF',
      'for i in 1 2; do echo "$i" > n$i.txt; done',
      'kubectl apply -f pod.yaml',
      'sleep 30',
      'kubectl get pod web',
    ].join('\n');
    const run = exportScript(script);
    const lines = run.split('\n');
    expect(run).toContain(`${script}\n`);
    expect(lines).not.toContain('set -e');
    expect(lines).not.toContain('set -eu');
    expect(lines.indexOf('set -x')).toBeLessThan(lines.indexOf('kind create cluster --config kind-config.yaml'));
    expect(lines.indexOf('kubectl get pod web')).toBeLessThan(lines.indexOf('kubectl wait --for=condition=Ready pod/web -n default --timeout=180s'));
    expect(lines.at(-2)).toBe('kubectl get pv,pvc,pods -A -o wide');
    // The session made its objects itself: manifests.yaml is only the alternative.
    expect(lines).not.toContain('kubectl apply -f manifests.yaml');
    expect(run).toContain('(or apply the end state at once: kubectl apply -f manifests.yaml)');
    bashParses(run);
  });

  it("turns an editor Apply into kubectl apply -f - with the text in a quoted heredoc whose delimiter is not in the text", () => {
    // `$HOME` and backquotes stay literal; a line `EOF` (a learner's typo, applied and refused) must not end the heredoc.
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site\ndata:\n  motd: "$HOME `id`"\nEOF\n';
    const second = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n';
    const history: SessionEntry[] = [
      { type: 'apply', text },
      { type: 'apply', text: `${second}---\n${text}`, only: [0] },
      { type: 'command', line: 'kubectl apply -f manifest.yaml', file: second },
      { type: 'command', line: 'kubectl get cm $CM', before: 'CM=site' },
      // Lines carried before a recorded one: a heredoc among them is one command, its body not checked for docker.
      { type: 'command', line: 'kubectl label cm site a=b', before: 'cat > notes.txt <<EOF\ndocker ps\nEOF\ndocker ps' },
      { type: 'delete', text: second },
    ];
    const run = runSh(exportToKind(createCluster({ preset: 'kind' }), { history }));
    expect(run).toContain(`# The editor's Apply:\nkubectl apply -f - <<'EOF_'\n${text}EOF_\n`);
    expect(run).toContain(`# The editor's Apply (document 1):\nkubectl apply -f - <<'EOF'\n${second}EOF\n`);
    expect(run).toContain(`cat > manifest.yaml <<'EOF'\n${second}EOF\nkubectl apply -f manifest.yaml\n`);
    expect(run).toContain('CM=site\nkubectl get cm $CM\n');
    expect(run).toContain("cat > notes.txt <<EOF\ndocker ps\nEOF\n# docker ps\n#   (simulator only: docker ran on the playground's simulated Docker host; kind's nodes are containers of your Docker, with other contents)\nkubectl label cm site a=b\n");
    expect(run).toContain(`# The editor's Delete:\nkubectl delete -f - <<'EOF'\n${second}EOF\n`);
    bashParses(run);
  });

  it('keeps simulator-only lines as comments with the reason, and the kind equivalent of a node power-off', () => {
    const history: SessionEntry[] = [
      'kubectl cordon worker-a1',
      'docker ps',
      'sudo ls /var/lib/docker/volumes',
      'for n in 1 2; do docker rm -f c$n; done',
      'kubesim node fail worker-a1',
      'sleep 60',
      'kubesim zone down us-east-1b',
      'kubesim node recover worker-a1',
      'kubesim explain pod/reports',
      'kubesim container kill web',
    ];
    const run = runSh(exportToKind(createCluster({ preset: 'multi-az' }), { history }));
    const lines = run.split('\n');
    // kind names the nodes itself; the command follows.
    expect(lines).toContain('kubectl cordon kind-worker');
    expect(run).toContain("# docker ps\n#   (simulator only: docker ran on the playground's simulated Docker host; kind's nodes are containers of your Docker, with other contents)\n");
    expect(run).toContain("# sudo ls /var/lib/docker/volumes\n#   (simulator only: sudo ran as root on the playground's simulated Docker host)\n");
    expect(lines).toContain('# for n in 1 2; do docker rm -f c$n; done');
    expect(run).toContain('# kubesim node fail worker-a1\n#   (simulator only; on kind the closest is: docker stop kind-worker)\nsleep 60\n');
    expect(run).toContain('# kubesim zone down us-east-1b\n#   (simulator only; on kind the closest is: docker stop kind-worker3 kind-worker4)\n');
    expect(run).toContain('#   (simulator only; on kind the closest is: docker start kind-worker)\n');
    expect(run).toContain('# kubesim explain pod/reports\n#   (simulator only; on kind, read kubectl describe and the events instead)\n');
    expect(run).toContain("# kubesim container kill web\n#   (simulator only: kubesim is the playground's own command)\n");
    expect(lines.filter((l) => /^(docker|sudo|kubesim|for n)/.test(l))).toEqual([]);
    bashParses(run);
  });

  it('a session with nothing to replay applies manifests.yaml', () => {
    const run = runSh(exportToKind(createCluster({ preset: 'kind' }), { history: ['docker ps'] }));
    expect(run.split('\n')).toContain('kubectl apply -f manifests.yaml');
    bashParses(run);
  });

  it('the self-extracting script writes shipped files into their folders, and run.sh parses', () => {
    const files = exportToKind(createCluster({ preset: 'kind' }), {
      history: ['kubectl create configmap conf --from-file=conf/', 'kubectl apply -f pv.yaml'],
      files: [
        { path: 'conf/app.properties', content: 'a=$b\n' },
        { path: 'pv.yaml', content: 'kind: PersistentVolume\n' },
        { path: 'run.sh', content: 'not shipped over the export' },
      ],
    });
    expect(files.map((f) => f.path)).toEqual(['manifests.yaml', 'kind-config.yaml', 'run.sh', 'README.md', 'conf/app.properties', 'pv.yaml']);
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-sfx-'));
    writeFileSync(join(dir, 'kind-export.sh'), selfExtractingScript(files));
    execFileSync('sh', ['kind-export.sh'], { cwd: dir });
    expect(readFileSync(join(dir, 'kind-export/conf/app.properties'), 'utf8')).toBe('a=$b\n');
    expect(readFileSync(join(dir, 'kind-export/pv.yaml'), 'utf8')).toBe('kind: PersistentVolume\n');
    expect(readFileSync(join(dir, 'kind-export/README.md'), 'utf8')).toContain('| `pv.yaml` | read by your script from its folder; run.sh reads it from here |');
    execFileSync('bash', ['-n', join(dir, 'kind-export/run.sh')]);
  });
});
