// The label selector language as the API server reads `?labelSelector=` (apimachinery
// pkg/labels/selector.go, labels.Parse, v0.34): a lexer, a recursive-descent parser and
// NewRequirement's checks, failing with the server's exact words. `kubectl get -l` sends the text
// as-is, so these are the messages a learner sees after `Error from server (BadRequest): …`.
import { labelValueErrors, qualifiedNameErrors } from '../manifest/validation/metadata.ts';
import { compareGoStrings, goQuote } from './go-strings.ts';

/** A parsed requirement with the server's operator names (selection.Operator). */
export interface SyntaxRequirement {
  key: string;
  operator: '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';
  /** Sorted and without duplicates, as sets.String.List() gives them to NewRequirement. */
  values: string[];
}

export type SyntaxResult = { ok: true; requirements: SyntaxRequirement[] } | { ok: false; error: string };

// The order parseOperator lists them in its error (selector.go binaryOperators).
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'].join(', ');

type TokenKind = 'end' | 'error' | ')' | ',' | '!' | '==' | '=' | '>' | 'in' | '<' | '!=' | 'notin' | '(' | 'identifier';

interface Token {
  kind: TokenKind;
  /** The text the error messages quote; the end of the string reads as ''. */
  literal: string;
}

// Literal tokens; `in` and `notin` are words, the rest are runs of special symbols.
const LITERAL_TOKENS: Readonly<Record<string, TokenKind>> = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(',
};
const literalToken = (s: string): TokenKind | undefined => (Object.prototype.hasOwnProperty.call(LITERAL_TOKENS, s) ? LITERAL_TOKENS[s] : undefined);

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c) && c !== '';

/**
 * The lexer reads characters where Go reads bytes; every character it treats specially is ASCII,
 * so the tokens are the same. Go's read() returns 0 at the end, and a NUL in the text reads the
 * same way (it ends an identifier, and ends the input when a token would start there).
 */
