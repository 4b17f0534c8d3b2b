// The command layer decides which lines start an interactive process: `-i` and `-t` in any
// spelling, at the browser terminal, with nothing redirected into the command. Anywhere else
// (`kubesim run`, a here-document, a pipe) the same line runs once, as it always did.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { runScript } from '../script/run-script.ts';
import { createHostSession, type HostSession } from '../shell/host-shell.ts';
import { finishInteractive } from './launch.ts';

const NO_FILES = { read: () => undefined };

function clusterWithPod(): ClusterState {
  const r = runScript('kubectl run box --image=busybox -- sleep 3600\ndocker run -d --name web nginx\n', { state: createCluster({ preset: 'kind', seed: 1 }), quiet: true, files: NO_FILES });
  return r.state;
}

/** Runs a line as the browser terminal does; returns what it printed and the process it left open. */
function atTerminal(state: ClusterState, line: string): { out: string; session: HostSession } {
  const session = createHostSession(state, NO_FILES, { browserTerminal: true });
  const r = runScript(`${line}\n`, { state, quiet: true, files: NO_FILES, session });
  return { out: r.stdout + r.stderr, session };
}

describe('which lines start an interactive process', () => {
  const state = clusterWithPod();

  it.each(['kubectl exec -it box -- sh', 'kubectl exec -ti box -- sh', 'kubectl exec -i -t box -- sh', 'kubectl exec --stdin --tty box -- /bin/sh', 'kubectl exec box -it -c box -- sh'])('%s opens the pod container\'s shell', (line) => {
    const { out, session } = atTerminal(state, line);
    expect(out).toBe('');
    expect(session.interactive).toMatchObject({ via: 'kubectl', session: { target: { kind: 'pod', namespace: 'default', pod: 'box', container: 'box' }, shell: true } });
  });

  it.each(['docker exec -it web bash', 'docker exec -ti web sh'])('%s opens a shell in the Docker container', (line) => {
    const { session } = atTerminal(state, line);
    expect(session.interactive).toMatchObject({ via: 'docker', session: { target: { kind: 'docker' } } });
    expect(session.interactive?.mainProcess).toBeUndefined();
  });

  it('docker run -it busybox sh: the shell is the container\'s main process, and --rm is remembered', () => {
    const { session } = atTerminal(state, 'docker run -it --rm busybox sh');
    expect(session.interactive).toMatchObject({ via: 'docker', mainProcess: { autoRemove: true } });
    const { session: kept } = atTerminal(state, 'docker run -ti busybox');
    expect(kept.interactive?.mainProcess?.autoRemove).toBe(false);
    expect(kept.interactive?.session.argv).toEqual(['sh']);
  });

  it('-i alone, -t alone, a here-document, a pipe, -d, or a program that exits at once open nothing', () => {
    for (const line of ['kubectl exec -i box -- sh', 'kubectl exec -t box -- sh', "kubectl exec -it box -- sh <<'EOF'\necho hi\nEOF", 'echo ls | kubectl exec -it box -- sh', 'docker run -dit busybox sh', 'docker run -it busybox echo hi', 'docker exec -i web sh']) {
      expect(atTerminal(state, line).session.interactive, line).toBeUndefined();
    }
  });

  it('a program that reads no input runs at once, as kubectl and docker run it with a terminal', () => {
    const ls = atTerminal(state, 'kubectl exec -it box -- ls /');
    expect([ls.out, ls.session.interactive]).toEqual(['bin\ndev\netc\nhome\nproc\nroot\nsys\ntmp\nusr\nvar\n', undefined]);
    expect(atTerminal(state, "kubectl exec -it box -- sh -c 'exit 2'").out).toBe('command terminated with exit code 2\n');
    const echo = atTerminal(state, 'docker exec -it web echo hi');
    expect([echo.out, echo.session.interactive]).toEqual(['hi\n', undefined]);
  });

  it('kubesim run has no terminal: kubectl runs once and docker refuses, as the real tools do without a TTY', () => {
    const r = runScript('kubectl exec -it box -- sh <<EOF\necho hi\nEOF\ndocker exec -it web sh\n', { state, quiet: true, files: NO_FILES });
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\nthe input device is not a TTY\n');
  });

  it('errors before the process starts are the tools\' own', () => {
    expect(atTerminal(state, 'kubectl exec -it nope -- sh').out).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(atTerminal(state, 'kubectl exec -it box -c other -- sh').out).toBe('error: container other is not valid for pod box\n');
    expect(atTerminal(state, 'docker exec -it nope sh').out).toBe('Error response from daemon: No such container: nope\n');
  });

  it('the end is reported as kubectl does; docker run\'s container exits with the shell\'s status', () => {
    const { session } = atTerminal(state, 'kubectl exec -it box -- sh');
    expect(finishInteractive(state, session.interactive!, 3).stderr).toBe('command terminated with exit code 3\n');
    expect(finishInteractive(state, session.interactive!, 0).stderr).toBe('');
    const run = atTerminal(state, 'docker run -it --name b1 busybox sh').session;
    const opened = run.state;
    const id = run.interactive!.mainProcess!.id;
    expect(opened.docker.containers[id]!.state).toBe('running');
    const ended = finishInteractive(opened, run.interactive!, 4).state.docker.containers[id]!;
    expect([ended.state, ended.exitCode]).toEqual(['exited', 4]);
  });
});
