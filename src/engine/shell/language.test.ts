// The shell language, construct by construct. Each program prints the same in busybox ash,
// dash and bash (checked against dash 0.5.12 and bash 5.2), so every case runs in all three.
import { describe, expect, it } from 'vitest';
import { memoryFs, run } from './testing.ts';

const ALL = ['ash', 'dash', 'bash'] as const;

describe.each(ALL)('%s: the language', (dialect) => {
  it.each([
    ['X=5; export Y=6; echo $X $Y', '5 6\n'],
    ['for i in 1 2 3; do echo $i; done', '1\n2\n3\n'],
    ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n'],
    ['i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i', '2\n'],
    ['if [ a = b ]; then echo y; elif [ a = a ]; then echo z; else echo n; fi', 'z\n'],
    ['case foo in f*) echo F;; *) echo other;; esac', 'F\n'],
    ['case x in a|b) echo ab;; x) echo x;; esac', 'x\n'],
    ['f() { echo "args: $# $1 $2"; return 3; }; f a b; echo $?', 'args: 2 a b\n3\n'],
    ['echo $(echo inner) `echo back`', 'inner back\n'],
    ['echo $((2+3*4)) $((10/3)) $((10%3)) $((1<<4)) $(( (1+2)*3 ))', '14 3 1 16 9\n'],
    ['echo $((-7/2)) $((-7%2)) $(( 0x10 + 010 ))', '-3 -1 24\n'],
    ['x=abc; echo ${#x} ${x:-d} ${y:-d} ${y-e} ${x:+set}', '3 abc d e set\n'],
    ['p=/a/b/c.txt; echo ${p##*/} ${p%/*} ${p#/} ${p%.txt}', 'c.txt /a/b a/b/c.txt /a/b/c\n'],
    ['echo ${x:=def}; echo $x', 'def\ndef\n'],
    ['echo -n a; echo b', 'ab\n'],
    ["printf '%s-%d\\n' a 1 b 2", 'a-1\nb-2\n'],
    ["printf '%5.2f|%-4s|%x|%o|%c\\n' 3.14159 ab 255 8 hello", ' 3.14|ab  |ff|10|h\n'],
    ["printf '%03d|%%|%b\\n' 7 'a\\tb'", '007|%|a\tb\n'],
    ['read a b <<EOF\n1 2 3\nEOF\necho "$a|$b"', '1|2 3\n'],
    ['cat <<EOF\nx=$((1+1)) $HOME\nEOF', 'x=2 /root\n'],
    ["cat <<'EOF'\n$HOME\nEOF", '$HOME\n'],
    ['cat <<-EOF\n\tindented\n\tEOF', 'indented\n'],
    ['printf "a\\nb\\n" | while read l; do echo "[$l]"; done', '[a]\n[b]\n'],
    ['true && echo yes || echo no; false && echo yes || echo no', 'yes\nno\n'],
    ['! false; echo $?', '0\n'],
    ['{ echo a; echo b; } | wc -l', '2\n'],
    ['(exit 3); echo $?', '3\n'],
    ['x=1; (x=2); echo $x', '1\n'],
    ['echo x | read v; echo "[$v]"', '[]\n'],
    ['set -- a b c; echo $#; shift; echo $@', '3\nb c\n'],
    ["set -- 'a b' c; for a in \"$@\"; do echo \"<$a>\"; done", '<a b>\n<c>\n'],
    ['for a in "$@"; do echo never; done; echo end', 'end\n'],
    ["x='a   b'; echo $x; echo \"$x\"", 'a b\na   b\n'],
    ['IFS=:; x=a:b:c; for i in $x; do echo $i; done', 'a\nb\nc\n'],
    ['echo ~ ${HOME}x', '/root /rootx\n'],
    ['n=0; for i in 1 2 3 4 5; do [ $i = 3 ] && continue; [ $i = 5 ] && break; n=$((n+i)); done; echo $n', '7\n'],
    ['for i in 1 2; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done', '1a\n'],
    ["eval 'echo ev'; x=y; eval \"$x=3\"; echo $y", 'ev\n3\n'],
    ['echo a; exit 4; echo b', 'a\n'],
    ['x=$(false); echo $?', '1\n'],
    ["echo \"$(printf 'a\\n\\n\\n')\"end", 'aend\n'],
    ['echo "nested $(echo "q $(echo deep)")"', 'nested q deep\n'],
    ['echo $(( $(echo 3) + 1 ))', '4\n'],
    ['echo \\$HOME \'$HOME\' "\\$HOME"', '$HOME $HOME $HOME\n'],
    ['export A=1; env | grep "^A="', 'A=1\n'],
    ['cd /tmp; pwd', '/tmp\n'],
    ['if ! [ 1 = 2 ]; then echo neg; fi', 'neg\n'],
    ['echo a && { echo b; false; } || echo c', 'a\nb\nc\n'],
    ['[ -z "" ] && [ -n x -a 1 -lt 2 ] && echo both', 'both\n'],
    ['g() ( echo sub ); g', 'sub\n'],
    ['for i in; do echo never; done; echo done', 'done\n'],
    ['f() { local v=1; echo $v; }; v=0; f; echo $v', '1\n0\n'],
    ['echo 1 2>&1 >/dev/null', ''],
    ['x=5; echo $((x * 2 + ${x}))', '15\n'],
    ['a=1 b=2; echo $a$b', '12\n'],
    ['set -e; false; echo unreachable', ''],
    ['set -e; false || true; if false; then :; fi; echo reached', 'reached\n'],
    ['set -e; false && echo x; echo after; true && false; echo never', 'after\n'],
  ])('%s', (source, stdout) => {
    const r = run(dialect, source);
    expect(r.stdout).toBe(stdout);
  });

  it('exit sets the status; `exit 300` is 44', () => {
    expect(run(dialect, 'echo a; exit 4; echo b').code).toBe(4);
    expect(run(dialect, 'exit 300').code).toBe(44);
  });

  it('redirections write files, and `<` and here-strings feed stdin', () => {
    const fs = memoryFs({ '/tmp/in': 'one\ntwo\n' });
    const r = run(dialect, 'while read l; do echo "got $l"; done < /tmp/in > /tmp/out; cat /tmp/out; echo more >> /tmp/out; wc -l < /tmp/out', '', { fs });
    expect(r.stdout).toBe('got one\ngot two\n3\n');
  });

  it('globs match files in order, unquoted only; no match leaves the word', () => {
    const fs = memoryFs({ '/d/b.txt': '', '/d/a.txt': '', '/d/.h.txt': '', '/d/c.log': '' });
    expect(run(dialect, 'echo /d/*.txt "/d/*.txt" /d/*.none /d/?.log', '', { fs }).stdout).toBe('/d/a.txt /d/b.txt /d/*.txt /d/*.none /d/c.log\n');
    expect(run(dialect, 'for f in /d/*; do echo $f; done', '', { fs }).stdout).toBe('/d/a.txt\n/d/b.txt\n/d/c.log\n');
  });

  it('a command reading stdin takes it all; commands that do not, leave it to `read`', () => {
    expect(run(dialect, 'while read l; do echo "$l"; cat; done', 'a\nb\nc\n').stdout).toBe('a\nb\nc\n');
    expect(run(dialect, 'while read l; do echo "$l"; true; done', 'a\nb\n').stdout).toBe('a\nb\n');
  });
});

