// Docker behaviour past the basics: copy-up into empty named volumes, docker cp both ways, ps -s,
// system df's four digits, docker stop's timeout and exit codes, -it without a terminal, and the
// pull's lines before the container id.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { HOST_CWD, HostFiles } from '../shell/host-fs.ts';
import type { CommandOutput } from '../types.ts';
import { docker } from './index.ts';

/** A docker session on the script host: each call runs on the state the previous one left. */
function session(opts: { terminal?: boolean; preset?: 'empty' | 'kind' } = {}) {
  let state: ClusterState = createCluster({ preset: opts.preset ?? 'empty' });
  const files = new HostFiles({ read: () => undefined });
  const resolve = (p: string) => (p.startsWith('/') ? p : `${HOST_CWD}/${p}`).replace(/\/\.$/, '').replace(/\/+$/, '') || '/';
  const host = { fs: files, resolve, env: {}, run: () => ({ stdout: '', stderr: '', code: 0 }), ...(opts.terminal ? { browserTerminal: true } : {}) };
  const call = (line: string, stdin?: string): CommandOutput => {
    const argv = ['docker', ...(line.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^'(.*)'$|^"(.*)"$/, '$1$2'))];
    const out = docker({ state, argv, files: { read: () => undefined }, host, ...(stdin !== undefined ? { stdin } : {}) });
    state = out.state;
    return out;
  };
  return { call, files, get state() { return state; } };
}

describe('copy-up: an empty named volume receives what the image holds at its mount point', () => {
  it('copies nginx\'s html into a new volume, and not into one that already holds files', () => {
    const s = session();
    s.call('volume create html');
    s.call('run -d --name web -v html:/usr/share/nginx/html nginx');
    expect(s.call('run --rm -v html:/data busybox ls /data').stdout).toBe('50x.html\nindex.html\n');
    // A volume with something in it keeps what it has.
    s.call('run --rm -v mine:/data busybox sh -c "echo mine > /data/own.txt"');
    s.call('run -d --name web2 -v mine:/usr/share/nginx/html nginx');
    expect(s.call('run --rm -v mine:/data busybox ls /data').stdout).toBe('own.txt\n');
  });

  it('nocopy (-v …:nocopy, --mount volume-nocopy) and bind mounts get nothing', () => {
    const s = session();
    expect(s.call('run --rm -v a:/usr/share/nginx/html:nocopy nginx ls /usr/share/nginx/html').stdout).toBe('');
    expect(s.call('run --rm --mount type=volume,source=b,target=/usr/share/nginx/html,volume-nocopy nginx ls /usr/share/nginx/html').stdout).toBe('');
    expect(s.call('run --rm -v /srv/site:/usr/share/nginx/html nginx ls /usr/share/nginx/html').stdout).toBe('');
    expect(s.call('run --rm -v c:/usr/share/nginx/html:ro,nocopy nginx ls /usr/share/nginx/html').stdout).toBe('');
    expect(s.call('run --rm -v d:/x:bogus busybox true').stderr).toBe("docker: Error response from daemon: invalid mode: bogus\n\nRun 'docker run --help' for more information\n");
  });
});

describe('docker cp', () => {
  it('copies a file in and out; a directory with /. copies its contents; silent without a terminal', () => {
    const s = session();
    s.call('run -d --name web nginx');
    s.files.write(`${HOST_CWD}/page.html`, '<h1>hi</h1>\n', false);
    const into = s.call('cp page.html web:/usr/share/nginx/html/index.html');
    expect(into).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(s.call('exec web cat /usr/share/nginx/html/index.html').stdout).toBe('<h1>hi</h1>\n');
    expect(s.call('cp web:/etc/nginx/nginx.conf .').exitCode).toBe(0);
    expect(s.files.read(`${HOST_CWD}/nginx.conf`)).toEqual({ ok: true, value: 'user  nginx;\nworker_processes  auto;\n' });
    s.files.mkdir(`${HOST_CWD}/backup`, false);
    s.call('cp web:/usr/share/nginx/html/. backup');
    expect(s.files.list(`${HOST_CWD}/backup`)).toMatchObject({ ok: true, value: [{ name: '50x.html' }, { name: 'index.html' }] });
    // Without /. the directory itself lands inside the existing one.
    s.call('cp web:/usr/share/nginx/html backup');
    expect(s.files.stat(`${HOST_CWD}/backup/html/index.html`)?.type).toBe('File');
  });

  it('works on a stopped container, and reports what docker reports', () => {
    const s = session();
    s.call('run --name done busybox sh -c "echo bye > /out.txt"');
    expect(s.call('cp done:/out.txt .').exitCode).toBe(0);
    expect(s.files.read(`${HOST_CWD}/out.txt`)).toEqual({ ok: true, value: 'bye\n' });
    expect(s.call('cp done:/nope .')).toMatchObject({ stderr: 'Error response from daemon: Could not find the file /nope in container done\n', exitCode: 1 });
    expect(s.call('cp ghost:/x .')).toMatchObject({ stderr: 'Error response from daemon: No such container: ghost\n', exitCode: 1 });
    expect(s.call('cp missing.txt done:/tmp/')).toMatchObject({ stderr: `lstat ${HOST_CWD}/missing.txt: no such file or directory\n`, exitCode: 1 });
    expect(s.call('cp a:/x b:/y').stderr).toBe('copying between containers is not supported\n');
    expect(s.call('cp x y').stderr).toBe('must specify at least one container source\n');
  });

  it('in a terminal it prints the tar stream\'s size on stderr: 2.05kB for a small file', () => {
    const s = session({ terminal: true });
    s.call('run -d --name web nginx');
    s.files.write(`${HOST_CWD}/hello.txt`, 'hello\n', false);
    expect(s.call('cp hello.txt web:/tmp/')).toMatchObject({ stdout: '', stderr: 'Successfully copied 2.05kB to web:/tmp/\n' });
    expect(s.call('cp web:/tmp/hello.txt copy.txt').stderr).toBe(`Successfully copied 2.05kB to ${HOST_CWD}/copy.txt\n`);
  });
});

