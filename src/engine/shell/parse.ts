// The POSIX shell grammar (with the few bash/ash extensions learners type: `[[ ]]`, `(( ))`,
// `function name {}`), parsed by recursive descent straight from the characters, because what a
// character means depends on where it is (a keyword only in command position, `#` only at the
// start of a word). Errors are data (ast.ts's SyntaxError) so each dialect can word them, and say
// whether more input would complete the text, which is how a script is cut into commands.
import type { AndOr, Assignment, Command, List, Pipeline, Program, Redirect, RedirectOp, SyntaxError, SyntaxProblem, Word, WordPart } from './ast.ts';

export interface ParseOptions {
  /** `[[ … ]]`, `(( … ))` and the `function` keyword (bash and busybox ash; not dash). */
  bashisms?: boolean;
  /** The line the text starts at, when it is part of a longer script (errors and `$LINENO`-like messages count from there). */
  firstLine?: number;
}

export type ParseResult = { ok: true; program: Program } | { ok: false; error: SyntaxError };

/** Thrown inside the parser and caught at its door: a syntax error ends the parse. */
class Stop {
  constructor(readonly error: SyntaxError) {}
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);
/** Words that end a list; met where a command should start, they are unexpected there. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The words each list stops at, made once: a list is parsed for every command a script runs.
const STOP_NONE: ReadonlySet<string> = new Set();
const STOP_DO: ReadonlySet<string> = new Set(['do']);
const STOP_DONE: ReadonlySet<string> = new Set(['done']);
const STOP_BRACE: ReadonlySet<string> = new Set(['}']);
const STOP_THEN: ReadonlySet<string> = new Set(['then']);
const STOP_ELSE: ReadonlySet<string> = new Set(['elif', 'else', 'fi']);
const STOP_FI: ReadonlySet<string> = new Set(['fi']);
const STOP_ESAC: ReadonlySet<string> = new Set(['esac']);
/** `name=` at the cursor (sticky: matched in place, without copying the rest of the text). */
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_]*)=/y;
const REDIRECT_OP = /(\d*)(<<-|<<|>>|>&|<&|>\||<>|<|>)/y;
/** Nesting deeper than this ($( $( … ) ), `{ { … } }`) is refused rather than risking the stack. */
const MAX_DEPTH = 200;

export function parseShell(source: string, options: ParseOptions = {}): ParseResult {
  try {
    const p = new Parser(source, options, options.firstLine ?? 1, 0);
    const program = p.program();
    return { ok: true, program };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.error };
    throw e;
  }
}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
  quoted: boolean;
  line: number;
}

