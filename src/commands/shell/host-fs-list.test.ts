// `kubectl create configmap --from-file=DIR` in a script: the directory is listed from what the
// script wrote (in memory) and from the script's own folder, one key per regular file by name.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const DISK: Record<string, string> = { 'conf/b.properties': 'b=2\n', 'conf/sub/x': 'nested\n' };
const disk = {
  read: (p: string) => DISK[p],
  list: (p: string) => (p === 'conf' ? ['b.properties', 'sub'] : p === 'conf/sub' ? ['x'] : undefined),
};
const run = (script: string, files: { read: (p: string) => string | undefined; list?: (p: string) => readonly string[] | undefined } = { read: () => undefined }) =>
  runScript(script, { preset: 'kind', quiet: true, files });

describe('--from-file=DIR in a script', () => {
  it('reads a directory the script wrote with heredocs', () => {
    const r = run('mkdir conf\ncat <<EOF > conf/a.properties\na=1\nEOF\necho z > conf/z.txt\nkubectl create configmap c --from-file=conf/ --dry-run=client -o yaml\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('apiVersion: v1\ndata:\n  a.properties: |\n    a=1\n  z.txt: |\n    z\nkind: ConfigMap\nmetadata:\n  name: c\n');
  });

  it('merges the script folder\'s files with the ones the script wrote there, skipping subfolders', () => {
    const r = run('cat <<EOF > conf/a.properties\na=1\nEOF\nkubectl create configmap c --from-file=conf --dry-run=client -o jsonpath={.data}\n', disk);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"a.properties":"a=1\\n","b.properties":"b=2\\n"}');
  });

  it('follows cd, and says what kubectl says for a path that is nothing', () => {
    expect(run('cd conf\nkubectl create configmap c --from-file=. --dry-run=client -o jsonpath={.data}\n', disk).stdout).toBe('{"b.properties":"b=2\\n"}');
    const missing = run('kubectl create configmap c --from-file=nope/\n', disk);
    expect(missing.stderr).toBe('error: error reading nope/: no such file or directory\n');
  });
});

describe('the script folder on disk in loops', () => {
  it('is not listed for a lone `[` (no pattern) and each path is read from disk at most once', () => {
    const calls = { read: 0, list: 0 };
    const counting = {
      read: (p: string) => (calls.read++, DISK[p]),
      list: (p: string) => (calls.list++, disk.list(p)),
    };
    const r = run('i=0; while [ $i -lt 50 ]; do cat conf/b.properties >/dev/null; ls conf >/dev/null; i=$((i+1)); done; echo $i\necho conf/*.properties\n', counting);
    expect(r.stdout).toBe('50\nconf/b.properties\n');
    expect(calls.list).toBeLessThanOrEqual(4);
    expect(calls.read).toBeLessThanOrEqual(4);
  });
});
