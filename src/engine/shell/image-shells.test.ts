// The image decides the shell: busybox ash in busybox and alpine, dash as /bin/sh and bash in
// Debian-based images (nginx, python), whose tools are GNU coreutils and have no `ps`.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod } from '../index.ts';
import { applyManifest } from '../write.ts';

const pod = (name: string, image: string, command?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: ${image}
${command ? `    command: ["sh", "-c", ${JSON.stringify(command)}]\n` : ''}`;

const state = applyManifest(createCluster({ preset: 'bare' }), [pod('bb', 'busybox', 'sleep 3600'), pod('web', 'nginx:1.27'), pod('py', 'python:3.9-slim', 'sleep 3600'), pod('poll', 'busybox', 'while true; do echo tick >> /tmp/log; sleep 5; done')].join('---\n'), { mode: 'apply' }).state;

function exec(name: string, argv: string[]) {
  const r = execInPod(state, 'default', name, 'c', argv, '');
  if (!r.ok) throw new Error(r.reason);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

describe('the shell an image has', () => {
  it('busybox: ash wording, echo without escapes, [[ ]], ps', () => {
    expect(exec('bb', ['sh', '-c', 'foo'])).toEqual({ stdout: '', stderr: 'sh: foo: not found\n', code: 127 });
    expect(exec('bb', ['sh', '-c', 'echo "a\\tb"; [[ x == x ]] && echo dbl']).stdout).toBe('a\\tb\ndbl\n');
    expect(exec('bb', ['ps']).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 3600\n   13 root      0:00 ps\n');
    expect(exec('bb', ['cat', '/nope']).stderr).toBe("cat: can't open '/nope': No such file or directory\n");
  });

  it('nginx: dash as sh (line numbers, echo escapes, no [[ ]]), bash as bash, coreutils wording, no ps', () => {
    expect(exec('web', ['sh', '-c', 'echo ok\nfoo'])).toEqual({ stdout: 'ok\n', stderr: 'sh: 2: foo: not found\n', code: 127 });
    expect(exec('web', ['sh', '-c', 'echo "a\\tb"']).stdout).toBe('a\tb\n');
    expect(exec('web', ['sh', '-c', '[[ x == x ]]']).stderr).toBe('sh: 1: [[: not found\n');
    expect(exec('web', ['bash', '-c', 'foo; [[ x == x ]] && echo dbl'])).toEqual({ stdout: 'dbl\n', stderr: 'bash: line 1: foo: command not found\n', code: 0 });
    expect(exec('web', ['sh', '-c', 'ps']).stderr).toBe('sh: 1: ps: not found\n');
    expect(exec('web', ['sh', '-c', 'cat /nope; ls /nope; mkdir /a/b; head /nope']).stderr).toBe(
      "cat: /nope: No such file or directory\nls: cannot access '/nope': No such file or directory\nmkdir: cannot create directory '/a/b': No such file or directory\nhead: cannot open '/nope' for reading: No such file or directory\n",
    );
  });

  it('python:3.9-slim is Debian too', () => {
    expect(exec('py', ['sh', '-c', 'foo']).stderr).toBe('sh: 1: foo: not found\n');
  });

  it("a container's polling loop ran its first turn at start and is still running", () => {
    expect(exec('poll', ['cat', '/tmp/log']).stdout).toBe('tick\n');
  });

  it('compound commands, $( ), $(( )), printf and read work in every image', () => {
    const script = 'n=0; for f in a b c; do n=$((n+1)); done; printf "%s=%d\\n" n $n; echo "x y" | { read a b; echo "$b$a"; }; echo $(hostname)';
    for (const name of ['bb', 'web']) expect(exec(name, ['sh', '-c', script]).stdout).toBe(`n=3\nyx\n${name}\n`);
  });
});
