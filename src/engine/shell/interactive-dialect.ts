// How a shell words its errors when it reads commands from a terminal. bash leaves out the
// `line N:` it prints for a script (error.c's error_prolog and parse.y's parser_error print the
// line only when not interactive), and does not echo the offending line back after a syntax
// error. dash keeps `sh: N:`, N being the lines read so far (the interpreter's line numbers run
// on across the session for that). busybox ash prints no line number either way.
import type { Dialect } from './dialect.ts';

const INTERACTIVE_BASH = new WeakMap<Dialect, Dialect>();
const baseName = (argv0: string) => argv0.slice(argv0.lastIndexOf('/') + 1);

export function interactiveDialect(d: Dialect): Dialect {
  if (d.name !== 'bash') return d;
  const known = INTERACTIVE_BASH.get(d);
  if (known) return known;
  const made: Dialect = {
    ...d,
    // An interactive bash names itself by its program's base name (`/bin/bash` → `bash:`).
    where: (argv0) => `${baseName(argv0)}: `,
    syntax(path, { problem: p }) {
      const argv0 = baseName(path);
      if (p.k === 'unexpected') {
        if (p.kind === 'eof') return `${argv0}: syntax error: unexpected end of file\n`;
        return `${argv0}: syntax error near unexpected token \`${p.kind === 'newline' ? 'newline' : p.token}'\n`;
      }
      if (p.k === 'unterminated') {
        if (p.quote === '}') return `${argv0}: syntax error: unexpected end of file\n`;
        return `${argv0}: unexpected EOF while looking for matching \`${p.quote === '))' ? ')' : p.quote}'\n`;
      }
      if (p.k === 'heredoc') return `${argv0}: warning: here-document at line ${p.line} delimited by end-of-file (wanted \`${p.delimiter}')\n`;
      if (p.k === 'bad-for-variable') return `${argv0}: \`${p.name}': not a valid identifier\n`;
      return `${argv0}: ${p.text}: bad substitution\n`;
    },
  };
  INTERACTIVE_BASH.set(d, made);
  return made;
}
