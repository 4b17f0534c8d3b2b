// A kubesim script is what a learner would type, command by command: each command is as many
// lines as the shell needs to complete it (`\` continuations, heredocs, a `for … done` loop, an
// open quote), found by asking the shell's parser whether the text so far is complete. Blank
// lines and `# comments` between commands are skipped. A text that is not a program at all is
// refused before anything runs, in bash's words.
import type { Program, SyntaxError } from '../../engine/shell/ast.ts';
import { parseShell } from '../../engine/shell/parse.ts';

export interface ScriptCommand {
  /** 1-based line where the command starts. */
  line: number;
  /** The command line, continuations joined, without the heredoc body (how an internal error names it). */
  text: string;
  /** The first heredoc's body, if the command has one (what `-f -` reads). */
  stdin?: string;
  /** How the command is echoed: exactly as written, heredoc included. */
  echo: string;
  /** What the shell runs: the command's lines as written, and as parsed (lines numbered in the script). */
  source: string;
  /** Parsed on each read (see scriptCommand). */
  readonly program: Program;
}

export type ParseScriptResult = { ok: true; commands: ScriptCommand[] } | { ok: false; error: string; line: number };

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

export function parseScript(text: string): ParseScriptResult {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const commands: ScriptCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    const first = lines[i]!;
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    let end = i;
    let source = '';
    for (;;) {
      // A line that ends with `\` goes on on the next one.
      if (lines[end]!.endsWith('\\') && /(^|[^\\])(\\\\)*\\$/.test(lines[end]!) && end + 1 < lines.length) {
        end++;
        continue;
      }
      // Most commands are one line: no array to join for them.
      source = end === start ? first + '\n' : lines.slice(start, end + 1).join('\n') + '\n';
      const parsed = parseShell(source, { bashisms: true, firstLine: start + 1 });
      if (parsed.ok) break;
      const e = parsed.error;
      if (!e.incomplete || end + 1 >= lines.length) {
        const line = e.problem.k === 'heredoc' ? e.problem.line : e.line;
        return { ok: false, error: scriptSyntaxMessage(e), line: Math.min(line, lines.length) };
      }
      // A heredoc reads up to its delimiter: jump there instead of parsing again line by line.
      if (e.problem.k === 'heredoc') {
        const { delimiter } = e.problem;
        let j = end + 1;
        while (j + 1 < lines.length && lines[j]!.replace(/^\t+/, '') !== delimiter) j++;
        end = j;
      } else if (e.problem.k === 'unterminated') {
        // An open quote (or `}`, `$(`, `$((`) can only close on a line holding its closing
        // character: skip the lines before it instead of parsing the growing text once per line
        // (quadratic in a long script with one stray quote). The first such line is never past
        // the real end, and a syntax error in the skipped lines is still the first one reported.
        const closer = e.problem.quote === '))' ? ')' : e.problem.quote;
        let j = end + 1;
        while (j + 1 < lines.length && !lines[j]!.includes(closer)) j++;
        end = j;
      } else end++;
    }
    i = end;
    const written = end === start ? [first] : lines.slice(start, end + 1);
    commands.push(scriptCommand(start + 1, written, source));
  }
  return { ok: true, commands };
}

/**
 * A command whose program is parsed again when it is run rather than kept from the check above:
 * parsing a line takes about 2 µs, while keeping ten thousand syntax trees alive until the script
 * ends costs the garbage collector several times that (they are copied into the old generation).
 */
function scriptCommand(line: number, written: string[], source: string): ScriptCommand {
  return {
    line,
    ...legacyText(written),
    echo: source.slice(0, -1),
    source,
    get program(): Program {
      const parsed = parseShell(source, { bashisms: true, firstLine: line });
      if (!parsed.ok) throw new Error(`line ${line} no longer parses`);
      return parsed.program;
    },
  };
}

/** bash's words for a script it cannot read, after `kubesim: line N: `. */
function scriptSyntaxMessage(e: SyntaxError): string {
  const p = e.problem;
  switch (p.k) {
    case 'heredoc':
      return `here-document at line ${p.line} delimited by end-of-file (wanted \`${p.delimiter}')`;
    case 'unexpected':
      return p.kind === 'eof' ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${p.kind === 'newline' ? 'newline' : p.token}'`;
    case 'unterminated':
      return p.quote === '}' ? 'syntax error: unexpected end of file' : `unexpected EOF while looking for matching \`${p.quote === '))' ? ')' : p.quote}'`;
    case 'bad-for-variable':
      return `\`${p.name}': not a valid identifier`;
    case 'bad-substitution':
      return `${p.text}: bad substitution`;
  }
}

/** The command's first line with continuations joined and its heredoc taken out, as it was before the shell ran scripts. */
function legacyText(written: string[]): { text: string; stdin?: string } {
  let i = 0;
  let current = written[0]!;
  while (current.endsWith('\\') && i + 1 < written.length) current = current.slice(0, -1) + ' ' + written[++i]!.trimStart();
  const m = current.includes('<<') ? HEREDOC.exec(current) : null;
  if (!m) return { text: written.length > i + 1 ? written.join('\n').trim() : current.trim() };
  const [whole, dash, , delimiter] = m;
  const body: string[] = [];
  for (let j = i + 1; j < written.length; j++) {
    const candidate = dash ? written[j]!.replace(/^\t+/, '') : written[j]!;
    if (candidate === delimiter) break;
    body.push(candidate);
  }
  return { text: current.replace(whole, '').trim(), stdin: body.join('\n') + '\n' };
}