describe('what the dialects do differently', () => {
  it('echo: dash reads backslash escapes always and takes only -n; bash and ash need -e', () => {
    expect(run('dash', 'echo "a\\tb"; echo -e "c\\td"; echo "\\0101"').stdout).toBe('a\tb\n-e c\td\nA\n');
    expect(run('bash', 'echo "a\\tb"; echo -e "c\\td\\x41"; echo -n -e "x\\c" y; echo').stdout).toBe('a\\tb\nc\tdA\nx\n');
    expect(run('ash', 'echo "a\\tb"; echo -e "c\\td"').stdout).toBe('a\\tb\nc\td\n');
  });

  it('[[ ]], (( )) and `function` exist in bash and ash, not in dash', () => {
    expect(run('bash', '[[ abc == a* && -n x ]] && echo y; (( 2 > 1 )) && echo z; function g { echo g; }; g').stdout).toBe('y\nz\ng\n');
    expect(run('ash', '[[ abc == a* ]] && echo y; [[ x =~ ^x$ ]] && echo re').stdout).toBe('y\nre\n');
    expect(run('dash', '[[ a == a ]] && echo y')).toEqual({ stdout: '', stderr: 'sh: 1: [[: not found\n', code: 127 });
    expect(run('dash', 'function g { echo g; }')).toMatchObject({ stderr: 'sh: 1: Syntax error: "}" unexpected\n', code: 2 });
  });

  it('bash and ash count with ++ and **', () => {
    expect(run('bash', 'i=5; echo $((i++)) $i $((++i)) $((2**10))').stdout).toBe('5 6 7 1024\n');
  });
});
