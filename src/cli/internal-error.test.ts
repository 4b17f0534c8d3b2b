// Outside any one command (a bug in the runner itself), kubesim still prints what it printed so
// far, then one `error: internal error …` line, never a stack, and exits 1.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../commands/script/run-script.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../commands/script/run-script.ts')>();
  return {
    ...real,
    runScript: (_text: string, opts: Parameters<typeof real.runScript>[1]) => {
      opts.onChunk?.({ stream: 'stdout', text: '$ kubectl get ns\nNAME      STATUS   AGE\n' });
      throw new TypeError('Cannot read properties of undefined (reading \'spec\')\n    at somewhere (file.ts:1:1)');
    },
  };
});

const { main } = await import('./main.ts');

describe('kubesim run and an internal error outside the commands', () => {
  it('keeps the output so far, prints one line naming the run, exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-'));
    const path = join(dir, 'demo.sh');
    writeFileSync(path, 'kubectl get ns\n');
    let both = '';
    let stderr = '';
    const code = main(['run', path], { stdout: (t) => (both += t), stderr: (t) => ((both += t), (stderr += t)) });
    expect(code).toBe(1);
    expect(both).toBe(`$ kubectl get ns\nNAME      STATUS   AGE\nerror: internal error running "kubesim run ${path}": Cannot read properties of undefined (reading 'spec') at somewhere (file.ts:1:1)\n`);
    expect(stderr.split('\n')).toHaveLength(2);
  });
});
