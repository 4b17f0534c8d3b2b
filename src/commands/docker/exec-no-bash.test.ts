// busybox and alpine images have no bash: `docker exec C bash` cannot start it (the runtime's
// words, status 126), with or without -i and at a terminal alike; inside their ash, `bash` is
// `sh: bash: not found` (127). Debian-based images (nginx) do have it.
import { expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { HOST_CWD, HostFiles } from '../shell/host-fs.ts';
import type { CommandOutput } from '../types.ts';
import { docker } from './index.ts';

function session(terminal = false) {
  let state: ClusterState = createCluster({ preset: 'empty' });
  const files = new HostFiles({ read: () => undefined });
  const resolve = (p: string) => (p.startsWith('/') ? p : `${HOST_CWD}/${p}`);
  const host = { fs: files, resolve, env: {}, run: () => ({ stdout: '', stderr: '', code: 0 }), ...(terminal ? { browserTerminal: true } : {}) };
  return (argv: string[], stdin?: string): CommandOutput => {
    const out = docker({ state, argv: ['docker', ...argv], files: { read: () => undefined }, host, ...(stdin !== undefined ? { stdin } : {}) });
    state = out.state;
    return out;
  };
}

const NOT_FOUND = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n';

it('docker exec C bash in busybox fails as the runtime says, 126; ash says bash: not found', () => {
  const call = session();
  expect(call(['run', '-d', '--name', 'c', 'busybox', 'sleep', '3600']).exitCode).toBe(0);
  expect(call(['exec', 'c', 'bash', '-c', 'echo hi'])).toMatchObject({ stdout: '', stderr: NOT_FOUND, exitCode: 126 });
  expect(call(['exec', '-i', 'c', 'bash'], 'echo hi\n')).toMatchObject({ stdout: '', stderr: NOT_FOUND, exitCode: 126 });
  expect(call(['exec', '-i', 'c', 'sh'], 'echo hi\n')).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
  expect(call(['exec', 'c', 'sh', '-c', 'bash'])).toMatchObject({ stderr: 'sh: bash: not found\n', exitCode: 127 });
});

it('docker exec -it C bash at the browser terminal fails the same way; nginx has bash', () => {
  const call = session(true);
  call(['run', '-d', '--name', 'c', 'busybox', 'sleep', '3600']);
  expect(call(['exec', '-it', 'c', 'bash'])).toMatchObject({ stderr: NOT_FOUND, exitCode: 126 });
  call(['run', '-d', '--name', 'web', 'nginx']);
  expect(call(['exec', 'web', 'bash', '-c', 'echo $0'])).toMatchObject({ stdout: 'bash\n', exitCode: 0 });
});
