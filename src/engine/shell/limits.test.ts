// The shell always ends: a step budget stops endless loops, nesting limits stop runaway
// recursion, a size limit stops doubling, each with a message; and no input makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from './parse.ts';
import { NESTING_LIMIT, SIZE_LIMIT, STEP_LIMIT } from './interpreter.ts';
import { run } from './testing.ts';

describe('limits', () => {
  it('`while true; do :; done` stops after the step budget with a message', () => {
    const r = run('ash', 'while true; do :; done; echo never');
    expect(r).toEqual({ stdout: '', stderr: `sh: stopped after ${STEP_LIMIT} steps: the simulated shell runs at most ${STEP_LIMIT} commands and loop turns at a time\n`, code: 2 });
  });

  it('a polling loop that sleeps stops at its first sleep, still running: what it did so far stays', () => {
    expect(run('ash', 'while true; do echo tick; sleep 5; done; echo never')).toEqual({ stdout: 'tick\n', stderr: '', code: 0 });
    expect(run('dash', 'for i in 1 2 3; do echo $i; sleep 1; done; echo end').stdout).toBe('1\n2\n3\nend\n');
  });

  it('an endless loop inside a pipeline or a command substitution stops too', () => {
    expect(run('dash', 'while :; do echo y; done | head -n 1').stderr).toContain('stopped after');
    expect(run('bash', 'x=$(while :; do :; done)').stderr).toContain('stopped after');
  });

  it('endless recursion stops at the nesting limit', () => {
    expect(run('bash', 'f() { f; }; f')).toEqual({ stdout: '', stderr: `bash: f: maximum function nesting level exceeded (${NESTING_LIMIT})\n`, code: 2 });
    expect(run('ash', "s='eval \"$s\"'; eval \"$s\"").stderr).toContain('nested too deep');
  });

  it('a value doubling without end stops at the size limit', () => {
    expect(run('ash', 'x=a; while :; do x=$x$x; done').stderr).toBe(`sh: out of memory: the simulated shell keeps at most ${SIZE_LIMIT} bytes in one value\n`);
  });

  it('deep nesting in the text is a syntax error, not a stack overflow', () => {
    const deep = '$('.repeat(5000) + ')'.repeat(5000);
    expect(parseShell(`echo ${deep}`).ok).toBe(false);
    expect(parseShell('{ '.repeat(5000)).ok).toBe(false);
  });

  it('huge arithmetic stays 64-bit and finite', () => {
    expect(run('bash', 'echo $((2**63)) $((3**1000000000000)) $((9223372036854775807 + 1))').stdout).toBe('-9223372036854775808 8078920949372764161 -9223372036854775808\n');
  });
});

describe('random programs', () => {
  // Pieces learners type, and pieces that break things, glued at random.
  const piece = fc.constantFrom(
    'echo', ' ', 'x', '$x', '${x:-y}', '$(', ')', '`', "'", '"', '\\', ';', '&&', '||', '|', '&', '\n', 'if', 'then', 'fi', 'for', 'in', 'do', 'done',
    'while', 'until', 'case', 'esac', ';;', '{', '}', '(', '<<EOF', 'EOF', '>', '>>', '<', '2>&1', '$((', '))', '1+', '*', '[', ']', '[[', ']]', 'f()',
    'read', 'printf', '%s', 'set -e', 'exit', 'break', 'continue', 'return', 'true', 'false', ':', 'local', 'shift', 'eval', '=', 'x=1', '#',
  );
  const program = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

  it('never throw, always end, and say something sensible in every dialect', () => {
    fc.assert(
      fc.property(program, fc.constantFrom('ash', 'dash', 'bash' as const), (source, dialect) => {
        const r = run(dialect, source, 'line one\nline two\n');
        expect(Number.isInteger(r.code)).toBe(true);
        expect(r.code).toBeGreaterThanOrEqual(0);
        expect(r.code).toBeLessThan(256);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('loops of any shape end within the budget', { timeout: 30_000 }, () => {
    const loop = fc.tuple(fc.constantFrom('while', 'until'), fc.constantFrom('true', 'false', ':', '[ 1 = 1 ]'), fc.constantFrom(':', 'echo x', 'x=$((x+1))', 'break', 'continue')).map(([kw, cond, body]) => `${kw} ${cond}; do ${body}; done`);
    fc.assert(
      fc.property(loop, (source) => {
        const r = run('bash', source);
        expect(r.code === 0 || r.stderr.includes('stopped after')).toBe(true);
      }),
      { numRuns: 10, seed: 5 },
    );
  });
});
