// The tokenizer of go-yaml v2 (kubectl's YAML library), kept only as far as needed to find the
// first error it reports and where: kubectl prints that message (`yaml: line N: …`), and it
// differs from js-yaml's in wording, in line and in what is an error at all (a tab before a key,
// `@` starting a plain scalar, more than 10000 nested levels). Values are not built: js-yaml does
// that once a document is known to be well formed.
//
// The rules follow go-yaml v2.4's scannerc.go (itself a port of libyaml): indentation columns
// open and close block collections, a scalar may turn out to be a key when a `:` follows it on
// the same line ("simple keys"), and a token is handed to the parser only once no pending simple
// key could still insert a KEY token before it.

export interface Mark {
  /** Offset in the document's text (characters). */
  index: number;
  /** 0-based line and column, as go-yaml counts them. */
  line: number;
  column: number;
}

export type TokenType =
  | 'STREAM-START' | 'STREAM-END' | 'VERSION-DIRECTIVE' | 'TAG-DIRECTIVE' | 'DOCUMENT-START' | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START' | 'BLOCK-MAPPING-START' | 'BLOCK-END' | 'FLOW-SEQUENCE-START' | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START' | 'FLOW-MAPPING-END' | 'BLOCK-ENTRY' | 'FLOW-ENTRY' | 'KEY' | 'VALUE' | 'ALIAS' | 'ANCHOR'
  | 'TAG' | 'SCALAR';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Anchor or alias name; tag handle; `plain` for a plain scalar. */
  value?: string;
  /** Tag suffix. */
  suffix?: string;
  plain?: boolean;
  /** %YAML version. */
  major?: number;
  minor?: number;
}

/** go-yaml's error: its `problem` text, the mark it points at, and which stage raised it. */
export class GoYamlError extends Error {
  constructor(
    readonly stage: 'reader' | 'scanner' | 'parser' | 'decoder',
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly contextMark?: Mark,
  ) {
    super(problem);
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

/** Both limits are 10000 in go-yaml v2.4 (`max_flow_level`, `max_indents`). */
const MAX_DEPTH = 10000;

const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isZ = (c: string | undefined) => c === undefined || c === '\0';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isBlankZ = (c: string | undefined) => isBlank(c) || isBreak(c) || isZ(c);
const isBreakZ = (c: string | undefined) => isBreak(c) || isZ(c);
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || c === '-');
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9A-Fa-f]$/.test(c);
/** The escapes go-yaml v2 knows after `\` in a double-quoted scalar (YAML 1.2's `\/` is not one). */
const ESCAPES = new Set(['0', 'a', 'b', 't', '\t', 'n', 'v', 'f', 'r', 'e', ' ', '"', "'", '\\', 'N', '_', 'L', 'P']);
const URI_PUNCTUATION = new Set(";/?:@&=+$,.!~*'()[]%");

export class Scanner {
  private readonly text: string;
  // The reading position (go-yaml's `parser.mark`), kept as numbers: it moves on every character.
  private index = 0;
  private line = 0;
  private column = 0;
  private readonly queue: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly keysByToken = new Map<number, number>();
  /** Index of the first character go-yaml's reader refuses, or -1. */
  private readonly badCharAt: number;

  constructor(text: string) {
    this.text = text;
    this.badCharAt = firstControlCharacter(text);
  }

