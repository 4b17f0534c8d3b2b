// Paths as long as Linux allows, and longer: mkdir -p builds deep trees without exhausting the
// stack, and a path past PATH_MAX (or a name past NAME_MAX) is refused with busybox's words.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

const deep = (n: number) => Array.from({ length: n }, (_, i) => `d${i % 10}`).join('/');
const base = runScript('docker run -d --name c busybox sleep 3600\n', { preset: 'kind', quiet: true, files: { read: () => undefined } }).state;
const run = (lines: string) => runScript(lines, { state: base, quiet: true, files: { read: () => undefined } });

describe('long paths in a container', () => {
  it('mkdir -p makes a tree 1,000 directories deep', () => {
    const r = run(`docker exec c mkdir -p /${deep(1000)}\ndocker exec c ls /${deep(999)}\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('d9\n')).toBe(true);
  });

  it('refuses a path longer than PATH_MAX and a name longer than NAME_MAX', () => {
    const long = `/${deep(3000)}`;
    const r = run(`docker exec c mkdir -p ${long}\ndocker exec c touch /${'x'.repeat(256)}\n`);
    expect(r.stderr).toBe(`mkdir: can't create directory '${long}': File name too long\ntouch: /${'x'.repeat(256)}: File name too long\n`);
  });
});
