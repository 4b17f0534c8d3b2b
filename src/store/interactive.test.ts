// The browser terminal's interactive processes, through the store and the engine's (in-process)
// worker: `kubectl exec -it POD -- sh` opens the container's shell, each line typed runs there
// with the shell's state kept and is recorded on the timeline, `exit 3` comes back to the
// terminal with kubectl's report, and a share link replays the whole session exactly.
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore, type CommandResult } from './app-store.ts';
import { parseSession } from './session.ts';
import { actionLabel } from './timeline.ts';
import type { Nested } from './engine-protocol.ts';

const text = (r: CommandResult) => r.chunks.map((c) => c.text).join('');

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
    - name: main
      image: busybox
      command: ["sh", "-c", "sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      emptyDir: {}
`;

async function withPod(): Promise<{ store: AppStore; run: (line: string, nested?: Nested) => Promise<CommandResult> }> {
  const store = createAppStore({ seed: 1 });
  await store.getState().resetCluster('kind');
  const run = (line: string, nested?: Nested) => store.getState().runCommand(line, nested);
  await run(`kubectl apply -f - <<'EOF'\n${POD}EOF`);
  return { store, run };
}

// The first test loads the command layer and the engine's write path: slow on a busy machine.
describe('an interactive shell at the browser terminal', { timeout: 30_000 }, () => {
  it('opens with the container shell prompt, keeps cwd and variables, and exit 3 is reported as kubectl does', async () => {
    const { store, run } = await withPod();
    const opened = await run('kubectl exec -it box -- sh');
    expect(text(opened)).toBe('');
    expect(opened.interactive).toEqual({ prompt: '/ # ', pending: false });
    expect(store.getState().terminalProcess?.prompt).toBe('/ # ');

    expect((await run('cd /data', 'line')).interactive?.prompt).toBe('/data # ');
    await run('x=5; echo hi-$x > y', 'line');
    expect(text(await run('pwd; cat y', 'line'))).toBe('/data\nhi-5\n');

    const exited = await run('exit 3', 'line');
    // kubectl's own report, on its stderr (the terminal shows it red).
    expect(exited.chunks).toEqual([{ stream: 'stderr', text: 'command terminated with exit code 3\n' }]);
    expect(exited.interactive).toBeUndefined();
    expect(store.getState().terminalProcess).toBeNull();
    // Back at the terminal's shell: `$?` is kubectl's status, and the file is in the volume.
    expect(text(await run('echo $?'))).toBe('3\n');
    expect(text(await run('kubectl exec box -- cat /data/y'))).toBe('hi-5\n');
  });

  it('accepts -ti, -i -t and --stdin --tty alike; without a terminal (heredoc, pipe, -i alone) it runs once as before', async () => {
    const { store, run } = await withPod();
    for (const flags of ['-ti', '-i -t', '--stdin --tty']) {
      expect((await run(`kubectl exec ${flags} box -- sh`)).interactive?.prompt).toBe('/ # ');
      await run('exit', 'line');
      expect(store.getState().terminalProcess).toBeNull();
    }
    expect(text(await run('kubectl exec box -- ls /data'))).toBe('');
    const piped = await run('echo "echo piped" | kubectl exec -i box -- sh');
    expect([text(piped), piped.interactive]).toEqual(['piped\n', undefined]);
    const heredoc = await run("kubectl exec -i box -- sh <<'EOF'\necho from-heredoc\nEOF");
    expect([text(heredoc), heredoc.interactive]).toEqual(['from-heredoc\n', undefined]);
    // -it with a here-document: not a terminal, kubectl says so and runs it once.
    const tty = await run("kubectl exec -it box -- sh <<'EOF'\necho once\nEOF");
    expect(text(tty)).toBe('once\nUnable to use a TTY - input is not a terminal or the right kind of file\n');
    expect(store.getState().terminalProcess).toBeNull();
  });

  it('records the opening line and every line typed inside as actions, and a share link replays them exactly', async () => {
    const { store, run } = await withPod();
    const before = store.getState().timeline.actions.length;
    await run('kubectl exec -it box -- sh');
    await run('cd /data', 'line');
    await run('echo kept > z', 'line');
    await run('', 'eof');
    const actions = store.getState().timeline.actions.slice(before).map((a) => a.action);
    expect(actions).toEqual([
      { type: 'command', line: 'kubectl exec -it box -- sh' },
      { type: 'interactive', line: 'cd /data' },
      { type: 'interactive', line: 'echo kept > z' },
      { type: 'interactive', line: '', key: 'eof' },
    ]);

    // Through the link's JSON and its checks, into a fresh page.
    const parsed = parseSession(JSON.parse(JSON.stringify(store.getState().exportSession())));
    expect(parsed.ok).toBe(true);
    const other = createAppStore({ seed: 1 });
    await other.getState().loadSession(parsed.ok ? parsed.session : (undefined as never));
    expect(other.getState().timeline.actions).toEqual(store.getState().timeline.actions);
    expect(text(await other.getState().runCommand('kubectl exec box -- cat /data/z'))).toBe('kept\n');
  });

  it('input for a process that is gone (the worker was restarted) runs nothing and records nothing', async () => {
    const store = createAppStore({ seed: 1 });
    const r = await store.getState().runCommand('ls', 'line');
    expect([text(r), r.interactive]).toEqual(['kubesim: the interactive process is no longer running\n', undefined]);
    expect(store.getState().timeline.actions).toEqual([]);
    expect(store.getState().terminalProcess).toBeNull();
  });

  it('the timeline labels input typed in a container apart from the terminal\'s own lines', () => {
    expect(actionLabel({ type: 'interactive', line: 'ls /data' })).toBe('(in the container) ls /data');
    expect(actionLabel({ type: 'interactive', line: '', key: 'eof' })).toBe('(in the container) Ctrl-D');
  });

  it('a link whose interactive input is malformed is refused with the field named; old links still parse', () => {
    const base = { v: 1, preset: 'kind', seed: 1, editorText: '', cursor: 0, view: 'cluster' };
    expect(parseSession({ ...base, actions: [{ action: { type: 'interactive', line: 'ls', key: 'tab' } }] })).toEqual({ ok: false, error: 'actions[0]: "key" must be "eof" or "interrupt"' });
    expect(parseSession({ ...base, actions: [{ action: { type: 'interactive' } }] })).toEqual({ ok: false, error: 'actions[0]: interactive input needs a "line" string' });
    expect(parseSession({ ...base, actions: [{ action: { type: 'command', line: 'kubectl get pods' } }] }).ok).toBe(true);
  });

  it('Ctrl-C throws an unfinished command away', async () => {
    const { run } = await withPod();
    await run('kubectl exec -it box -- sh');
    const open = await run('if true; then', 'line');
    expect(open.interactive).toEqual({ prompt: '> ', pending: true });
    const interrupted = await run('', 'interrupt');
    expect(interrupted.interactive).toEqual({ prompt: '/ # ', pending: false });
    expect(text(await run('echo after', 'line'))).toBe('after\n');
  });

  it('Ctrl-C ends a program that is not a shell (cat dies of SIGINT): kubectl reports 130 and the terminal is back at $', async () => {
    const { store, run } = await withPod();
    const opened = await run('kubectl exec -it box -- cat');
    expect(opened.interactive).toBeDefined();
    const interrupted = await run('', 'interrupt');
    expect(interrupted.exitCode).toBe(130);
    expect(text(interrupted)).toContain('command terminated with exit code 130\n');
    expect(store.getState().terminalProcess).toBeNull();
  });

  it('docker run -it: exit 4 leaves the container Exited (4); with --rm, Ctrl-D removes it', async () => {
    const { store, run } = await withPod();
    const opened = await run('docker run -it --name b1 busybox sh');
    expect(opened.interactive?.prompt).toBe('/ # ');
    await run('echo hi > /y', 'line');
    expect((await run('exit 4', 'line')).exitCode).toBe(4);
    expect(store.getState().terminalProcess).toBeNull();
    expect(text(await run('docker ps -a --filter name=b1 --format "{{.Status}}"'))).toMatch(/^Exited \(4\)/);
    // The writable layer stays with the stopped container.
    expect(text(await run('docker start b1 >/dev/null; docker exec b1 cat /y'))).toBe('hi\n');

    await run('docker run -it --rm --name gone busybox sh');
    expect(store.getState().terminalProcess).not.toBeNull();
    await run('', 'eof');
    expect(store.getState().terminalProcess).toBeNull();
    expect(text(await run('docker ps -a --format "{{.Names}}"'))).not.toContain('gone');
  });

  it('docker exec -it into a running container keeps its shell between lines', async () => {
    const { run } = await withPod();
    await run('docker run -d --name web nginx');
    const opened = await run('docker exec -it web bash');
    expect(opened.interactive?.prompt).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect((await run('cd /usr/share/nginx/html', 'line')).interactive?.prompt).toMatch(/:\/usr\/share\/nginx\/html# $/);
    expect(text(await run('ls', 'line'))).toContain('index.html');
    const done = await run('exit 2', 'line');
    // bash writes `exit` to its stderr, which with a terminal is the same screen as stdout: not an error to colour.
    expect([done.chunks, done.exitCode]).toEqual([[{ stream: 'stdout', text: 'exit\n' }], 2]);
  });

  it('a pod deleted meanwhile (the canvas runs its own commands) ends the session at the next line, as the engine says', async () => {
    const { store, run } = await withPod();
    await run('kubectl exec -it box -- sh');
    // What the canvas's "Delete pod" runs: a command of its own, beside the open shell.
    expect(text(await run('kubectl delete pod box --grace-period=0 --force'))).toContain('pod "box" force deleted');
    expect(store.getState().terminalProcess).not.toBeNull();
    const ended = await run('ls', 'line');
    expect(ended.interactive).toBeUndefined();
    expect(text(ended)).toMatch(/command terminated with exit code \d+\n$/);
    expect(store.getState().terminalProcess).toBeNull();
  });
});
