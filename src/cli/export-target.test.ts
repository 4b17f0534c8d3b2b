// `kubesim export --kind DIR` where DIR cannot take it, and `kubesim import` of a folder: one line
// in kubesim's words before anything runs, never Node's "ENOTDIR: not a directory, mkdir …", and
// never a learner's own file overwritten.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { fsReason } from './fs-reason.ts';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { stdout, stderr, code };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'kubesim-export-target-'));
const demo = new URL('../../examples/static-pv-pvc/demo.sh', import.meta.url).pathname;

describe('kubesim export --kind DIR that cannot take the export', () => {
  it('DIR is a file: one line, exit 2, before the script runs', () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, 'mine\n');
    const r = run(['export', '--kind', file, '--cluster', 'bare', demo]);
    expect(r).toEqual({ stdout: '', stderr: `kubesim: cannot write ${file}: not a directory\n`, code: 2 });
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('a file in the way above DIR is named', () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, 'mine\n');
    const r = run(['export', '--kind', join(file, 'out', 'deeper')]);
    expect(r.stderr).toBe(`kubesim: cannot write ${join(file, 'out', 'deeper')}: ${file} is a file, not a directory\n`);
    expect(r.code).toBe(2);
  });

  it('a folder that cannot be made says why in strerror words, without hanging', () => {
    const r = run(['export', '--kind', '/proc/kubesim-export-test']);
    expect(r.stderr).toMatch(/^kubesim: cannot write \/proc\/kubesim-export-test: (no such file or directory|permission denied)\n$/);
    expect(r.stderr).not.toContain('ENO');
    expect(r.code).not.toBe(0);
  });

  it("refuses to overwrite a file of a folder that holds no earlier export, and writes nothing", () => {
    const dir = scratch();
    writeFileSync(join(dir, 'README.md'), '# my project\n');
    const r = run(['export', '--kind', dir, '--cluster', 'bare', demo]);
    expect(r.stderr).toBe(`kubesim: ${join(dir, 'README.md')} already exists and is not from an earlier export; export to a new or empty DIR\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# my project\n');
    expect(() => readFileSync(join(dir, 'run.sh'))).toThrow();
  });

  it('a folder with other files that the export does not touch, or an earlier export, is written', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.txt'), 'kept\n');
    expect(run(['export', '--kind', dir, '--cluster', 'bare', demo]).code).toBe(0);
    writeFileSync(join(dir, 'pv.yaml'), '# edited since\n');
    // Again into the same folder: it holds an earlier export, so its files are the export's to replace.
    const again = run(['export', '--kind', dir, '--cluster', 'bare', demo]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'pv.yaml'), 'utf8')).not.toBe('# edited since\n');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('kept\n');
  });
});

describe('kubesim import of a path that is not a file', () => {
  it('a folder: "is a directory", not EISDIR', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'cluster.yaml'));
    const r = run(['import', join(dir, 'cluster.yaml')]);
    expect(r.stderr).toBe(`kubesim: cannot read ${join(dir, 'cluster.yaml')}: is a directory\n`);
    expect(r.code).toBe(2);
  });
});

describe('a device or FIFO named as a file', () => {
  it('is refused at once instead of read forever', () => {
    expect(run(['import', '/dev/zero'])).toEqual({ stdout: '', stderr: 'kubesim: cannot read /dev/zero: not a regular file\n', code: 2 });
    const dir = join(scratch(), 'out');
    expect(run(['export', '--kind', dir, '/dev/zero'])).toEqual({ stdout: '', stderr: 'kubesim: cannot read /dev/zero: not a regular file\n', code: 2 });
    expect(() => readFileSync(join(dir, 'run.sh'))).toThrow();
  });
});

describe('fsReason', () => {
  it('says the errors in strerror words and keeps only the reason of an unknown one', () => {
    const err = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(fsReason(err('EACCES', "EACCES: permission denied, mkdir '/x'"))).toBe('permission denied');
    expect(fsReason(err('EROFS', "EROFS: read-only file system, mkdir '/x'"))).toBe('read-only file system');
    expect(fsReason(err('EIO', "EIO: i/o error, write"))).toBe('i/o error');
  });
});
