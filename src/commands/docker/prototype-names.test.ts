// docker with names that are also Object.prototype members: `constructor`, `toString` and
// `valueOf` are valid container and volume names and work like any other; `__proto__` is refused
// by the daemon's name rule (moby daemon/names, volume/local validateName); as commands they are unknown.
import { afterEach, describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

function sh(script: string) {
  return runScript(script, { preset: 'empty', quiet: true, files: { read: () => undefined } });
}

const PULL = "Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\n";
const BAD_VOLUME =
  'create __proto__: "__proto__" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path';

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe('docker and prototype-member names', () => {
  it.each(['constructor', '__proto__', 'toString'])('docker %s is not a docker command', (name) => {
    const r = sh(`docker ${name}`);
    expect(r.stderr).toBe(`docker: '${name}' is not a docker command.\nSee 'docker --help'\n`);
    expect(r.exitCode).toBe(1);
  });

  it('docker volume constructor is an unknown volume command', () => {
    expect(sh('docker volume constructor').stderr).toBe("docker: unknown command: docker volume constructor\n\nRun 'docker volume --help' for more information\n");
  });

  it('volumes named constructor and toString are created, listed, inspected, used and removed', () => {
    const r = sh(`docker volume create constructor
docker volume create toString
docker volume ls -q
docker volume inspect valueOf
docker run --name constructor -v constructor:/data busybox sh -c 'echo hi > /data/f'
docker run --rm -v constructor:/data busybox cat /data/f
docker rm constructor
docker volume rm constructor toString hasOwnProperty
docker volume ls -q
`);
    expect(r.stdout).toBe('constructor\ntoString\nconstructor\ntoString\n[]\nhi\nconstructor\nconstructor\ntoString\n');
    expect(r.stderr.startsWith(`Error response from daemon: get valueOf: no such volume\n${PULL}`)).toBe(true);
    expect(r.stderr.endsWith('Status: Downloaded newer image for busybox:latest\nError response from daemon: get hasOwnProperty: no such volume\n')).toBe(true);
  });

  it('docker volume create __proto__ is refused by the local driver, and no volume appears', () => {
    const r = sh('docker volume create __proto__\ndocker volume create a\ndocker volume ls -q\n');
    expect(r.stderr).toBe(`Error response from daemon: ${BAD_VOLUME}\nError response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters\n`);
    expect(r.stdout).toBe('');
  });

  it.each(['-v __proto__:/data', '--mount type=volume,source=__proto__,target=/data'])('docker run %s is refused as the daemon refuses it', (flag) => {
    const r = sh(`docker pull busybox\ndocker run ${flag} busybox true\ndocker volume ls -q\ndocker ps -aq\n`);
    expect(r.stderr).toBe(`docker: Error response from daemon: ${BAD_VOLUME}\n\nRun 'docker run --help' for more information\n`);
    // Nothing was created: no volume, no container (the last lines would list them).
    expect(r.stdout.endsWith('Status: Downloaded newer image for busybox:latest\ndocker.io/library/busybox:latest\n')).toBe(true);
  });

  it('a container named constructor runs, logs, stops and is removed; one named __proto__ is refused', () => {
    const r = sh(`docker pull busybox
docker run -d --name constructor busybox sh -c 'echo up; sleep 3600'
docker ps --format '{{.Names}}'
docker logs constructor
docker stop constructor
docker rm constructor
docker run --name __proto__ busybox true
docker ps -aq
`);
    expect(r.stderr).toBe("docker: Error response from daemon: Invalid container name (__proto__), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\n\nRun 'docker run --help' for more information\n");
    expect(r.stdout).toMatch(/\n[0-9a-f]{64}\n/);
    expect(r.stdout).toMatch(/\n[0-9a-f]{64}\nconstructor\nup\nconstructor\nconstructor\n$/);
  });

  it('a command named constructor is looked up as a program, not as a table member', () => {
    const r = sh(`docker run --name c1 busybox sh -c 'constructor; valueOf'\n`);
    expect(r.stderr).toContain('sh: constructor: not found\nsh: valueOf: not found\n');
  });
});
