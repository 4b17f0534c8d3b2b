// The shell language as data: what the parser builds and the interpreter walks. Plain JSON-able
// objects, so a parsed program can be kept, compared in a test or printed.

/** A piece of a word. `quoted` pieces are neither split into fields nor globbed. */
export type WordPart =
  | { k: 'lit'; text: string; quoted: boolean }
  /** `$name`, `${name}`, `${name:-word}`, `${#name}`, `${name#pat}`, … */
  | { k: 'param'; name: string; op?: ParamOp; arg?: Word; quoted: boolean }
  /** `$( … )` or backticks. */
  | { k: 'cmd'; program: Program; quoted: boolean }
  /** `$(( … ))`: the text is expanded first, then evaluated. */
  | { k: 'arith'; expr: Word; quoted: boolean }
  /** An unquoted `~` at the start of a word: $HOME. */
  | { k: 'tilde' };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':?' | '?' | ':+' | '+' | '#' | '##' | '%' | '%%' | 'len';

export interface Word {
  parts: WordPart[];
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '>|' | '<>' | '<<' | '<<-';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** A here-document's body: a word (expanded) when its delimiter was unquoted, else literal text. */
  body?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export type Command =
  | { k: 'simple'; assigns: Assignment[]; words: Word[]; redirects: Redirect[]; line: number }
  | { k: 'if'; clauses: { cond: List; body: List }[]; otherwise?: List; redirects: Redirect[] }
  | { k: 'loop'; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { k: 'for'; name: string; items?: Word[]; body: List; redirects: Redirect[]; line: number }
  | { k: 'case'; word: Word; items: { patterns: Word[]; body: List }[]; redirects: Redirect[] }
  | { k: 'group'; body: List; subshell: boolean; redirects: Redirect[] }
  | { k: 'func'; name: string; body: Command }
  /** bash's and ash's `[[ … ]]`: the words between the brackets, operators included. */
  | { k: 'cond'; words: Word[]; line: number; redirects: Redirect[] }
  /** bash's `(( … ))`. */
  | { k: 'arith'; expr: Word; line: number; redirects: Redirect[] }
  /**
   * Never parsed: the rest of a loop's turn where a main process slept (continuation-capture.ts),
   * run with that loop's `break` and `continue`, then the loop itself again.
   */
  | { k: 'resume-loop'; rest: List; loop: Command & { k: 'loop' | 'for' }; redirects: Redirect[] };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type List = AndOr[];

export interface Program {
  list: List;
}

/** Why a text is not a program, in terms each dialect words its own way. */
export type SyntaxProblem =
  /** A token where it cannot be: `fi`, `)`, `;;`, `end of file`, `newline`; `expecting` is what was wanted. */
  /** `newlineInBash`: bash reads the end of a `-c` text there as a newline (`echo >`, `case`). */
  | { k: 'unexpected'; token: string; kind: 'eof' | 'newline' | 'op' | 'keyword' | 'word'; expecting?: string; newlineInBash?: boolean }
  | { k: 'unterminated'; quote: "'" | '"' | '`' | ')' | '}' | '))' }
  | { k: 'heredoc'; delimiter: string; line: number }
  | { k: 'bad-for-variable'; name: string }
  | { k: 'bad-substitution'; text: string };

export interface SyntaxError {
  problem: SyntaxProblem;
  /** 1-based line of the source where it was found. */
  line: number;
  /** True when more input could complete the text (an open quote, loop, here-document, trailing `|`). */
  incomplete: boolean;
}