function tokenize(s: string): Token[] {
  let pos = 0;
  const read = (): string => {
    if (pos >= s.length) return '';
    const c = s[pos++]!;
    return c === '\0' ? '' : c;
  };
  const next = (): Token => {
    let c = read();
    while (isWhitespace(c)) c = read();
    if (c === '') return { kind: 'end', literal: '' };
    pos--;
    if (isSpecial(c)) {
      // Longest run of special symbols that is still a token: `!=` stays one, `!!` is two `!`.
      let buffer = '';
      let last: Token | undefined;
      for (;;) {
        const ch = read();
        if (ch === '') break;
        if (!isSpecial(ch)) {
          pos--;
          break;
        }
        buffer += ch;
        const kind = literalToken(buffer);
        if (kind) last = { kind, literal: buffer };
        else if (last) {
          pos--;
          break;
        }
      }
      return last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` };
    }
    let word = '';
    for (;;) {
      const ch = read();
      if (ch === '') break;
      if (isSpecial(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      word += ch;
    }
    return { kind: literalToken(word) ?? 'identifier', literal: word };
  };
  const tokens: Token[] = [];
  for (;;) {
    const t = next();
    tokens.push(t);
    if (t.kind === 'end') return tokens;
  }
}

class SelectorError extends Error {}

/** Parses a label selector; requirements come out sorted by key, as labels.Parse sorts them. */
export function parseLabelSelectorSyntax(text: string): SyntaxResult {
  try {
    const requirements = new Parser(tokenize(text)).parse();
    // Go's sort.Sort is not stable in general, but it is for the few requirements a selector has.
    requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { ok: true, requirements };
  } catch (e) {
    if (e instanceof SelectorError) return { ok: false, error: e.message };
    throw e;
  }
}

/** In the value position, `in` and `notin` are ordinary words (`x in (in)` is fine). */
type Context = 'operator' | 'values';

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private lookahead(context: Context): Token {
    const t = this.tokens[Math.min(this.position, this.tokens.length - 1)]!;
    return context === 'values' && (t.kind === 'in' || t.kind === 'notin') ? { kind: 'identifier', literal: t.literal } : t;
  }

  private consume(context: Context): Token {
    const t = this.lookahead(context);
    this.position++;
    return t;
  }

  parse(): SyntaxRequirement[] {
    const requirements: SyntaxRequirement[] = [];
    for (;;) {
      const t = this.lookahead('values');
      if (t.kind === 'end') return requirements;
      if (t.kind !== 'identifier' && t.kind !== '!') {
        throw new SelectorError(`found '${t.literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof SelectorError) throw new SelectorError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.consume('values');
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
      const t2 = this.lookahead('values');
      if (t2.kind !== 'identifier' && t2.kind !== '!') throw new SelectorError(`found '${t2.literal}', expected: identifier after ','`);
    }
  }

  private parseRequirement(): SyntaxRequirement {
    const { key, operator: unary } = this.parseKeyAndInferOperator();
    if (unary) return newRequirement(key, unary, []);
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, operator, [...values].sort(compareGoStrings));
  }

  /** `[!]key`; a key followed by `,` or the end is an existence test. */
  private parseKeyAndInferOperator(): { key: string; operator?: 'exists' | '!' } {
    let t = this.consume('values');
    const negated = t.kind === '!';
    if (negated) t = this.consume('values');
    if (t.kind !== 'identifier') throw new SelectorError(`found '${t.literal}', expected: identifier`);
    // The key is checked before anything after it (with no field path: Go prints it as <nil>).
    const keyErrors = qualifiedNameErrors(t.literal);
    if (keyErrors.length > 0) throw new SelectorError(invalidValue('<nil>', t.literal, keyErrors.join('; ')));
    if (negated) return { key: t.literal, operator: '!' };
    const next = this.lookahead('values').kind;
    return next === 'end' || next === ',' ? { key: t.literal, operator: 'exists' } : { key: t.literal };
  }

  private parseOperator(): SyntaxRequirement['operator'] {
    const t = this.consume('operator');
    switch (t.kind) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        return t.kind;
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        throw new SelectorError(`found '${t.literal}', expected: ${BINARY_OPERATORS}`);
    }
  }

  /** `(a,b,…)`; empty entries (`()`, `(a,)`, `(,,)`) are the empty value. */
  private parseValues(): Set<string> {
    const open = this.consume('values');
    if (open.kind !== '(') throw new SelectorError(`found '${open.literal}' expected: '('`);
    const first = this.lookahead('values');
    if (first.kind === ')') {
      this.consume('values');
      return new Set(['']);
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      throw new SelectorError(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifiersList();
    if (this.consume('values').kind !== ')') throw new SelectorError(`found '${first.literal}', expected: ')'`);
    return values;
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const t = this.consume('values');
      if (t.kind === 'identifier') {
        values.add(t.literal);
        const t2 = this.lookahead('values');
        if (t2.kind === ',') continue;
        if (t2.kind === ')') return values;
        throw new SelectorError(`found '${t2.literal}', expected: ',' or ')'`);
      }
      if (t.kind !== ',') throw new SelectorError(`found '${t.literal}', expected: ',', or identifier`);
      if (values.size === 0) values.add(''); // `(,`
      const t2 = this.lookahead('values');
      if (t2.kind === ')') {
        values.add(''); // `,)`
        return values;
      }
      if (t2.kind === ',') {
        this.consume('values');
        values.add(''); // `,,`
      }
    }
  }

  /** The one value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end is "". */
  private parseExactValue(): Set<string> {
    const ahead = this.lookahead('values').kind;
    if (ahead === 'end' || ahead === ',') return new Set(['']);
    const t = this.consume('values');
    if (t.kind === 'identifier') return new Set([t.literal]);
    throw new SelectorError(`found '${t.literal}', expected: identifier`);
  }
}

/**
 * NewRequirement's checks, worded as field.Invalid errors (paths `values[i]` and
 * `values[i][key]`) and aggregated as ErrorList.ToAggregate prints them. The parser guarantees
 * the operator/count rules, so only integers for gt/lt and the label value syntax can fail.
 */
function newRequirement(key: string, operator: SyntaxRequirement['operator'], values: string[]): SyntaxRequirement {
  const errors: string[] = [];
  if (operator === 'gt' || operator === 'lt') {
    values.forEach((v, i) => {
      if (parseInt64(v) === undefined) errors.push(invalidValue(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((v, i) => {
    const msgs = labelValueErrors(v);
    if (msgs.length > 0) errors.push(invalidValue(`values[${i}][${key}]`, v, msgs.join('; ')));
  });
  const unique = [...new Set(errors)];
  if (unique.length === 1) throw new SelectorError(unique[0]!);
  if (unique.length > 1) throw new SelectorError(`[${unique.join(', ')}]`);
  return { key, operator, values };
}

/** strconv.ParseInt(s, 10, 64): an optional sign, decimal digits, within int64. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/** `path: Invalid value: "v": detail`, as field.Error.Error() prints a string value. */
function invalidValue(path: string, value: string, detail: string): string {
  return `${path}: Invalid value: ${goQuote(value)}: ${detail}`;
}
