// How each shell words its errors, word for word: dash 0.5.12 and bash 5.2 as they print them
// (`dash -c …`, `bash -c …`), busybox ash from shell/ash.c (`syntax error: unexpected %s
// (expecting %s)`, `%s: not found`, `can't cd to %s`, math.c's `divide by zero`).
import { describe, expect, it } from 'vitest';
import { run } from './testing.ts';

describe('error wording per dialect', () => {
  it.each([
    // [dialect, program, stderr, status]
    ['ash', 'foo', 'sh: foo: not found\n', 127],
    ['dash', 'foo', 'sh: 1: foo: not found\n', 127],
    ['bash', 'foo', 'bash: line 1: foo: command not found\n', 127],
    ['dash', 'echo a\nfoo', 'sh: 2: foo: not found\n', 127],
    ['ash', 'if true; then echo', 'sh: syntax error: unexpected end of file (expecting "fi")\n', 2],
    ['dash', 'if true; then echo', 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n', 2],
    ['bash', 'if true; then echo', 'bash: -c: line 2: syntax error: unexpected end of file\n', 2],
    ['ash', 'fi', 'sh: syntax error: unexpected "fi"\n', 2],
    ['dash', 'fi', 'sh: 1: Syntax error: "fi" unexpected\n', 2],
    ['bash', 'fi', "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `fi'\n", 2],
    ['dash', 'echo )', 'sh: 1: Syntax error: ")" unexpected\n', 2],
    ['bash', 'echo >', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo >'\n", 2],
    ['dash', ';', 'sh: 1: Syntax error: ";" unexpected\n', 2],
    ['ash', "echo 'abc", 'sh: syntax error: unterminated quoted string\n', 2],
    ['dash', "echo 'abc", 'sh: 1: Syntax error: Unterminated quoted string\n', 2],
    ['bash', "echo 'abc", "bash: -c: line 1: unexpected EOF while looking for matching `''\n", 2],
    ['dash', 'x=$(echo', 'sh: 1: Syntax error: end of file unexpected (expecting ")")\n', 2],
    ['bash', 'x=$(echo', "bash: -c: line 2: unexpected EOF while looking for matching `)'\n", 2],
    ['dash', 'echo `echo', 'sh: 1: Syntax error: EOF in backquote substitution\n', 2],
    ['dash', 'for 1 in a; do :; done', 'sh: 1: Syntax error: Bad for loop variable\n', 2],
    ['dash', 'f() { echo', 'sh: 1: Syntax error: end of file unexpected (expecting "}")\n', 2],
    ['dash', 'echo ${x!}', 'sh: 1: Bad substitution\n', 2],
    ['ash', 'echo $((1/0)); echo after', 'sh: divide by zero\n', 2],
    ['dash', 'echo $((1/0)); echo after', 'sh: 1: arithmetic expression: division by zero: "1/0"\n', 2],
    ['bash', 'echo $((1/0)); echo after', 'bash: line 1: 1/0: division by 0 (error token is "0")\n', 1],
    ['dash', 'echo $((1 +))', 'sh: 1: arithmetic expression: expecting primary: "1 +"\n', 2],
    ['bash', 'echo $((a+))', 'bash: line 1: a+: syntax error: operand expected (error token is "+")\n', 1],
    ['dash', '[ 1 -eq a ]', 'sh: 1: [: Illegal number: a\n', 2],
    ['bash', '[ 1 -eq a ]', 'bash: line 1: [: a: integer expression expected\n', 2],
    ['dash', '[ a', 'sh: 1: [: missing ]\n', 2],
    ['bash', '[ a', "bash: line 1: [: missing `]'\n", 2],
    ['ash', 'cd /nope; echo $?', "sh: cd: can't cd to /nope: No such file or directory\n", 0],
    ['dash', 'cd /nope; echo $?', "sh: 1: cd: can't cd to /nope\n", 0],
    ['bash', 'cd /nope; echo $?', 'bash: line 1: cd: /nope: No such file or directory\n', 0],
    ['ash', 'echo hi > /nope/x', "sh: can't create /nope/x: No such file or directory\n", 1],
    ['dash', 'echo hi > /nope/x', 'sh: 1: cannot create /nope/x: Directory nonexistent\n', 2],
    ['bash', 'echo hi > /nope/x', 'bash: line 1: /nope/x: No such file or directory\n', 1],
    ['ash', 'cat < /nope', "sh: can't open '/nope': No such file or directory\n", 1],
    ['dash', 'cat < /nope', 'sh: 1: cannot open /nope: No such file\n', 2],
    ['bash', 'cat < /nope', 'bash: line 1: /nope: No such file or directory\n', 1],
    ['dash', 'read', 'sh: 1: read: arg count\n', 2],
    ['ash', "printf '%d\\n' abc", "sh: invalid number 'abc'\n", 1],
    ['ash', '[ 1 -eq a ]', 'sh: a: bad number\n', 2],
    ['ash', '[ a', 'sh: missing ]\n', 2],
    ['dash', "printf '%d\\n' abc", 'sh: 1: printf: abc: expected numeric value\n', 1],
    ['bash', "printf '%d\\n' abc", 'bash: line 1: printf: abc: invalid number\n', 1],
    ['dash', 'shift 3', "sh: 1: shift: can't shift that many\n", 2],
    ['bash', 'break', "bash: line 1: break: only meaningful in a `for', `while', or `until' loop\n", 0],
    ['bash', 'return', "bash: line 1: return: can only `return' from a function or sourced script\n", 2],
    ['dash', 'echo ${u:?missing}', 'sh: 1: u: missing\n', 2],
    ['bash', 'echo ${u:?missing}', 'bash: line 1: u: missing\n', 127],
  ] as const)('%s: %s', (dialect, source, stderr, code) => {
    const r = run(dialect, source);
    expect({ stderr: r.stderr, code: r.code }).toEqual({ stderr, code });
  });

  it('a syntax error runs nothing, a runtime error stops only its command', () => {
    expect(run('dash', 'echo first; fi').stdout).toBe('');
    expect(run('dash', 'foo; echo after')).toEqual({ stdout: 'after\n', stderr: 'sh: 1: foo: not found\n', code: 0 });
  });

  it("dash's arithmetic has no ++, ** or comma: `++i` is two unary pluses", () => {
    expect(run('dash', 'i=5; echo $((++i)) $i').stdout).toBe('5 5\n');
    expect(run('dash', 'i=5; echo $((i++))')).toMatchObject({ stdout: '', code: 2 });
    expect(run('dash', 'echo $((2**3))')).toMatchObject({ stdout: '', code: 2 });
    expect(run('bash', 'i=5; echo $((++i)) $((2**3)) $((1, 2))').stdout).toBe('6 8 2\n');
  });

  it('the name errors start with is the shell as it was called', () => {
    expect(run('ash', 'foo', '', { argv0: '/bin/sh' }).stderr).toBe('/bin/sh: foo: not found\n');
  });
});
