// `docker run -i`: the container's stdin is kept open (Config.OpenStdin). A shell with nothing
// written to it waits for input, so `-dit busybox sh` stays up; without -i its stdin is empty and
// the shell exits at once (0). And a container starts in its image's WORKDIR.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { HOST_CWD, HostFiles } from '../shell/host-fs.ts';
import type { CommandOutput } from '../types.ts';
import { docker } from './index.ts';
import { readsStdin } from '../../engine/docker/host.ts';

function session(opts: { terminal?: boolean } = {}) {
  let state: ClusterState = createCluster({ preset: 'empty' });
  const files = new HostFiles({ read: () => undefined });
  const resolve = (p: string) => (p.startsWith('/') ? p : `${HOST_CWD}/${p}`);
  const host = { fs: files, resolve, env: {}, run: () => ({ stdout: '', stderr: '', code: 0 }), ...(opts.terminal ? { browserTerminal: true } : {}) };
  const call = (line: string, stdin?: string): CommandOutput => {
    const argv = ['docker', ...(line.match(/'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^'(.*)'$/, '$1'))];
    const out = docker({ state, argv, files: { read: () => undefined }, host, ...(stdin !== undefined ? { stdin } : {}) });
    state = out.state;
    return out;
  };
  const status = (name: string) => Object.values(state.docker.containers).find((c) => c.name === name);
  return { call, status };
}

describe('docker run -i keeps stdin open', () => {
  it('-dit and -di: the shell waits, the container is Up, and exec works in it', () => {
    const s = session();
    s.call('run -dit --name a busybox sh');
    s.call('run -di --name b busybox');
    expect(s.status('a')).toMatchObject({ state: 'running', openStdin: true });
    expect(s.status('b')?.state).toBe('running');
    expect(s.call("exec a sh -c 'echo hi > /f; cat /f'").stdout).toBe('hi\n');
    expect(s.call('ps --format {{.Names}}').stdout).toBe('b\na\n');
  });

  it('-d without -i: stdin is empty, the shell exits at once with 0', () => {
    const s = session();
    s.call('run -d --name c busybox sh');
    expect(s.status('c')).toMatchObject({ state: 'exited', exitCode: 0 });
  });

  it('-i with a heredoc reads it to its end, then exits; a script without input gives an empty stdin', () => {
    const s = session();
    expect(s.call('run -i --name d busybox sh', 'echo from-stdin\n').stdout).toBe('from-stdin\n');
    expect(s.status('d')?.state).toBe('exited');
    s.call('run -i --name e busybox sh');
    expect(s.status('e')?.state).toBe('exited');
  });

  it('-it in the browser terminal: the shell waits on the terminal, the container stays Up', () => {
    const s = session({ terminal: true });
    expect(s.call('run -it --name f busybox sh')).toMatchObject({ exitCode: 0 });
    expect(s.status('f')?.state).toBe('running');
  });

  it('docker start of a container made with -i waits again; sh as PID 1 ignores SIGTERM, so stop kills it (137)', () => {
    const s = session();
    s.call('run -dit --name g busybox sh');
    s.call('stop g');
    expect(s.status('g')).toMatchObject({ state: 'exited', exitCode: 137 });
    s.call('start g');
    expect(s.status('g')?.state).toBe('running');
  });

  it('what reads stdin: a bare shell or interpreter, cat with no file', () => {
    expect([['sh'], ['/bin/bash', '-l'], ['python3'], ['cat']].map(readsStdin)).toEqual([true, true, true, true]);
    expect([['sh', '-c', 'echo'], ['python3', 'app.py'], ['python3', '-m', 'http.server'], ['cat', '/etc/hosts'], ['echo']].map(readsStdin)).toEqual([false, false, false, false, false]);
  });
});

describe('a container starts in its image\'s WORKDIR', () => {
  it('httpd:2.4 declares WORKDIR /usr/local/apache2: exec and the main command run there', () => {
    const s = session();
    s.call('run -d --name web httpd:2.4');
    expect(s.call('exec web pwd').stdout).toBe('/usr/local/apache2\n');
    expect(s.call('run --rm busybox pwd').stdout).toBe('/\n');
  });
});
