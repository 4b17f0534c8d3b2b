// When the terminal prints `> ` and waits for more, as bash does, and when a line is whole.
import { describe, expect, it } from 'vitest';
import { needsMoreLines } from './continuation.ts';

describe('a command typed over several lines', () => {
  it.each([
    'for i in 1 2; do',
    'for i in 1 2; do\n  echo $i',
    'while true',
    'if true; then',
    'f() {',
    'kubectl apply -f - <<EOF',
    'kubectl apply -f - <<EOF\napiVersion: v1',
    "cat <<'END'\nx",
    'echo "abc',
    "echo 'abc",
    'echo $(ls',
    'kubectl get pods |',
    'kubectl get pods &&',
    'kubectl get \\',
    'case x in',
  ])('%j waits for more', (text) => expect(needsMoreLines(text)).toBe(true));

  it.each([
    '',
    'kubectl get pods',
    'for i in 1 2; do\n  echo $i\ndone',
    'kubectl apply -f - <<EOF\napiVersion: v1\nEOF',
    'echo "a << b"',
    'echo "abc\ndef"',
    'echo \\\\',
    // A syntax error is not an unfinished command: it runs, and the shell says what is wrong.
    'done',
    'echo )',
  ])('%j is whole', (text) => expect(needsMoreLines(text)).toBe(false));
});