describe('docker ps -s and docker system df', () => {
  it('SIZE is the writable layer, then the virtual size with the image, three digits each', () => {
    const s = session();
    s.call('run -d --name sleeper busybox sleep 3600');
    s.call('exec sleeper dd if=/dev/zero of=/blob bs=1000 count=2500');
    const out = s.call('ps -s').stdout;
    expect(out.split('\n')[0]).toMatch(/ {3}NAMES +SIZE$/);
    expect(out).toMatch(/sleeper {3}2\.5MB \(virtual 6\.77MB\)\n/);
  });

  it('--format fills docker\'s template fields; table gives their headers; an unknown field is a template error', () => {
    const s = session();
    s.call('run -d --name sleeper busybox sleep 3600');
    s.call('exec sleeper dd if=/dev/zero of=/blob bs=1M count=4');
    expect(s.call('ps -s --format "{{.Names}} {{.Size}}"').stdout).toBe('sleeper 4.19MB (virtual 8.46MB)\n');
    expect(s.call('ps --format "table {{.Names}}\\t{{.State}}"').stdout).toBe('NAMES     STATE\nsleeper   running\n');
    expect(s.call('ps --format "{{.Nope}}"')).toMatchObject({ stderr: 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext\n', exitCode: 1 });
  });

  it('system df has four significant digits and a truncated percentage', () => {
    const s = session();
    s.call('run -d --name web nginx');
    s.call('run --name gone busybox true');
    s.call('rm gone');
    s.call('volume create v1');
    const df = s.call('system df').stdout;
    expect(df).toContain('Images          2         1         196.1MB   4.27MB (2%)\n');
    expect(df).toContain('Local Volumes   1         0         0B        0B\n');
  });
});

describe('docker stop waits for a process that ignores SIGTERM', () => {
  it('nginx stops at once with 0; sleep as PID 1 is killed after 10 s with 137', () => {
    const s = session();
    s.call('run -d --name web nginx');
    s.call('run -d --name sleeper busybox sleep 3600');
    const t0 = s.state.now;
    expect(s.call('stop web').stdout).toBe('web\n');
    expect(s.state.now).toBe(t0);
    expect(s.state.docker.containers[Object.values(s.state.docker.containers).find((c) => c.name === 'web')!.id]!.exitCode).toBe(0);
    s.call('stop sleeper');
    expect(s.state.now).toBe(t0 + 10_000);
    expect(s.call('ps -a').stdout).toMatch(/Exited \(137\) Less than a second ago {4}.* sleeper\n/);
    expect(s.call('ps -a').stdout).toMatch(/Exited \(0\) 10 seconds ago .* web\n/);
  });

  it('httpd stops at once on its own STOPSIGNAL (SIGWINCH), but not on SIGHUP, which it takes as a reload', () => {
    const s = session();
    s.call('run -d --name a httpd:2.4');
    s.call('run -d --name b httpd:2.4');
    const t0 = s.state.now;
    s.call('stop a');
    expect(s.state.now).toBe(t0);
    s.call('stop -s HUP b');
    expect(s.state.now).toBe(t0 + 10_000);
    expect(Object.values(s.state.docker.containers).map((c) => c.exitCode)).toEqual([0, 137]);
  });

  it('-t sets the wait, -s KILL kills at once, several containers are stopped together', () => {
    const s = session();
    s.call('run -d --name a busybox sleep 3600');
    s.call('run -d --name b busybox sleep 3600');
    s.call('run -d --name c busybox sleep 3600');
    const t0 = s.state.now;
    s.call('stop -t 3 a b');
    expect(s.state.now).toBe(t0 + 3_000);
    s.call('stop -s SIGKILL c');
    expect(s.state.now).toBe(t0 + 3_000);
    expect(Object.values(s.state.docker.containers).map((c) => c.exitCode)).toEqual([137, 137, 137]);
    expect(s.call('stop -t x a')).toMatchObject({ exitCode: 125 });
  });
});

describe('-it without a terminal, and the pull before the id', () => {
  it('refuses -it in a script, before creating anything; -d or a terminal is fine', () => {
    const s = session();
    expect(s.call('run -it busybox sh')).toMatchObject({ stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    expect(Object.keys(s.state.docker.containers)).toHaveLength(0);
    expect(s.call('run -dit --name bg busybox sleep 3600').exitCode).toBe(0);
    expect(s.call('exec -it bg sh')).toMatchObject({ stderr: 'the input device is not a TTY\n', exitCode: 1 });
    expect(s.call('exec -it nobody sh').stderr).toBe('Error response from daemon: No such container: nobody\n');
    const t = session({ terminal: true });
    expect(t.call('run -it busybox echo hi')).toMatchObject({ exitCode: 0 });
  });

  it('writes the pull lines (stderr) before the container id (stdout)', () => {
    const s = session();
    const out = s.call('run -d busybox sleep 60');
    expect(out.chunks?.map((c) => c.stream)).toEqual(['stderr', 'stdout']);
    expect(out.chunks?.[0]?.text).toMatch(/^Unable to find image 'busybox:latest' locally\nlatest: Pulling from library\/busybox\n/);
    expect(out.chunks?.[1]?.text).toMatch(/^[0-9a-f]{64}\n$/);
  });
});