  /** The next token without consuming it (go-yaml's `peek_token`). */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.queue[this.head]!;
  }

  /** Consumes the token `peek` returned. */
  skipToken(): void {
    const t = this.queue[this.head]!;
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = t.type === 'STREAM-END';
    this.head++;
    // Nothing refers to consumed tokens by position in the queue: drop them once all are read.
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
  }

  private ch(offset = 0): string | undefined {
    const i = this.index + offset;
    // go-yaml's reader decodes ahead of the scanner in blocks and fails there on a control
    // character, before the scanner gets to it; a look-ahead of one block approximates that.
    if (this.badCharAt >= 0 && this.badCharAt - this.index < 1024) {
      throw new GoYamlError('reader', 'control characters are not allowed', undefined);
    }
    return this.text[i];
  }

  private skip(): void {
    this.index++;
    this.column++;
  }

  private skipLine(): void {
    const c = this.ch();
    if (c === '\r' && this.ch(1) === '\n') {
      this.index += 2;
    } else if (isBreak(c)) {
      this.index++;
    } else {
      return;
    }
    this.line++;
    this.column = 0;
  }

  private scannerError(problem: string, contextMark?: Mark): never {
    throw new GoYamlError('scanner', problem, this.here(), contextMark);
  }

  private insert(token: Token, at = -1): void {
    if (at < 0) this.queue.push(token);
    else this.queue.splice(this.head + at, 0, token);
  }

  private here(): Mark {
    return { index: this.index, line: this.line, column: this.column };
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.queue.length) {
        const i = this.keysByToken.get(this.tokensParsed);
        if (i === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[i]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) {
      this.indent = -1;
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() });
      this.simpleKeyAllowed = true;
      this.streamStartProduced = true;
      this.insert({ type: 'STREAM-START', start: this.here(), end: this.here() });
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.column);
    const c = this.ch();
    const col0 = this.column === 0;
    if (isZ(c)) return this.fetchStreamEnd();
    if (col0 && c === '%') return this.fetchDirective();
    if (col0 && ((c === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (c === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && isBlankZ(this.ch(3))) {
      return this.fetchDocumentIndicator(c === '-' ? 'DOCUMENT-START' : 'DOCUMENT-END');
    }
    if (c === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === ',') return this.fetchFlowEntry();
    const next = this.ch(1);
    if (c === '-' && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('ALIAS');
    if (c === '&') return this.fetchAnchor('ANCHOR');
    if (c === '!') return this.fetchTag();
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    // A plain scalar starts with anything but blanks and indicators; `-`, `?` and `:` start one
    // when a non-blank follows.
    if (!(isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c!)) || (c === '-' && !isBlank(next)) || (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankZ(next))) {
      return this.fetchPlainScalar();
    }
    this.scannerError('found character that cannot start any token', this.here());
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.mark.index + 1024 < this.index) {
      if (key.required) this.scannerError("could not find expected ':'", key.mark);
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.queue.length - this.head), mark: this.here() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.keysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i]!;
    if (key.possible) {
      if (key.required) this.scannerError("could not find expected ':'", key.mark);
      key.possible = false;
      this.keysByToken.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.tokensParsed + (this.queue.length - this.head), mark: this.here() });
    this.flowLevel++;
    if (this.flowLevel > MAX_DEPTH) this.depthError();
  }

  private depthError(): never {
    // go-yaml points this error at the innermost simple key's mark, not at the reading position.
    throw new GoYamlError('scanner', `exceeded max depth of ${MAX_DEPTH}`, { ...this.simpleKeys[this.simpleKeys.length - 1]!.mark });
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.keysByToken.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, tokenNumber: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_DEPTH) this.depthError();
      const token: Token = { type, start: mark, end: mark };
      this.insert(token, tokenNumber > -1 ? tokenNumber - this.tokensParsed : -1);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insert({ type: 'BLOCK-END', start: this.here(), end: this.here() });
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.line++;
      this.column = 0;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert({ type: 'STREAM-END', start: this.here(), end: this.here() });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    this.skip();
    this.skip();
    this.insert({ type, start, end: this.here() });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.fetchSingle(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.fetchSingle(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.fetchSingle('FLOW-ENTRY');
  }

  private fetchSingle(type: TokenType): void {
    const start = this.here();
    this.skip();
    this.insert({ type, start, end: this.here() });
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('block sequence entries are not allowed in this context');
      this.rollIndent(this.column, -1, 'BLOCK-SEQUENCE-START', this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.fetchSingle('BLOCK-ENTRY');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('mapping keys are not allowed in this context');
      this.rollIndent(this.column, -1, 'BLOCK-MAPPING-START', this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.fetchSingle('KEY');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(key)) {
      // The scalar (or collection) before this `:` was a key: insert KEY before it.
      this.insert({ type: 'KEY', start: key.mark, end: key.mark }, key.tokenNumber - this.tokensParsed);
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.keysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.scannerError('mapping values are not allowed in this context');
        this.rollIndent(this.column, -1, 'BLOCK-MAPPING-START', this.here());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.fetchSingle('VALUE');
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    let name = '';
    while (isAlpha(this.ch())) {
      name += this.ch();
      this.skip();
    }
    const end = this.here();
    const c = this.ch();
    if (!name || !(isBlankZ(c) || '?:,]}%@`'.includes(c!))) {
      this.scannerError('did not find expected alphabetic or numeric character', start);
    }
    this.insert({ type, start, end, value: name });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    let handle = '';
    let suffix = '';
    if (this.ch(1) === '<') {
      this.skip();
      this.skip();
      suffix = this.scanTagUri('', start);
      if (this.ch() !== '>') this.scannerError("did not find the expected '>'", start);
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.endsWith('!')) {
        suffix = this.scanTagUri('', start);
      } else {
        suffix = this.scanTagUri(handle, start);
        handle = '!';
        if (!suffix) [handle, suffix] = [suffix, handle];
      }
    }
    if (!isBlankZ(this.ch())) this.scannerError('did not find expected whitespace or line break', start);
    this.insert({ type: 'TAG', start, end: this.here(), value: handle, suffix });
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.ch() !== '!') this.scannerError("did not find expected '!'", start);
    let s = '!';
    this.skip();
    while (isAlpha(this.ch())) {
      s += this.ch();
      this.skip();
    }
    if (this.ch() === '!') {
      s += '!';
      this.skip();
    } else if (directive && s !== '!') {
      this.scannerError("did not find expected '!'", start);
    }
    return s;
  }

  private scanTagUri(head: string, start: Mark): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    for (let c = this.ch(); isAlpha(c) || URI_PUNCTUATION.has(c!); c = this.ch()) {
      if (c === '%') {
        if (!(isHex(this.ch(1)) && isHex(this.ch(2)))) this.scannerError('did not find URI escaped octet', start);
        s += this.text.slice(this.index, this.index + 3);
        this.skip();
        this.skip();
        this.skip();
      } else {
        s += c;
        this.skip();
      }
      hasTag = true;
    }
    if (!hasTag) this.scannerError('did not find expected tag URI', start);
    return s;
  }

  private scanDirective(): Token {
    const start = this.here();
    this.skip();
    let name = '';
    while (isAlpha(this.ch())) {
      name += this.ch();
      this.skip();
    }
    if (!name) this.scannerError('could not find expected directive name', start);
    if (!isBlankZ(this.ch())) this.scannerError('found unexpected non-alphabetical character', start);
    let token: Token;
    if (name === 'YAML') {
      this.skipBlanks();
      const major = this.scanVersionNumber(start);
      if (this.ch() !== '.') this.scannerError("did not find expected digit or '.' character", start);
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'VERSION-DIRECTIVE', start, end: this.here(), major, minor };
    } else if (name === 'TAG') {
      this.skipBlanks();
      const handle = this.scanTagHandle(true, start);
      if (!isBlank(this.ch())) this.scannerError('did not find expected whitespace', start);
      this.skipBlanks();
      const prefix = this.scanTagUri('', start);
      if (!isBlankZ(this.ch())) this.scannerError('did not find expected whitespace or line break', start);
      token = { type: 'TAG-DIRECTIVE', start, end: this.here(), value: handle, suffix: prefix };
    } else {
      this.scannerError('found unknown directive name', start);
    }
    this.skipBlanks();
    if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip();
    if (!isBreakZ(this.ch())) this.scannerError('did not find expected comment or line break', start);
    if (isBreak(this.ch())) this.skipLine();
    return token;
  }

  private skipBlanks(): void {
    while (isBlank(this.ch())) this.skip();
  }

  private scanVersionNumber(start: Mark): number {
    let digits = '';
    while (isDigit(this.ch())) {
      digits += this.ch();
      if (digits.length > 9) this.scannerError('found extremely long version number', start);
      this.skip();
    }
    if (!digits) this.scannerError('did not find expected version number', start);
    return Number(digits);
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.column === 0 && this.ch() === '\uFEFF') this.skip();
      // Tabs may separate tokens, but never start a line in block context, where they could be
      // taken for indentation.
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip();
      if (!isBreak(this.ch())) break;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skip();
    let increment = 0;
    const readIndicator = () => {
      if (this.ch() === '0') this.scannerError('found an indentation indicator equal to 0', start);
      increment = Number(this.ch());
      this.skip();
    };
    if (this.ch() === '+' || this.ch() === '-') {
      this.skip();
      if (isDigit(this.ch())) readIndicator();
    } else if (isDigit(this.ch())) {
      readIndicator();
      if (this.ch() === '+' || this.ch() === '-') this.skip();
    }
    this.skipBlanks();
    if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip();
    if (!isBreakZ(this.ch())) this.scannerError('did not find expected comment or line break', start);
    if (isBreak(this.ch())) this.skipLine();
    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    indent = this.blockScalarBreaks(indent, start);
    while (this.column === indent && !isZ(this.ch())) {
      while (!isBreakZ(this.ch())) this.skip();
      this.skipLine();
      indent = this.blockScalarBreaks(indent, start);
    }
    this.insert({ type: 'SCALAR', start, end: this.here() });
    void literal;
  }

  /** Skips the empty lines of a block scalar; without an indentation indicator, the first content line sets it. */
  private blockScalarBreaks(indent: number, start: Mark): number {
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || this.column < indent) && this.ch() === ' ') this.skip();
      if (this.column > maxIndent) maxIndent = this.column;
      if ((indent === 0 || this.column < indent) && this.ch() === '\t') {
        this.scannerError('found a tab character where an indentation space is expected', start);
      }
      if (!isBreak(this.ch())) break;
      this.skipLine();
    }
    if (indent === 0) {
      indent = Math.max(maxIndent, this.indent + 1, 1);
    }
    return indent;
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skip();
    for (;;) {
      const c = this.ch();
      if (this.column === 0 && ((c === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (c === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && isBlankZ(this.ch(3))) {
        this.scannerError('found unexpected document indicator', start);
      }
      if (isZ(c)) this.scannerError('found unexpected end of stream', start);
      let leadingBlanks = false;
      while (!isBlankZ(this.ch())) {
        const d = this.ch();
        if (single && d === "'" && this.ch(1) === "'") {
          this.skip();
          this.skip();
        } else if (single && d === "'") {
          break;
        } else if (!single && d === '"') {
          break;
        } else if (!single && d === '\\' && isBreak(this.ch(1))) {
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && d === '\\') {
          const e = this.ch(1);
          const codeLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          if (!codeLength && !(e !== undefined && ESCAPES.has(e))) {
            this.scannerError('found unknown escape character', start);
          }
          this.skip();
          this.skip();
          if (codeLength) {
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              const h = this.ch(k);
              if (!isHex(h)) this.scannerError('did not find expected hexdecimal number', start);
              value = value * 16 + parseInt(h!, 16);
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.scannerError('found invalid Unicode character escape code', start);
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else {
          this.skip();
        }
      }
      if (this.ch() === (single ? "'" : '"')) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) this.skip();
        else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      void leadingBlanks;
    }
    this.skip();
    this.insert({ type: 'SCALAR', start, end: this.here() });
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    let end = this.here();
    const indent = this.indent + 1;
    let leadingBlanks = false;
    for (;;) {
      const c = this.ch();
      if (this.column === 0 && ((c === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (c === '.' && this.ch(1) === '.' && this.ch(2) === '.')) && isBlankZ(this.ch(3))) break;
      if (c === '#') break;
      while (!isBlankZ(this.ch())) {
        const d = this.ch()!;
        if ((d === ':' && isBlankZ(this.ch(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(d))) break;
        leadingBlanks = false;
        this.skip();
        end = this.here();
      }
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.column < indent && this.ch() === '\t') {
            this.scannerError('found a tab character that violates indentation', start);
          }
          this.skip();
        } else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    this.insert({ type: 'SCALAR', start, end, plain: true });
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }
}

/** go-yaml's reader accepts tab, line breaks and printable Unicode; anything else stops it. */
function firstControlCharacter(text: string): number {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/.exec(text);
  return m ? m.index : -1;
}
