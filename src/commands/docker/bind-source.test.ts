// `--mount type=bind` asks the daemon to check the source (moby volume/mounts validate: "bind
// source path does not exist"), at create, so no container is left; `-v` creates a missing source.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'empty', quiet: true, files: { read: () => undefined } });
const err = (r: ReturnType<typeof run>) => r.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
const out = (r: ReturnType<typeof run>) => r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');

describe('docker run --mount type=bind with a missing source', () => {
  it('is refused by the daemon and leaves no container', () => {
    const r = run('docker pull busybox\ndocker run --name b --mount type=bind,source=/missing,target=/x busybox ls /x\n');
    expect(err(r)).toBe('docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /missing\n\nRun \'docker run --help\' for more information\n');
    expect(r.exitCode).toBe(1);
    expect(Object.values(r.state.docker.containers).map((c) => c.name)).not.toContain('b');
  });

  it('mounts a source that exists: a directory -v made, a file on the host, a volume\'s data', () => {
    const r = run(
      'docker pull busybox\n' +
        'docker run --rm -v /srv/made:/x busybox ls -d /x\n' +
        'docker run --rm --mount type=bind,source=/srv/made,target=/x busybox ls -d /x\n' +
        'docker run --rm --mount type=bind,src=/etc/hostname,dst=/x,readonly busybox cat /x\n' +
        'docker volume create data\n' +
        'docker run --rm --mount type=bind,source=/var/lib/docker/volumes/data/_data,target=/x busybox ls -d /x\n',
    );
    expect(err(r)).toBe('');
    expect(out(r)).toContain('/x\n/x\n');
    expect(r.exitCode).toBe(0);
  });

  it('-v still creates a missing source directory on the host', () => {
    const r = run('docker pull busybox\ndocker run --rm -v /srv/new:/x busybox ls -d /x\nsudo ls -d /srv/new\n');
    expect(err(r)).toBe('');
    expect(out(r)).toContain('/x\n');
    expect(out(r)).toContain('/srv/new\n');
  });
});
