// `test`, `[ … ]` and `[[ … ]]`: the questions a script asks about strings, numbers and files.
// `[` gets its arguments already expanded; `[[` decides per operand whether it is a pattern.
import type { FsEntry } from '../fs/tree.ts';

export interface TestEnv {
  stat(path: string): FsEntry | undefined;
  lstat(path: string): FsEntry | undefined;
  /** A number operand, or an error message (the dialect's "Illegal number"). */
  number(text: string): bigint | { error: string };
}

export class TestError {
  constructor(readonly message: string) {}
}

const UNARY_FILE = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S']);
const BINARY_NUM = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

export function fileTest(op: string, path: string, env: TestEnv): boolean {
  const e = op === '-L' || op === '-h' ? env.lstat(path) : env.stat(path);
  if (!e) return false;
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
      return true;
    case '-f':
      return e.type === 'File';
    case '-d':
      return e.type === 'Directory';
    case '-s':
      return e.type === 'Directory' || (e.size ?? new TextEncoder().encode(e.content ?? '').length) > 0;
    case '-x':
      return e.type === 'Directory' || (e.mode & 0o111) !== 0;
    case '-L':
    case '-h':
      return e.type === 'Symlink';
    case '-b':
      return e.type === 'BlockDevice';
    case '-c':
      return e.type === 'CharDevice';
    case '-S':
      return e.type === 'Socket';
    default:
      return false;
  }
}

function numeric(op: string, a: string, b: string, env: TestEnv): boolean {
  const x = env.number(a.trim());
  if (typeof x !== 'bigint') throw new TestError(x.error);
  const y = env.number(b.trim());
  if (typeof y !== 'bigint') throw new TestError(y.error);
  switch (op) {
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-lt':
      return x < y;
    case '-le':
      return x <= y;
    case '-gt':
      return x > y;
    default:
      return x >= y;
  }
}

