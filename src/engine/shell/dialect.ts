// What differs between the shells images ship, where a learner sees it: busybox `ash` (busybox,
// alpine), Debian's `dash` as /bin/sh and `bash` (python, nginx, httpd, postgres…). One language,
// three ways of wording errors, and a few features: dash's echo always reads backslash escapes,
// dash has no `[[`, `((` or `function`. Wording checked against busybox's shell/ash.c, dash 0.5.12
// and bash 5.2 as they print it.
import type { FsErrorCode } from '../containers/container-fs.ts';
import type { SyntaxError } from './ast.ts';
import { fsMessage } from './messages.ts';

export type DialectName = 'ash' | 'dash' | 'bash';

export interface Dialect {
  name: DialectName;
  /** `[[ ]]`, `(( ))`, `function f {}`. */
  bashisms: boolean;
  /** echo reads `\n`, `\t`, `\c`… without -e (dash's echo does, always). */
  echoEscapes: boolean;
  /** echo takes -e and -E as well as -n. */
  echoFlags: boolean;
  /** The start of a runtime error: `sh: `, `sh: 1: `, `bash: line 1: `. */
  where(argv0: string, line: number): string;
  notFound(name: string): string;
  /** The whole message (newline-terminated) for a text that does not parse. */
  syntax(argv0: string, error: SyntaxError, source: string): string;
  cdFailed(arg: string, code: FsErrorCode): { message: string; status: number };
  cannotCreate(target: string, code: FsErrorCode): { message: string; status: number };
  cannotOpen(target: string, code: FsErrorCode): { message: string; status: number };
  /** An arithmetic error: `expr` is the whole expression, `token` where it went wrong. */
  arithError(kind: 'syntax' | 'divide', expr: string, token: string): string;
  /** `[ 1 -eq a ]`. */
  badNumber(cmd: string, arg: string): string;
  /** The status of a shell error (a bad substitution, an arithmetic error): it also ends a non-interactive sh. */
  fatalStatus: number;
  /** The status `${x:?}` ends the shell with when x is unset. */
  unsetStatus: number;
}

const quoteToken = (token: string, kind: string) => (kind === 'eof' || kind === 'newline' ? token : kind === 'word' ? 'word' : `"${token}"`);

export const ASH: Dialect = {
  name: 'ash',
  bashisms: true,
  echoEscapes: false,
  echoFlags: true,
  where: (argv0) => `${argv0}: `,
  notFound: (name) => `${name}: not found`,
  syntax(argv0, { problem: p }) {
    let msg: string;
    if (p.k === 'unexpected') msg = `unexpected ${quoteToken(p.token, p.kind)}${p.expecting ? ` (expecting ${p.expecting})` : ''}`;
    else if (p.k === 'unterminated') msg = p.quote === ')' || p.quote === '}' || p.quote === '))' ? `unexpected end of file (expecting "${p.quote === '}' ? '}' : ')'}")` : 'unterminated quoted string';
    else if (p.k === 'heredoc') msg = 'unexpected end of file';
    else if (p.k === 'bad-for-variable') msg = 'bad for loop variable';
    else msg = 'bad substitution';
    return `${argv0}: syntax error: ${msg}\n`;
  },
  cdFailed: (arg, code) => ({ message: `cd: can't cd to ${arg}: ${fsMessage(code)}`, status: 2 }),
  cannotCreate: (target, code) => ({ message: `can't create ${target}: ${fsMessage(code)}`, status: 1 }),
  cannotOpen: (target, code) => ({ message: `can't open '${target}': ${fsMessage(code)}`, status: 1 }),
  arithError: (kind) => (kind === 'divide' ? 'divide by zero' : 'arithmetic syntax error'),
  badNumber: (_cmd, arg) => `${arg}: bad number`,
  fatalStatus: 2,
  unsetStatus: 2,
};

/** dash words ENOENT its own way when creating or opening for a redirection. */
const dashErr = (code: FsErrorCode, creating: boolean) => (code === 'ENOENT' || code === 'ENOTDIR' ? (creating ? 'Directory nonexistent' : 'No such file') : fsMessage(code));

