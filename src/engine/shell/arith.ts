// `$(( … ))` and `(( … ))`: C integer arithmetic on 64-bit signed integers, as the shells do it
// (BigInt keeps every result exact and wraps like intmax_t). Variables are read by name and may
// be assigned (`i += 1`, `i++`).

export class ArithError {
  constructor(
    readonly kind: 'syntax' | 'divide',
    /** The text from where it went wrong, as bash shows it. */
    readonly token: string,
  ) {}
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const wrap = (v: bigint) => BigInt.asIntN(64, v);
/** A variable that names another variable's name recursively stops here. */
const MAX_INDIRECTION = 16;

/** `posix`: dash's arithmetic, without bash's and busybox's `++`, `--`, `**` and `,`. */
export function evaluateArith(text: string, vars: ArithVars, depth = 0, posix = false): bigint {
  const p = new ArithParser(text, vars, depth, posix);
  p.skip();
  if (p.pos >= text.length) return 0n;
  const v = p.comma();
  p.skip();
  if (p.pos < text.length) throw new ArithError('syntax', text.slice(p.pos).trim());
  return v;
}

type Ref = { value: bigint; name?: string };

/** Binary operators by precedence, loosest first. */
const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%'], ['**']];
/** Every operator token, longest first, so `<<=` is never read as `<` or `<<`. */
const TOKENS = ['<<=', '>>=', '**', '||', '&&', '==', '!=', '<=', '>=', '<<', '>>', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '|', '^', '&', '<', '>', '+', '-', '*', '/', '%', '?', ':', ',', '=', '!', '~', '(', ')'];

function apply(op: string, a: bigint, b: bigint, at: string): bigint {
  switch (op) {
    case '||':
      return a !== 0n || b !== 0n ? 1n : 0n;
    case '&&':
      return a !== 0n && b !== 0n ? 1n : 0n;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '<':
      return a < b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '<<':
      return wrap(a << (b & 63n));
    case '>>':
      return a >> (b & 63n);
    case '+':
      return wrap(a + b);
    case '-':
      return wrap(a - b);
    case '*':
      return wrap(a * b);
    case '**':
      if (b < 0n) throw new ArithError('syntax', 'exponent less than 0');
      return power(a, b);
    case '/':
    case '%':
      if (b === 0n) throw new ArithError('divide', at);
      return wrap(op === '/' ? a / b : a % b);
  }
  throw new ArithError('syntax', op);
}

class ArithParser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
    private readonly posix: boolean,
  ) {}

  skip(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
  }

  private rest(): string {
    return this.s.slice(this.pos).trim();
  }

  /** The operator at the cursor if it is one of `ops`. */
  private peek(ops: readonly string[]): string | undefined {
    this.skip();
    const tok = TOKENS.find((t) => this.s.startsWith(t, this.pos));
    if (this.posix && (tok === '**' || tok === ',')) return undefined;
    return tok !== undefined && ops.includes(tok) ? tok : undefined;
  }

  comma(): bigint {
    let v = this.assign();
    while (this.peek([','])) {
      this.pos++;
      v = this.assign();
    }
    return v;
  }

  assign(): bigint {
    this.skip();
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(=(?!=)|\+=|-=|\*=|\/=|%=|<<=|>>=|&=|\^=|\|=)/.exec(this.s.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      const rhsAt = this.rest();
      const rhs = this.assign();
      const op = m[2]!;
      const value = op === '=' ? rhs : apply(op.slice(0, -1), this.read(m[1]!), rhs, rhsAt);
      this.vars.set(m[1]!, String(value));
      return value;
    }
    return this.ternary();
  }

  ternary(): bigint {
    const cond = this.binary(0);
    if (!this.peek(['?'])) return cond;
    this.pos++;
    const a = this.assign();
    if (!this.peek([':'])) throw new ArithError('syntax', this.rest());
    this.pos++;
    const b = this.assign();
    return cond !== 0n ? a : b;
  }

  binary(level: number): bigint {
    if (level >= LEVELS.length) return this.unary();
    let v = this.binary(level + 1);
    for (;;) {
      const op = this.peek(LEVELS[level]!);
      if (!op) return v;
      this.pos += op.length;
      const at = this.rest();
      const rhs = this.binary(level + 1);
      v = apply(op, v, rhs, at);
    }
  }

  unary(): bigint {
    this.skip();
    const c = this.s[this.pos];
    const two = this.s.slice(this.pos, this.pos + 2);
    if ((two === '++' || two === '--') && !this.posix) {
      this.pos += 2;
      this.skip();
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.pos));
      if (!m) throw new ArithError('syntax', this.rest());
      this.pos += m[0].length;
      const v = wrap(this.read(m[0]) + (two === '++' ? 1n : -1n));
      this.vars.set(m[0], String(v));
      return v;
    }
    if (c === '-' || c === '+' || c === '!' || c === '~') {
      this.pos++;
      const v = this.unary();
      return c === '-' ? wrap(-v) : c === '+' ? v : c === '!' ? (v === 0n ? 1n : 0n) : ~v;
    }
    return this.postfix();
  }

  postfix(): bigint {
    const ref = this.primary();
    if (ref.name !== undefined && !this.posix) {
      this.skip();
      const two = this.s.slice(this.pos, this.pos + 2);
      if (two === '++' || two === '--') {
        this.pos += 2;
        this.vars.set(ref.name, String(wrap(ref.value + (two === '++' ? 1n : -1n))));
      }
    }
    return ref.value;
  }

  primary(): Ref {
    this.skip();
    const c = this.s[this.pos];
    if (c === undefined) throw new ArithError('syntax', this.s.trim().slice(-1) || this.s);
    if (c === '(') {
      this.pos++;
      const v = this.comma();
      this.skip();
      if (this.s[this.pos] !== ')') throw new ArithError('syntax', this.rest());
      this.pos++;
      return { value: v };
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(this.s.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      if (/^[A-Za-z0-9_]/.test(this.s.slice(this.pos))) throw new ArithError('syntax', this.rest());
      return { value: parseNumber(num[0]) };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.pos));
    if (name) {
      this.pos += name[0].length;
      return { value: this.read(name[0]), name: name[0] };
    }
    throw new ArithError('syntax', this.rest());
  }

  /** A variable's value as a number: empty or unset is 0; a name in it is read in turn. */
  private read(name: string): bigint {
    const text = (this.vars.get(name) ?? '').trim();
    if (text === '') return 0n;
    if (/^-?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(text)) return text.startsWith('-') ? wrap(-parseNumber(text.slice(1))) : parseNumber(text);
    if (this.depth >= MAX_INDIRECTION) throw new ArithError('syntax', text);
    return evaluateArith(text, this.vars, this.depth + 1, this.posix);
  }
}

/** a ** b in 64-bit wrapping arithmetic, by squaring: at most 64 steps whatever b is. */
function power(a: bigint, b: bigint): bigint {
  let result = 1n;
  let base = wrap(a);
  for (let e = b; e > 0n; e >>= 1n) {
    if (e & 1n) result = wrap(result * base);
    base = wrap(base * base);
  }
  return result;
}

function parseNumber(text: string): bigint {
  if (/^0[xX]/.test(text)) return wrap(BigInt(text));
  if (text.length > 1 && text.startsWith('0')) {
    if (!/^[0-7]+$/.test(text)) throw new ArithError('syntax', text);
    return wrap(BigInt(`0o${text.slice(1)}`));
  }
  return wrap(BigInt(text));
}
