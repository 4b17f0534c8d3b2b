// A process wired to a client's stream, without sockets: keys in, terminal bytes (or frames) out,
// against a container of the simulated Docker host.
import { describe, expect, it } from 'vitest';
import { createCluster, runContainer, type ClusterState } from '../../engine/index.ts';
import { appendContainerLog, mainProcessExited } from '../../engine/docker/main-process.ts';
import { demux } from './mux.ts';
import { openProcessStream, type ProcessStream } from './process-stream.ts';

function container(): { state: ClusterState; id: string } {
  const r = runContainer(createCluster({ preset: 'bare', seed: 1 }), { image: 'busybox', name: 'c', command: ['sh', '-c', 'sleep 3600'], mounts: [], env: [], detach: true });
  if (!r.ok) throw new Error(r.error);
  return { state: r.state, id: r.container.id };
}

function wired(argv: string[], tty: boolean) {
  const c = container();
  let state = c.state;
  const wire: Buffer[] = [];
  const exits: number[] = [];
  const stream = openProcessStream(
    { state: () => state, commit: (s) => (state = s), write: (chunk) => void wire.push(chunk), exited: (code) => void exits.push(code) },
    { kind: 'docker', id: c.id },
    argv,
    tty,
  ) as ProcessStream;
  return { stream, screen: () => Buffer.concat(wire).toString('utf8'), wire: () => Buffer.concat(wire), exits, state: () => state };
}

describe('ProcessStream on a TTY', () => {
  it('shows the output of a line before the echo of keys typed after it (a paste of two lines)', () => {
    const t = wired(['sh'], true);
    t.stream.input('echo a\recho b\rec');
    expect(t.screen()).toBe('/ # echo a\r\na\r\n/ # echo b\r\nb\r\n/ # ec');
  });

  it('takes a character split across two chunks whole', () => {
    const t = wired(['sh'], true);
    const bytes = Buffer.from('echo é\r');
    t.stream.input(bytes.subarray(0, 6));
    t.stream.input(bytes.subarray(6));
    expect(t.screen()).toBe('/ # echo é\r\né\r\n/ # ');
  });

  it('ends a program that is not a shell on Ctrl-C with 130, and runs it on its input at Ctrl-D', () => {
    const killed = wired(['cat'], true);
    killed.stream.input('abc\x03');
    expect(killed.exits).toEqual([130]);
    // cat answers each line as it arrives (the pty's echo, then cat's copy); wc only at the end.
    const fed = wired(['cat'], true);
    fed.stream.input('one\rtwo\r\x04');
    expect(fed.exits).toEqual([0]);
    expect(fed.screen()).toBe('one\r\none\r\ntwo\r\ntwo\r\n');
    const counted = wired(['wc', '-l'], true);
    counted.stream.input('one\rtwo\r\x04');
    expect(counted.screen()).toBe('one\r\ntwo\r\n2\r\n');
  });

  it('Ctrl-C after cat has answered a line: its output stays, it ends with 130', () => {
    const t = wired(['cat'], true);
    t.stream.input('hi\r');
    expect(t.screen()).toBe('hi\r\nhi\r\n');
    t.stream.input('half\x03');
    expect(t.exits).toEqual([130]);
    expect(t.screen()).toBe('hi\r\nhi\r\nhalf^C');
  });

  it('runs a program that reads no input at once', () => {
    const t = wired(['ls', '/nope'], true);
    expect(t.stream.ended).toBe(true);
    expect(t.exits).toEqual([1]);
    expect(t.screen()).toBe('ls: /nope: No such file or directory\r\n');
  });

  it('keeps what a line wrote in the container', () => {
    const t = wired(['sh'], true);
    t.stream.input('echo kept > /f\r');
    const again = openProcessStream({ state: t.state, commit: () => undefined, write: () => undefined, exited: () => undefined }, { kind: 'docker', id: Object.keys(t.state().docker.containers)[0]! }, ['cat', '/f'], false)!;
    expect(again.ended).toBe(true);
  });
});

describe('ProcessStream without a TTY', () => {
  it('runs each complete line as it arrives, in frames, no prompt and no echo; the last line runs at end of input', () => {
    const t = wired(['sh'], false);
    t.stream.input('echo one\necho tw');
    expect(demux(t.wire())).toEqual([{ stream: 'stdout', text: 'one\n' }]);
    t.stream.input('o >&2\nexit 5');
    expect(t.exits).toEqual([]);
    t.stream.end();
    expect(demux(t.wire())).toEqual([
      { stream: 'stdout', text: 'one\n' },
      { stream: 'stderr', text: 'two\n' },
    ]);
    expect(t.exits).toEqual([5]);
  });
});

describe('the main process recorded in the engine', () => {
  it('appends to the log and stops the container with the status', () => {
    const { state, id } = container();
    const logged = appendContainerLog(state, id, '/ # exit 3\r\n');
    expect(logged.docker.containers[id]!.logs).toBe('/ # exit 3\r\n');
    expect(state.docker.containers[id]!.logs).toBe('');
    const stopped = mainProcessExited(logged, id, 3).docker.containers[id]!;
    expect(stopped).toMatchObject({ state: 'exited', exitCode: 3 });
  });
});