class Parser {
  private pos = 0;
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    private readonly opts: ParseOptions,
    private line: number,
    private readonly depth: number,
  ) {
    if (depth > MAX_DEPTH) this.fail({ k: 'unexpected', token: '(', kind: 'op' }, false);
  }

  program(): Program {
    const list = this.list(STOP_NONE);
    this.blanks();
    if (this.pos < this.src.length) this.unexpectedHere();
    this.finishHeredocs();
    return { list };
  }

  // ---- errors ----

  private fail(problem: SyntaxProblem, incomplete: boolean, line = this.line): never {
    throw new Stop({ problem, line, incomplete });
  }

  /** The token at the cursor, for "unexpected X". */
  private tokenHere(): { token: string; kind: 'eof' | 'newline' | 'op' | 'keyword' | 'word' } {
    this.blanks();
    if (this.pos >= this.src.length) return { token: 'end of file', kind: 'eof' };
    if (this.src[this.pos] === '\n') return { token: 'newline', kind: 'newline' };
    const op = this.peekOp();
    if (op) return { token: op, kind: 'op' };
    const kw = this.peekKeyword();
    if (kw) return { token: kw, kind: 'keyword' };
    const start = this.pos;
    let end = start;
    while (end < this.src.length && !/[\s;&|<>()]/.test(this.src[end]!)) end++;
    return { token: this.src.slice(start, end), kind: 'word' };
  }

  private unexpectedHere(expecting?: string, newlineInBash = false): never {
    const t = this.tokenHere();
    this.fail({ k: 'unexpected', ...t, ...(expecting ? { expecting } : {}), ...(newlineInBash && t.kind === 'eof' ? { newlineInBash } : {}) }, t.kind === 'eof');
  }

  // ---- characters and tokens ----

  private blanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /** Newlines (and the here-document bodies that follow them), blanks and comments. */
  private linebreak(): void {
    for (;;) {
      this.blanks();
      if (this.src[this.pos] !== '\n') return;
      this.newline();
    }
  }

  private newline(): void {
    this.pos++;
    this.line++;
    this.readHeredocBodies();
  }

  private peekOp(): string | undefined {
    const s = this.src;
    const i = this.pos;
    let j = i;
    while (j < s.length && s[j]! >= '0' && s[j]! <= '9') j++;
    if (j > i && (s[j] === '<' || s[j] === '>')) return s.slice(i, j) + (this.redirectOpAt(j) ?? '');
    const c = s[i];
    // Character tests rather than slices: this runs before every word of every command.
    switch (c) {
      case '&':
        return s[i + 1] === '&' ? '&&' : '&';
      case '|':
        return s[i + 1] === '|' ? '||' : '|';
      case ';':
        return s[i + 1] === ';' ? ';;' : ';';
      case '(':
      case ')':
        return c;
      case '<':
      case '>':
        return this.redirectOpAt(i);
      default:
        return undefined;
    }
  }

  private redirectOpAt(j: number): RedirectOp | undefined {
    const s = this.src;
    if (s.startsWith('<<-', j)) return '<<-';
    for (const op of ['<<', '>>', '>&', '<&', '>|', '<>'] as const) if (s.startsWith(op, j)) return op;
    if (s[j] === '<' || s[j] === '>') return s[j] as RedirectOp;
    return undefined;
  }

  /** A reserved word at the cursor, if the word there is exactly one. */
  private peekKeyword(): string | undefined {
    const s = this.src;
    let end = this.pos;
    while (end < s.length && isKeywordChar(s.charCodeAt(end))) end++;
    // No reserved word is longer than `function`.
    if (end === this.pos || end - this.pos > 8) return undefined;
    const next = s[end];
    if (next !== undefined && !isWordEnd(next)) return undefined;
    const word = s.slice(this.pos, end);
    if (KEYWORDS.has(word)) return word;
    if (this.opts.bashisms && (word === '[[' || word === 'function')) return word;
    return undefined;
  }

  private eatKeyword(word: string): boolean {
    this.blanks();
    if (this.peekKeyword() !== word) return false;
    this.pos += word.length;
    return true;
  }

  private expectKeyword(word: string): void {
    this.linebreak();
    if (!this.eatKeyword(word)) this.unexpectedHere(`"${word}"`);
  }

  private eatOp(op: string): boolean {
    this.blanks();
    if (this.peekOp() !== op) return false;
    this.pos += op.length;
    return true;
  }

  // ---- grammar ----

  /** Commands separated by `;`, `&` or newlines, up to one of `stops` (or `)`, `;;`, the end). */
  private list(stops: ReadonlySet<string>): List {
    const list: List = [];
    for (;;) {
      this.linebreak();
      if (this.pos >= this.src.length) break;
      const op = this.peekOp();
      if (op === ')' || op === ';;') break;
      const kw = this.peekKeyword();
      if (kw && stops.has(kw)) break;
      list.push(this.andOr());
      this.blanks();
      const sep = this.peekOp();
      if (sep === ';' || sep === '&') this.pos++;
      else if (this.src[this.pos] === '\n') this.newline();
      else break;
    }
    return list;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.blanks();
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') return { first, rest };
      this.pos += 2;
      this.linebreak();
      rest.push({ op, pipeline: this.pipeline() });
    }
  }

  private pipeline(): Pipeline {
    const negate = this.eatKeyword('!');
    const commands = [this.command()];
    for (;;) {
      this.blanks();
      if (this.peekOp() !== '|') return { negate, commands };
      this.pos++;
      this.linebreak();
      commands.push(this.command());
    }
  }

  private command(): Command {
    if (++this.level + this.depth > MAX_DEPTH) this.fail({ k: 'unexpected', token: '(', kind: 'op' }, false);
    const cmd = this.commandInner();
    this.level--;
    return cmd;
  }

  private commandInner(): Command {
    this.blanks();
    const op = this.peekOp();
    if (op === '(') {
      if (this.opts.bashisms && this.src[this.pos + 1] === '(') return this.withRedirects(this.arithCommand());
      this.pos++;
      const body = this.nestedList();
      this.linebreak();
      if (!this.eatOp(')')) this.unexpectedHere('")"');
      return this.withRedirects({ k: 'group', body, subshell: true, redirects: [] });
    }
    const kw = this.peekKeyword();
    if (kw !== undefined && kw !== 'in') {
      if (CLOSERS.has(kw) || kw === '!') this.unexpectedHere();
      this.pos += kw.length;
      switch (kw) {
        case 'if':
          return this.withRedirects(this.ifClause());
        case 'while':
        case 'until': {
          const cond = this.list(STOP_DO);
          this.expectKeyword('do');
          const body = this.list(STOP_DONE);
          this.expectKeyword('done');
          return this.withRedirects({ k: 'loop', until: kw === 'until', cond, body, redirects: [] });
        }
        case 'for':
          return this.withRedirects(this.forClause());
        case 'case':
          return this.withRedirects(this.caseClause());
        case '{': {
          const body = this.list(STOP_BRACE);
          this.expectKeyword('}');
          return this.withRedirects({ k: 'group', body, subshell: false, redirects: [] });
        }
        case '[[':
          return this.withRedirects(this.condCommand());
        case 'function': {
          this.blanks();
          const name = this.plainWord();
          if (!name) this.unexpectedHere();
          this.blanks();
          if (this.src.startsWith('()', this.pos)) this.pos += 2;
          return this.functionBody(name);
        }
      }
    }
    return this.simple();
  }

  /** A list one level deeper (`( … )`, `$( … )`), refused past MAX_DEPTH. */
  private nestedList(): List {
    if (++this.level + this.depth > MAX_DEPTH) this.fail({ k: 'unexpected', token: '(', kind: 'op' }, false);
    const list = this.list(STOP_NONE);
    this.level--;
    return list;
  }

  private level = 0;

  private withRedirects(cmd: Command): Command {
    if (cmd.k === 'func') return cmd;
    for (;;) {
      this.blanks();
      const r = this.redirect();
      if (!r) return cmd;
      cmd.redirects.push(r);
    }
  }

  private ifClause(): Command {
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.list(STOP_THEN);
      this.expectKeyword('then');
      const body = this.list(STOP_ELSE);
      clauses.push({ cond, body });
      this.linebreak();
      if (this.eatKeyword('elif')) continue;
      if (this.eatKeyword('else')) {
        otherwise = this.list(STOP_FI);
      }
      this.expectKeyword('fi');
      return { k: 'if', clauses, ...(otherwise ? { otherwise } : {}), redirects: [] };
    }
  }

  private forClause(): Command {
    const line = this.line;
    this.blanks();
    const name = this.plainWord();
    if (name === undefined) this.unexpectedHere();
    if (!NAME.test(name)) this.fail({ k: 'bad-for-variable', name }, false);
    this.blanks();
    let items: Word[] | undefined;
    const afterName = this.pos;
    this.linebreak();
    if (this.eatKeyword('in')) {
      items = [];
      for (;;) {
        this.blanks();
        const c = this.src[this.pos];
        if (c === undefined || c === '\n' || c === ';') break;
        const w = this.word();
        if (!w) this.unexpectedHere();
        items.push(w);
      }
      if (this.src[this.pos] === ';') this.pos++;
    } else {
      this.pos = afterName;
      this.blanks();
      if (this.src[this.pos] === ';') this.pos++;
    }
    const body = this.doGroup();
    return { k: 'for', name, ...(items ? { items } : {}), body, redirects: [], line };
  }

  private doGroup(): List {
    this.expectKeyword('do');
    const body = this.list(STOP_DONE);
    this.expectKeyword('done');
    return body;
  }

  private caseClause(): Command {
    this.blanks();
    const word = this.word();
    if (!word) this.unexpectedHere('word', true);
    this.linebreak();
    if (!this.eatKeyword('in')) this.unexpectedHere('"in"');
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.linebreak();
      if (this.eatKeyword('esac')) break;
      this.eatOp('(');
      const patterns: Word[] = [];
      for (;;) {
        this.blanks();
        const p = this.word();
        if (!p) this.unexpectedHere('word');
        patterns.push(p);
        this.blanks();
        if (this.eatOp('|')) continue;
        if (this.eatOp(')')) break;
        this.unexpectedHere('")"');
      }
      const body = this.list(STOP_ESAC);
      items.push({ patterns, body });
      this.linebreak();
      if (this.eatOp(';;')) continue;
      this.linebreak();
      if (this.eatKeyword('esac')) break;
      this.unexpectedHere('"esac"');
    }
    return { k: 'case', word, items, redirects: [] };
  }

  /** `[[ … ]]`: words up to `]]`, where `<`, `>`, `(`, `)`, `&&`, `||` are words too. */
  private condCommand(): Command {
    const line = this.line;
    const words: Word[] = [];
    for (;;) {
      this.linebreak();
      if (this.pos >= this.src.length) this.unexpectedHere();
      if (this.src.startsWith(']]', this.pos) && /^(\s|;|&|\||\)|$)/.test(this.src.slice(this.pos + 2, this.pos + 3))) {
        this.pos += 2;
        return { k: 'cond', words, line, redirects: [] };
      }
      const two = this.src.slice(this.pos, this.pos + 2);
      if (two === '&&' || two === '||') {
        words.push({ parts: [{ k: 'lit', text: two, quoted: false }] });
        this.pos += 2;
        continue;
      }
      const c = this.src[this.pos]!;
      if ('()<>!'.includes(c) && /[\s]/.test(this.src[this.pos + 1] ?? ' ')) {
        words.push({ parts: [{ k: 'lit', text: c, quoted: false }] });
        this.pos++;
        continue;
      }
      const w = this.word(true);
      if (!w) this.unexpectedHere();
      words.push(w);
    }
  }

  private arithCommand(): Command {
    const line = this.line;
    this.pos += 2;
    const text = this.arithText();
    return { k: 'arith', expr: this.template(text), line, redirects: [] };
  }

  /** The text up to the `))` that closes an arithmetic expression. */
  private arithText(): string {
    let depth = 0;
    const start = this.pos;
    for (; this.pos < this.src.length; this.pos++) {
      const c = this.src[this.pos];
      if (c === '\n') this.line++;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0 && this.src[this.pos + 1] === ')') {
          const text = this.src.slice(start, this.pos);
          this.pos += 2;
          return text;
        }
        depth--;
      }
    }
    this.fail({ k: 'unterminated', quote: '))' }, true);
  }

  private functionBody(name: string): Command {
    this.linebreak();
    const body = this.command();
    if (body.k === 'simple' || body.k === 'func') this.fail({ k: 'unexpected', token: 'word', kind: 'word' }, false);
    return { k: 'func', name, body };
  }

  private simple(): Command {
    const line = this.line;
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.blanks();
      const r = this.redirect();
      if (r) {
        redirects.push(r);
        continue;
      }
      const c = this.src[this.pos];
      if (c === undefined || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') break;
      if (words.length === 0) {
        ASSIGNMENT.lastIndex = this.pos;
        const m = ASSIGNMENT.exec(this.src);
        if (m) {
          this.pos += m[0].length;
          const value = this.word() ?? { parts: [] };
          assigns.push({ name: m[1]!, value });
          continue;
        }
      }
      const w = this.word();
      if (!w) break;
      words.push(w);
      // `name() { … }`: a function definition.
      if (words.length === 1 && assigns.length === 0 && redirects.length === 0) {
        const save = this.pos;
        this.blanks();
        if (this.src[this.pos] === '(') {
          this.pos++;
          this.blanks();
          const name = literalOf(w);
          if (this.src[this.pos] === ')' && name !== undefined) {
            this.pos++;
            return this.functionBody(name);
          }
          this.pos--;
          this.unexpectedHere();
        }
        this.pos = save;
      }
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) this.unexpectedHere();
    return { k: 'simple', assigns, words, redirects, line };
  }

  private redirect(): Redirect | undefined {
    const c = this.src.charCodeAt(this.pos);
    if (!(c === 60 || c === 62 || (c >= 48 && c <= 57))) return undefined; // `<`, `>` or a digit
    REDIRECT_OP.lastIndex = this.pos;
    const m = REDIRECT_OP.exec(this.src);
    if (!m) return undefined;
    const op = m[2] as RedirectOp;
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') && op !== '<>' ? 0 : op === '<>' ? 0 : 1;
    this.pos += m[0].length;
    this.blanks();
    const start = this.pos;
    const target = this.word();
    if (!target) this.unexpectedHere(undefined, true);
    const r: Redirect = { fd, op, target };
    if (op === '<<' || op === '<<-') {
      const raw = this.src.slice(start, this.pos);
      const quoted = /['"\\]/.test(raw);
      this.pending.push({ redirect: r, delimiter: raw.replace(/['"\\]/g, ''), strip: op === '<<-', quoted, line: this.line });
    }
    return r;
  }

  private readHeredocBodies(): void {
    const pending = this.pending.splice(0);
    for (const h of pending) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) this.fail({ k: 'heredoc', delimiter: h.delimiter, line: h.line }, true);
        let end = this.src.indexOf('\n', this.pos);
        if (end < 0) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        if (h.strip) text = text.replace(/^\t+/, '');
        this.pos = Math.min(end + 1, this.src.length);
        this.line++;
        if (text === h.delimiter) break;
        lines.push(text + '\n');
      }
      const body = lines.join('');
      h.redirect.body = h.quoted ? { parts: [{ k: 'lit', text: body, quoted: true }] } : this.template(body, 'heredoc');
    }
  }

  private finishHeredocs(): void {
    const h = this.pending[0];
    if (h) this.fail({ k: 'heredoc', delimiter: h.delimiter, line: h.line }, true);
  }

  /** An unquoted word of plain characters (a name after `for` or `function`). */
  private plainWord(): string | undefined {
    const m = /^[^\s;&|<>()'"`$\\]+/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  // ---- words ----

  /** One word at the cursor, or undefined if a delimiter is there. */
  private word(inCond = false): Word | undefined {
    const parts: WordPart[] = [];
    const start = this.pos;
    const lit = pushLit;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|') break;
      if (c === '<' || c === '>' || c === '(' || c === ')') {
        // In `[[ ]]` a parenthesis inside a word (a pattern like `@(a|b)`) stays in it.
        if (!inCond || this.pos === start) break;
        if (c === '<' || c === '>') break;
      }
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        // Reported at the line the quote opened on, as bash does.
        if (end < 0) this.fail({ k: 'unterminated', quote: "'" }, true);
        const text = this.src.slice(this.pos + 1, end);
        this.line += countNewlines(text);
        lit(parts, text, true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const inner = this.doubleQuoted();
        // `""` is an empty word; `"$@"` alone may be no word at all.
        if (inner.length === 0) lit(parts, '', true);
        else parts.push(...inner);
      } else if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '\n') {
          this.pos += 2;
          this.line++;
        } else if (next === undefined) {
          lit(parts, '\\', true);
          this.pos++;
        } else {
          lit(parts, next, true);
          this.pos += 2;
        }
      } else if (c === '$') {
        const p = this.dollar(false);
        if (p) parts.push(p);
        else {
          lit(parts, '$', false);
          this.pos++;
        }
      } else if (c === '`') {
        parts.push(this.backquote(false));
      } else if (c === '~' && this.pos === start) {
        const next = this.src[this.pos + 1];
        if (next === undefined || next === '/' || /[\s;&|<>()]/.test(next)) {
          parts.push({ k: 'tilde' });
        } else lit(parts, '~', false);
        this.pos++;
      } else {
        // A run of ordinary characters at once.
        let j = this.pos + 1;
        while (j < this.src.length && isPlain(this.src.charCodeAt(j))) j++;
        lit(parts, this.src.slice(this.pos, j), false);
        this.pos = j;
      }
    }
    return this.pos === start ? undefined : { parts };
  }

  /** The inside of "…", after the opening quote; the cursor ends after the closing one. */
  private doubleQuoted(): WordPart[] {
    const opened = this.line;
    const parts: WordPart[] = [];
    const lit = pushQuoted;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail({ k: 'unterminated', quote: '"' }, true, opened);
      if (c === '"') {
        this.pos++;
        return parts;
      }
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (next !== undefined && '$`"\\'.includes(next)) {
          lit(parts, next);
          this.pos += 2;
          continue;
        }
        lit(parts, '\\');
        this.pos++;
      } else if (c === '$') {
        const p = this.dollar(true);
        if (p) parts.push(p);
        else {
          lit(parts, '$');
          this.pos++;
        }
      } else if (c === '`') {
        parts.push(this.backquote(true));
      } else {
        if (c === '\n') this.line++;
        lit(parts, c);
        this.pos++;
      }
    }
  }

  /** `$…` at the cursor: a parameter, `$( )` or `$(( ))`; undefined for a lone `$`. */
  private dollar(quoted: boolean): WordPart | undefined {
    const s = this.src;
    const next = s[this.pos + 1];
    if (next === '(') {
      if (s[this.pos + 2] === '(') {
        this.pos += 3;
        const text = this.arithText();
        return { k: 'arith', expr: this.template(text), quoted };
      }
      this.pos += 2;
      const list = this.nestedList();
      this.linebreak();
      if (this.src[this.pos] !== ')') {
        if (this.pos >= this.src.length) this.fail({ k: 'unterminated', quote: ')' }, true);
        this.unexpectedHere('")"');
      }
      this.pos++;
      return { k: 'cmd', program: { list }, quoted };
    }
    if (next === '{') return this.braced(quoted);
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*!-])/.exec(s.slice(this.pos, this.pos + 256));
    if (!m) return undefined;
    this.pos += m[0].length;
    return { k: 'param', name: m[1]!, quoted };
  }

  /** `${name}`, `${#name}`, `${name OP word}`. */
  private braced(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    const s = this.src;
    let len = false;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}') {
      len = true;
      this.pos++;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$@*!-])/.exec(s.slice(this.pos, this.pos + 256));
    const bad = (): never => {
      let end = s.indexOf('}', this.pos);
      if (end < 0) this.fail({ k: 'unterminated', quote: '}' }, true);
      end++;
      this.fail({ k: 'bad-substitution', text: s.slice(start, end) }, false);
    };
    if (!m) bad();
    const name = m![1]!;
    this.pos += name.length;
    if (s[this.pos] === '}') {
      this.pos++;
      return len ? { k: 'param', name, op: 'len', quoted } : { k: 'param', name, quoted };
    }
    if (len) bad();
    const opm = /^(:-|:=|:\?|:\+|-|=|\?|\+|##|#|%%|%)/.exec(s.slice(this.pos, this.pos + 2));
    if (!opm) bad();
    const op = opm![1] as WordPart & { k: 'param' } extends { op?: infer O } ? O : never;
    this.pos += opm![1]!.length;
    const arg = this.paramArg();
    return { k: 'param', name, op, arg, quoted };
  }

  /** The word after a `${name OP`, up to the matching `}`. */
  private paramArg(): Word {
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.k === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ k: 'lit', text, quoted });
    };
    let depth = 0;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail({ k: 'unterminated', quote: '}' }, true);
      if (c === '}' && depth === 0) {
        this.pos++;
        return { parts };
      }
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) this.fail({ k: 'unterminated', quote: "'" }, true);
        lit(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        parts.push(...this.doubleQuoted());
      } else if (c === '\\' && this.pos + 1 < this.src.length) {
        lit(this.src[this.pos + 1]!, true);
        this.pos += 2;
      } else if (c === '$') {
        const p = this.dollar(false);
        if (p) parts.push(p);
        else {
          lit('$', false);
          this.pos++;
        }
      } else if (c === '`') {
        parts.push(this.backquote(false));
      } else {
        if (c === '\n') this.line++;
        lit(c, false);
        this.pos++;
      }
    }
  }

  /** `` `…` ``: the text up to the closing backquote, with `\``, `\\` and `\$` unescaped, parsed as a program. */
  private backquote(quoted: boolean): WordPart {
    let text = '';
    const line = this.line;
    this.pos++;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail({ k: 'unterminated', quote: '`' }, true);
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\' && this.src[this.pos + 1] !== undefined && '`\\$'.includes(this.src[this.pos + 1]!)) {
        text += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === '\n') this.line++;
      text += c;
      this.pos++;
    }
    const child = new Parser(text, this.opts, line, this.depth + 1);
    return { k: 'cmd', program: child.program(), quoted };
  }

  /** Text where only `$`, backquotes and backslashes mean something: a here-document body, an arithmetic expression. */
  private template(text: string, mode: 'heredoc' | 'arith' = 'arith'): Word {
    const child = new Parser(text, this.opts, this.line, this.depth + 1);
    const parts: WordPart[] = [];
    const lit = (t: string) => {
      const last = parts[parts.length - 1];
      if (last && last.k === 'lit') last.text += t;
      else parts.push({ k: 'lit', text: t, quoted: true });
    };
    while (child.pos < text.length) {
      const c = text[child.pos]!;
      if (c === '\\' && child.pos + 1 < text.length && '$`\\\n'.includes(text[child.pos + 1]!)) {
        if (text[child.pos + 1] !== '\n') lit(text[child.pos + 1]!);
        child.pos += 2;
      } else if (c === '$') {
        const p = child.dollar(true);
        if (p) parts.push(p);
        else {
          lit('$');
          child.pos++;
        }
      } else if (c === '`') {
        parts.push(child.backquote(true));
      } else {
        lit(c);
        child.pos++;
      }
    }
    if (mode === 'arith') for (const p of parts) if (p.k === 'lit') p.quoted = true;
    return { parts };
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The text of a word made only of literal pieces, or undefined. */
export function literalOf(word: Word): string | undefined {
  let text = '';
  for (const p of word.parts) {
    if (p.k !== 'lit') return undefined;
    text += p.text;
  }
  return text;
}

/** Appends literal text to a word's parts, joining it to the last piece when quoted the same way. */
function pushLit(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.k === 'lit' && last.quoted === quoted) last.text += text;
  else parts.push({ k: 'lit', text, quoted });
}

/** Appends text inside "…" (where every literal piece is quoted). */
function pushQuoted(parts: WordPart[], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.k === 'lit') last.text += text;
  else parts.push({ k: 'lit', text, quoted: true });
}

/** A character that means nothing to the shell inside a word (so a run of them is one literal). */
function isPlain(c: number): boolean {
  // blank, tab, newline, ; & | < > ( ) ' " \ $ `
  return !(c === 32 || c === 9 || c === 10 || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41 || c === 39 || c === 34 || c === 92 || c === 36 || c === 96);
}

/** a-z, !, {, }, [, ]: the characters reserved words are made of. */
function isKeywordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 33 || c === 123 || c === 125 || c === 91 || c === 93;
}

/** What may follow a reserved word: whitespace or an operator character. */
function isWordEnd(c: string): boolean {
  return /[\s;&|<>()]/.test(c);
}
