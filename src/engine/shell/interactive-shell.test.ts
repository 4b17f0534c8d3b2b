// The shell at a prompt, below the container glue: prompts rendered from PS1 per dialect, state
// carried between commands through plain data, interactive error handling, and which programs
// wait for typed input.
import { describe, expect, it } from 'vitest';
import type { ShellContext } from './interpreter.ts';
import { endOfInput, runShellCommand, shellPrompt, startShell, type SavedShell } from './interactive-shell.ts';
import { renderPrompt, type PromptEnv } from './prompt.ts';
import { readsInput } from './reads-input.ts';
import { memoryFs } from './testing.ts';

const context = (family: 'busybox' | 'debian' = 'busybox'): ShellContext => ({ fs: memoryFs({}, ['/', '/tmp', '/root', '/data']), env: { HOME: '/root', PATH: '/bin' }, cwd: '/', hostname: 'web-0.example', lastCode: 0, family });

/** Runs each command in a fresh context, as each line of a session runs in a fresh exec. */
function session(family: 'busybox' | 'debian', argv0: string, commands: string[]): { saved: SavedShell; out: string[] } {
  let saved = startShell(context(family), argv0, true);
  const out: string[] = [];
  for (const c of commands) {
    const r = runShellCommand(context(family), saved, c, c.split('\n').length);
    saved = r.saved;
    out.push(r.output.stdout + r.output.stderr);
  }
  return { saved, out };
}

describe('renderPrompt', () => {
  const env = (over: Partial<PromptEnv> = {}): PromptEnv => ({ dialect: 'bash', cwd: '/root/app', hostname: 'web-0.example', lookup: (n) => ({ HOME: '/root', X: 'ex' })[n], lastCode: 3, argv0: '/bin/bash', ...over });
  it.each([
    ['\\u@\\h:\\w\\$ ', 'root@web-0:~/app# '],
    ['\\H \\W \\s> ', 'web-0.example app bash> '],
    ['${X}-$? ', 'ex-3 '],
    ['${debian_chroot:+($debian_chroot)}\\u ', 'root '],
    ['cost: \\\\ "q" ', 'cost: \\ "q" '],
    ['trailing\\', 'trailing\\'],
  ])('bash renders %j as %j', (ps, shown) => expect(renderPrompt(ps, env())).toBe(shown));
  it('does not expand what an escape produced: a directory named $X stays $X', () => expect(renderPrompt('\\w ', env({ cwd: '/$X' }))).toBe('/$X '));
  it('a home that is only a prefix of the cwd is not shown as ~', () => expect(renderPrompt('\\w', env({ cwd: '/rootfs' }))).toBe('/rootfs'));
  it('busybox shows nothing for \\W at /, bash shows /', () => {
    expect(renderPrompt('[\\W]', env({ dialect: 'ash', cwd: '/' }))).toBe('[]');
    expect(renderPrompt('[\\W]', env({ cwd: '/' }))).toBe('[/]');
  });
});

describe('a shell kept between commands as plain data', () => {
  it('keeps variables, functions, cwd and $?, and counts lines for dash', () => {
    const { saved, out } = session('debian', 'sh', ['x=1; f() { echo "f $x"; }', 'cd /data', 'f; nope', 'echo $?; pwd']);
    expect(out).toEqual(['', '', 'f 1\nsh: 3: nope: not found\n', '127\n/data\n']);
    expect(saved.lines).toBe(4);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
  });
  it('keeps a variable named like an Object property as an ordinary variable', () => {
    const { out } = session('busybox', 'sh', ['constructor=1; __proto__=2', 'echo $constructor $__proto__']);
    expect(out[1]).toBe('1 2\n');
  });
  it('starts with PS1 and PS2 set as the shell sets them, and PWD exported', () => {
    const { out } = session('busybox', 'sh', ['echo "$PS1|$PS2|$PWD"', 'cd /tmp; env | grep PWD']);
    expect(out[0]).toBe('\\w \\$ |> |/\n');
    expect(out[1]!.split('\n')).toContain('PWD=/tmp');
  });
  it('the prompt follows the saved cwd and hostname', () => {
    const { saved } = session('debian', 'bash', ['cd /data']);
    expect(shellPrompt(saved, false)).toBe('root@web-0:/data# ');
    expect(shellPrompt(saved, true)).toBe('> ');
  });
  it('end of input: bash says exit, the others a newline; without a terminal, nothing', () => {
    expect(endOfInput(startShell(context('debian'), 'bash', true)).output.stderr).toBe('exit\n');
    expect(endOfInput(startShell(context('debian'), 'sh', true)).output.stderr).toBe('\n');
    expect(endOfInput(startShell(context(), 'sh', false)).output.stderr).toBe('');
  });
  it('set -e at a prompt ends the shell on a failure, as bash and dash do', () => {
    let saved = startShell(context('debian'), 'sh', true);
    saved = runShellCommand(context('debian'), saved, 'set -e', 1).saved;
    expect(runShellCommand(context('debian'), saved, 'false', 1).exited).toBe(1);
  });
});

describe('readsInput: whether a program waits for what is typed', () => {
  it.each([
    [['sh'], true],
    [['/bin/bash', '-l'], true],
    [['sh', '-o', 'vi'], true],
    [['sh', '-s'], true],
    [['sh', '-c', 'ls'], false],
    [['sh', '-ec', 'ls'], false],
    [['sh', 'script.sh'], false],
    [['python3'], true],
    [['python3', '-c', 'print(1)'], false],
    [['python3', 'app.py'], false],
    [['cat'], true],
    [['cat', '/etc/hosts'], false],
    [['cat', '-'], true],
    [['wc', '-l'], true],
    [['head', '-n', '3'], true],
    [['head', '-n', '3', 'f'], false],
    [['grep', 'x'], true],
    [['grep', '-e', 'x'], true],
    [['grep', 'x', 'f'], false],
    [['tee', '/data/log'], true],
    [['ls', '/data'], false],
    [['echo', 'hi'], false],
    [['df', '-h'], false],
    [['env'], false],
  ])('%j: %s', (argv, reads) => expect(readsInput(argv)).toBe(reads));
});
