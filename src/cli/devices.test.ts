// A device or a FIFO named where kubesim reads a file never ends: each place refuses it at once
// with one line, and the script's own `-f /dev/zero` reads as a path that is not there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { scriptFiles } from './script-files.ts';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('files that are not regular files', () => {
  it('kubesim run /dev/zero says it cannot read it', () => {
    expect(run(['run', '/dev/zero'])).toEqual({ code: 2, stdout: '', stderr: 'kubesim: cannot read /dev/zero: not a regular file\n' });
  });

  it('kubesim lesson check with /dev/zero as the script says the same', () => {
    const r = run(['lesson', 'check', 'static-binding', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubesim: cannot read /dev/zero: not a regular file\n');
  });

  it("a script's kubectl apply -f /dev/zero ends with kubectl's missing-path error and the script goes on", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-dev-'));
    const path = join(dir, 'demo.sh');
    writeFileSync(path, 'kubectl apply -f /dev/zero\nkubectl get pods\n');
    const r = run(['run', path]);
    expect(r.stderr).toContain('error: the path "/dev/zero" does not exist\n');
    expect(r.stderr).toContain('No resources found in default namespace.\n');
  });

  it('scriptFiles reads regular files, lists folders, and reads devices and folders as absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-files-'));
    writeFileSync(join(dir, 'a.yaml'), 'x: 1\n');
    const files = scriptFiles(dir);
    expect(files.read('a.yaml')).toBe('x: 1\n');
    expect(files.read('/dev/zero')).toBeUndefined();
    expect(files.read('.')).toBeUndefined();
    expect(files.list!('.')).toEqual(['a.yaml']);
  });
});
