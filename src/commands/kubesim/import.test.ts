import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const text = readFileSync(new URL('../import/testdata/kind-cluster.yaml', import.meta.url), 'utf8');
const noFiles = { read: () => undefined, list: () => undefined };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: noFiles });

describe('kubesim import in the script host (what the import dialog runs)', () => {
  it('imports a heredoc, replacing the preset nodes with the imported ones', () => {
    const r = run(`kubesim import - <<'KUBESIM_IMPORT'\n${text}KUBESIM_IMPORT\nkubectl get nodes -o name`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('imported 12 objects:\n')).toBe(true);
    expect(r.stdout.endsWith('node/kind-control-plane\nnode/kind-worker\nnode/kind-worker2\n')).toBe(true);
    // The import is one step of its own, then the controllers' steps: the timeline shows it.
    expect(r.steps[0]!.summary).toBe('import 12 objects');
  });

  it('leaves the cluster as it was when nothing can be imported', () => {
    const r = run("echo 'hello: x' | kubesim import -\nkubectl get nodes -o name");
    expect(r.stderr).toBe("stdin:1:1: document 1: Object 'Kind' is missing or 'apiVersion' is missing\nkubesim: nothing imported from -\n");
    expect(r.stdout).toBe('node/kind-control-plane\n');
    expect(r.exitCode).toBe(1);
  });
});