function binary(op: string, a: string, b: string, env: TestEnv): boolean | undefined {
  if (op === '=' || op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (BINARY_NUM.has(op)) return numeric(op, a, b, env);
  return undefined;
}

/**
 * `test ARGS` / `[ ARGS ]` (without the closing bracket): true, false, or a TestError whose
 * message is what the shell prints after `[: `. POSIX decides by the number of arguments first.
 */
export function evalTest(args: string[], env: TestEnv): boolean {
  const p = { args, i: 0 };
  if (args.length === 0) return false;
  const v = orExpr(p, env);
  if (p.i < args.length) throw new TestError(`${args[p.i]}: unexpected operator`);
  return v;
}

type Cursor = { args: string[]; i: number };

function orExpr(p: Cursor, env: TestEnv): boolean {
  let v = andExpr(p, env);
  while (p.args[p.i] === '-o') {
    p.i++;
    const r = andExpr(p, env);
    v = v || r;
  }
  return v;
}

function andExpr(p: Cursor, env: TestEnv): boolean {
  let v = notExpr(p, env);
  while (p.args[p.i] === '-a') {
    p.i++;
    const r = notExpr(p, env);
    v = v && r;
  }
  return v;
}

function notExpr(p: Cursor, env: TestEnv): boolean {
  const left = p.args.length - p.i;
  if (p.args[p.i] === '!' && left > 1 && !(left === 3 && binary(p.args[p.i + 1]!, '', '', { ...env, number: () => 0n }) !== undefined)) {
    p.i++;
    return !notExpr(p, env);
  }
  return primary(p, env);
}

function primary(p: Cursor, env: TestEnv): boolean {
  const a = p.args;
  const left = a.length - p.i;
  const x = a[p.i];
  if (x === undefined) throw new TestError('argument expected');
  if (x === '(' && left >= 3) {
    p.i++;
    const v = orExpr(p, env);
    if (a[p.i] !== ')') throw new TestError('closing paren expected');
    p.i++;
    return v;
  }
  if (left >= 3) {
    const r = binary(a[p.i + 1]!, x, a[p.i + 2]!, env);
    if (r !== undefined) {
      p.i += 3;
      return r;
    }
  }
  if (left >= 2 && (x === '-z' || x === '-n')) {
    const s = a[p.i + 1]!;
    p.i += 2;
    return x === '-z' ? s === '' : s !== '';
  }
  if (left >= 2 && UNARY_FILE.has(x)) {
    p.i += 2;
    return fileTest(x, a[p.i - 1]!, env);
  }
  p.i++;
  return x !== '';
}

/** An operand of `[[ ]]`: its text, and for the right side of `==`/`!=`/`=~` the pattern or regex it is. */
export interface CondOperand {
  text: string;
  /** Regex source when the operand may be a pattern (unquoted parts keep their meaning). */
  pattern: string;
  /** Regex source when the operand is the right side of `=~`. */
  regex: string;
  /** Was it written as a single operator token (`&&`, `(`, `==`…), unquoted? */
  op: boolean;
}

/** `[[ … ]]`: `!`, `&&`, `||`, parentheses, unary file and string tests, `==`/`!=` with patterns, `=~`. */
export function evalCond(words: CondOperand[], env: TestEnv): boolean {
  const p = { w: words, i: 0 };
  if (words.length === 0) throw new TestError('syntax error');
  const v = condOr(p, env);
  if (p.i < words.length) throw new TestError(`syntax error in conditional expression: unexpected token \`${words[p.i]!.text}'`);
  return v;
}

type CondCursor = { w: CondOperand[]; i: number };
const isOp = (o: CondOperand | undefined, text: string) => o !== undefined && o.op && o.text === text;

function condOr(p: CondCursor, env: TestEnv): boolean {
  let v = condAnd(p, env);
  while (isOp(p.w[p.i], '||')) {
    p.i++;
    const r = condAnd(p, env);
    v = v || r;
  }
  return v;
}

function condAnd(p: CondCursor, env: TestEnv): boolean {
  let v = condNot(p, env);
  while (isOp(p.w[p.i], '&&')) {
    p.i++;
    const r = condNot(p, env);
    v = v && r;
  }
  return v;
}

function condNot(p: CondCursor, env: TestEnv): boolean {
  if (isOp(p.w[p.i], '!')) {
    p.i++;
    return !condNot(p, env);
  }
  return condPrimary(p, env);
}

function condPrimary(p: CondCursor, env: TestEnv): boolean {
  const x = p.w[p.i];
  if (!x) throw new TestError('syntax error: unexpected end of conditional expression');
  if (isOp(x, '(')) {
    p.i++;
    const v = condOr(p, env);
    if (!isOp(p.w[p.i], ')')) throw new TestError('syntax error: `)\' expected');
    p.i++;
    return v;
  }
  const op = p.w[p.i + 1];
  const rhs = p.w[p.i + 2];
  if (op && rhs && op.op !== undefined && !isOp(op, '&&') && !isOp(op, '||') && !isOp(op, ')')) {
    const t = op.text;
    if (t === '==' || t === '=' || t === '!=') {
      p.i += 3;
      const m = new RegExp(`^(?:${rhs.pattern})$`, 's').test(x.text);
      return t === '!=' ? !m : m;
    }
    if (t === '=~') {
      p.i += 3;
      try {
        return new RegExp(rhs.regex).test(x.text);
      } catch {
        return false;
      }
    }
    const r = binary(t, x.text, rhs.text, env);
    if (r !== undefined) {
      p.i += 3;
      return r;
    }
  }
  if ((x.text === '-z' || x.text === '-n') && op) {
    p.i += 2;
    return x.text === '-z' ? op.text === '' : op.text !== '';
  }
  if (UNARY_FILE.has(x.text) && op) {
    p.i += 2;
    return fileTest(x.text, op.text, env);
  }
  p.i++;
  return x.text !== '';
}