export const DASH: Dialect = {
  name: 'dash',
  bashisms: false,
  echoEscapes: true,
  echoFlags: false,
  where: (argv0, line) => `${argv0}: ${line}: `,
  notFound: (name) => `${name}: not found`,
  syntax(argv0, { problem: p, line }) {
    let msg: string;
    if (p.k === 'unexpected') msg = `Syntax error: ${quoteToken(p.token, p.kind)} unexpected${p.expecting ? ` (expecting ${p.expecting})` : ''}`;
    else if (p.k === 'unterminated') {
      msg =
        p.quote === '`' ? 'Syntax error: EOF in backquote substitution' : p.quote === "'" || p.quote === '"' ? 'Syntax error: Unterminated quoted string' : `Syntax error: end of file unexpected (expecting "${p.quote === '}' ? '}' : ')'}")`;
    } else if (p.k === 'heredoc') msg = 'Syntax error: end of file unexpected';
    else if (p.k === 'bad-for-variable') msg = 'Syntax error: Bad for loop variable';
    else msg = 'Bad substitution';
    return `${argv0}: ${line}: ${msg}\n`;
  },
  cdFailed: (arg) => ({ message: `cd: can't cd to ${arg}`, status: 2 }),
  cannotCreate: (target, code) => ({ message: `cannot create ${target}: ${dashErr(code, true)}`, status: 2 }),
  cannotOpen: (target, code) => ({ message: `cannot open ${target}: ${dashErr(code, false)}`, status: 2 }),
  arithError: (kind, expr) => (kind === 'divide' ? `arithmetic expression: division by zero: "${expr}"` : `arithmetic expression: expecting primary: "${expr}"`),
  badNumber: (cmd, arg) => `${cmd}: Illegal number: ${arg}`,
  fatalStatus: 2,
  unsetStatus: 2,
};

export const BASH: Dialect = {
  name: 'bash',
  bashisms: true,
  echoEscapes: false,
  echoFlags: true,
  where: (argv0, line) => `${argv0}: line ${line}: `,
  notFound: (name) => `${name}: command not found`,
  syntax(argv0, { problem: p, line }, source) {
    const at = `${argv0}: -c: line ${line}: `;
    if (p.k === 'unexpected') {
      if (p.kind === 'eof' && !p.newlineInBash) return `${argv0}: -c: line ${countLines(source) + 1}: syntax error: unexpected end of file\n`;
      const shown = p.kind === 'newline' || p.kind === 'eof' ? 'newline' : p.token;
      const text = source.split('\n')[line - 1] ?? '';
      return `${at}syntax error near unexpected token \`${shown}'\n${at}\`${text}'\n`;
    }
    if (p.k === 'unterminated') {
      if (p.quote === '}') return `${argv0}: -c: line ${countLines(source) + 1}: syntax error: unexpected end of file\n`;
      const q = p.quote === '))' ? ')' : p.quote;
      // A quote is reported at the line it opened on; a `$(` at the end of the text.
      const at = q === ')' ? countLines(source) + 1 : line;
      return `${argv0}: -c: line ${at}: unexpected EOF while looking for matching \`${q}'\n`;
    }
    if (p.k === 'heredoc') return `${argv0}: line ${countLines(source) + 1}: warning: here-document at line ${p.line} delimited by end-of-file (wanted \`${p.delimiter}')\n`;
    if (p.k === 'bad-for-variable') return `${argv0}: line ${line}: \`${p.name}': not a valid identifier\n`;
    return `${argv0}: line ${line}: ${p.text}: bad substitution\n`;
  },
  cdFailed: (arg, code) => ({ message: `cd: ${arg}: ${fsMessage(code)}`, status: 1 }),
  cannotCreate: (target, code) => ({ message: `${target}: ${fsMessage(code)}`, status: 1 }),
  cannotOpen: (target, code) => ({ message: `${target}: ${fsMessage(code)}`, status: 1 }),
  arithError: (kind, expr, token) => (kind === 'divide' ? `${expr}: division by 0 (error token is "${token}")` : `${expr}: syntax error: operand expected (error token is "${token}")`),
  badNumber: (cmd, arg) => `${cmd}: ${arg}: integer expression expected`,
  fatalStatus: 1,
  unsetStatus: 127,
};

function countLines(source: string): number {
  let n = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < source.length - 1; i = source.indexOf('\n', i + 1)) n++;
  return n;
}

export const DIALECTS: Record<DialectName, Dialect> = { ash: ASH, dash: DASH, bash: BASH };

/**
 * The images whose /bin/sh is dash and which ship bash: Debian-based official images. Everything
 * else (busybox, alpine and unknown images) gets busybox ash, whose `bash` is missing.
 */
const DEBIAN_BASED = /^(python|nginx|httpd|postgres|redis|mysql|mariadb|node|debian|ubuntu|golang|openjdk|eclipse-temurin|ruby|php|wordpress|mongo|rabbitmq|registry\.k8s\.io\/e2e-test-images\/agnhost)(:|@|$)/;

export type ImageFamily = 'busybox' | 'debian';

/**
 * Which shells an image has, from its reference (`nginx:1.27`, `docker.io/library/python:3.9-slim`),
 * or for an image built here (`my-image`) from its history: a Debian root layer makes it Debian.
 */
export function imageFamily(image: string, history?: readonly { createdBy: string }[]): ImageFamily {
  const repo = image.replace(/^docker\.io\/(library\/)?/, '');
  if (DEBIAN_BASED.test(repo)) return 'debian';
  return history?.some((row) => row.createdBy.includes('debian.sh')) ? 'debian' : 'busybox';
}

/** The dialect a shell program name runs in an image family: dash is Debian's sh, bash is bash, busybox has ash for every name. */
export function dialectFor(family: ImageFamily | undefined, program: string): Dialect {
  if (family !== 'debian') return ASH;
  return program === 'bash' ? BASH : DASH;
}
