// `kubesim serve` as a learner starts it: the script runs first, the kubeconfig is written, the
// usage is printed, and the API answers with the script's objects.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kubesim serve', () => {
  it('runs --script first, writes the kubeconfig, prints how to use it, and serves the result', async () => {
    writeFileSync(join(dir, 'setup.sh'), 'kubectl create configmap cfg --from-literal=a=1\n');
    const kubeconfig = join(dir, 'kc.yaml');
    const child = spawn(process.execPath, ['bin/kubesim.mjs', 'serve', '--port', '0', '--cluster', 'bare', '--kubeconfig', kubeconfig, '--script', join(dir, 'setup.sh')]);
    try {
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 20_000);
        child.stdout.on('data', () => out.includes('Ctrl+C') && (clearTimeout(timer), resolve()));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const port = Number(/http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]);
      expect(out).toContain('$ kubectl create configmap cfg --from-literal=a=1\nconfigmap/cfg created\n');
      expect(out).toContain(`kubesim: serving the bare cluster (seed 1) at http://127.0.0.1:${port}\n`);
      expect(out).toContain(`  export KUBECONFIG=${kubeconfig}\n`);
      expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: http://127.0.0.1:${port}\n`);
      const cm = (await (await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/configmaps/cfg`)).json()) as { data: Record<string, string> };
      expect(cm.data).toEqual({ a: '1' });
      const nodes = (await (await fetch(`http://127.0.0.1:${port}/api/v1/nodes`)).json()) as { items: { metadata: { name: string } }[] };
      expect(nodes.items.map((n) => n.metadata.name)).toEqual(['node-1']);
    } finally {
      child.kill();
    }
  }, 30_000);

  it('refuses bad flags with exit status 2', () => {
    const bad = spawnSync(process.execPath, ['bin/kubesim.mjs', 'serve', '--port', 'http'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('kubesim: invalid port "http": must be a number from 0 to 65535\n');
    const help = spawnSync(process.execPath, ['bin/kubesim.mjs', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('kubesim serve [--port 6443] [--docker-port 2375] [--cluster PRESET] [--seed N] [--kubeconfig FILE] [--script FILE]');
  }, 30_000);
});
