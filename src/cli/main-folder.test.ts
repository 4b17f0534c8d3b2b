// `kubesim run` reads the script's folder: a directory next to the script is listed for
// `kubectl create configmap --from-file=DIR` (regular files only, by name), read-only.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('kubesim run with a folder next to the script', () => {
  it('makes a ConfigMap of the folder, merged with what the script writes there, and writes nothing to disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-dir-'));
    mkdirSync(join(dir, 'conf'));
    mkdirSync(join(dir, 'conf', 'nested'));
    writeFileSync(join(dir, 'conf', 'b.properties'), 'b=2\n');
    writeFileSync(join(dir, 'conf', 'nested', 'skip'), 'x\n');
    const script = join(dir, 'demo.sh');
    writeFileSync(script, 'echo a=1 > conf/a.properties\nkubectl create configmap c --from-file=conf/\nkubectl get cm c -o jsonpath={.data}\nls conf\n');
    const r = run(['run', script, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/c created\n{"a.properties":"a=1\\n","b.properties":"b=2\\n"}a.properties\nb.properties\nnested\n');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'conf')).sort()).toEqual(['b.properties', 'nested']);
  });
});
