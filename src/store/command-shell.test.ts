// The terminal is one shell: what a line sets (variables, functions, the directory, files) the
// next line sees, until the cluster is reset or a session is loaded; two terminals never share.
// A share link's replay runs its commands in one shell too, so it ends where the learner did.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf } from '../engine/index.ts';
import { createAppStore } from './app-store.ts';

const out = (r: { chunks: { text: string }[] }) => r.chunks.map((c) => c.text).join('');

describe('the terminal keeps one shell from line to line', () => {
  it('carries variables, functions, cd and written files to the next line', async () => {
    const store = createAppStore({ seed: 1 });
    const run = (line: string) => store.getState().runCommand(line);
    await run('NS=lab');
    await run('greet() { echo "hello $1"; }');
    await run('mkdir -p work && cd work');
    await run('echo ns-from-file > name.txt');
    expect(out(await run('greet $NS; pwd; cat name.txt'))).toBe('hello lab\n/home/learner/work\nns-from-file\n');
    expect(out(await run('kubectl create namespace $NS'))).toBe('namespace/lab created\n');
    expect(getObject(readerOf(store.getState().cluster), 'Namespace', '', 'lab').ok).toBe(true);
  });

  it('starts a fresh shell on a cluster reset, and after `exit`', async () => {
    const store = createAppStore({ seed: 1 });
    const run = (line: string) => store.getState().runCommand(line);
    await run('X=1');
    store.getState().resetCluster();
    expect(out(await run('echo "[$X]"'))).toBe('[]\n');
    await run('X=2');
    await run('exit');
    expect(out(await run('echo "[$X]"'))).toBe('[]\n');
  });

  it('gives each store its own shell', async () => {
    const a = createAppStore({ seed: 1 });
    const b = createAppStore({ seed: 1 });
    await a.getState().runCommand('X=a');
    await b.getState().runCommand('X=b');
    expect(out(await a.getState().runCommand('echo $X'))).toBe('a\n');
  });

  it('runs a multi-line command as one (a loop typed across lines)', async () => {
    const store = createAppStore({ seed: 1 });
    const r = await store.getState().runCommand('for n in a b; do\n  kubectl create namespace ns-$n\ndone');
    expect(out(r)).toBe('namespace/ns-a created\nnamespace/ns-b created\n');
  });

  it('replays a share link\'s commands in one shell, and loading it starts a fresh one', async () => {
    const store = createAppStore({ seed: 1 });
    await store.getState().runCommand('N=shared');
    await store.getState().runCommand('kubectl create namespace $N');
    const link = store.getState().exportSession();
    const other = createAppStore({ seed: 1 });
    await other.getState().runCommand('N=stale');
    await other.getState().loadSession(link);
    expect(getObject(readerOf(other.getState().cluster), 'Namespace', '', 'shared').ok).toBe(true);
    expect(out(await other.getState().runCommand('echo "[$N]"'))).toBe('[]\n');
  });
});
