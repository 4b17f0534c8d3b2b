// The parser, expansion and nested shells have fast paths for the common case (a run of plain
// characters is one literal, a one-literal word is its own field, contexts are copied field by
// field). These cases pin what the general paths did, in all three dialects.
import { describe, expect, it } from 'vitest';
import { memoryFs, run } from './testing.ts';

const ALL = ['ash', 'dash', 'bash'] as const;

describe.each(ALL)('%s: fast paths keep the general behaviour', (dialect) => {
  it.each([
    // Words: plain runs joined with quoted pieces, tilde only at the start, IFS only on expansions.
    [`echo a'b c'd"e f"g`, 'ab cde fg\n'],
    [`x='1  2'; echo [$x] "[$x]"`, '[1 2] [1  2]\n'],
    ['echo a~ ~ ~/x', 'a~ /root /root/x\n'],
    [`set -- "" x; echo $#`, '2\n'],
    ['set --; for a in "$@"; do echo x; done; echo end', 'end\n'],
    [`set -- "a b" c; for a in "$@"; do echo "[$a]"; done`, '[a b]\n[c]\n'],
    ['IFS=:; x=a:b; echo $x "$x"', 'a b a:b\n'],
    // Operators with no blanks around them.
    ['true&&echo y||echo n;false||echo z', 'y\nz\n'],
    ['echo hi>|/tmp/f;cat</tmp/f', 'hi\n'],
    ['echo x 1>/tmp/g; cat /tmp/g', 'x\n'],
    ['case b in a) echo A;;b) echo B;;esac', 'B\n'],
    // Reserved words only as whole words.
    ['functionality=1; echo $functionality if then fi', '1 if then fi\n'],
    ['iffy() { echo f; }; iffy; { echo g; }', 'f\ng\n'],
    // Nested shells and subshells: their variables and `exit` stay inside; exports go in.
    [`sh -c 'x=1; exit 3'; echo $? "[$x]"`, '3 []\n'],
    [`A=1; export B=2; sh -c 'echo "[$A][$B]"'`, '[][2]\n'],
    [`X=1 sh -c 'echo $X'; echo "[$X]"`, '1\n[]\n'],
    ['(x=5; exit 4); echo $? "[$x]"', '4 []\n'],
    ['echo a | { read v; echo got $v; }', 'got a\n'],
    [`sh -c 'echo $0 $1 $#' name one`, 'name one 1\n'],
  ])('%s', (source, stdout) => {
    const r = run(dialect, source, '', { fs: memoryFs() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(stdout);
  });

  it('an unquoted one-literal word with glob characters is still globbed; a quoted one is not', () => {
    const fs = memoryFs({ '/d/a.txt': '', '/d/b.txt': '' });
    expect(run(dialect, `echo /d/*.txt '/d/*.txt' /d/[a].txt`, '', { fs }).stdout).toBe('/d/a.txt /d/b.txt /d/*.txt /d/a.txt\n');
  });
});
