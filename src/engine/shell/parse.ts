// The shell language a learner types into `kubectl exec … -- sh -c '…'`: commands with
// arguments, quotes, $VAR and ${VAR}, globs, redirections (>, >>, <, 2>&1, 2>/dev/null),
// pipes and the lists `;`, `&&`, `||`. Words keep whether they were quoted, because quoting
// decides globbing.

export interface Word {
  /** Pieces in order; `expand` pieces are variable names, `glob` says the text may be a pattern. */
  parts: ({ text: string; quoted: boolean } | { variable: string })[];
}

export interface Redirect {
  fd: 1 | 2 | 0;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export interface ListItem {
  pipeline: Pipeline;
  /** How this item connects to the next: `;` always runs it, `&&` only after success, `||` only after failure. */
  then: ';' | '&&' | '||';
}

export type ParseResult = { ok: true; list: ListItem[] } | { ok: false; error: string };

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string } | { kind: 'redirect'; fd: 0 | 1 | 2; op: Redirect['op'] };

export function parseShell(source: string): ParseResult {
  const tokens = tokenize(source);
  if (!tokens.ok) return tokens;
  const list: ListItem[] = [];
  let commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [] };
  const toks = tokens.tokens;
  const endCommand = () => {
    if (current.words.length === 0 && current.redirects.length === 0) return false;
    commands.push(current);
    current = { words: [], redirects: [] };
    return true;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'word') current.words.push(t.word);
    else if (t.kind === 'redirect') {
      const next = toks[i + 1];
      if (!next || next.kind !== 'word') return { ok: false, error: `syntax error: unexpected ${next ? (next.kind === 'op' ? next.op : 'redirection') : 'newline'}` };
      current.redirects.push({ fd: t.fd, op: t.op, target: next.word });
      i++;
    } else if (t.op === '|') {
      if (!endCommand()) return { ok: false, error: "syntax error: unexpected \"|\"" };
    } else {
      if (!endCommand() && commands.length === 0) {
        if (t.op === ';') continue;
        return { ok: false, error: `syntax error: unexpected "${t.op}"` };
      }
      list.push({ pipeline: { commands }, then: t.op as ListItem['then'] });
      commands = [];
    }
  }
  endCommand();
  if (commands.length > 0) list.push({ pipeline: { commands }, then: ';' });
  return { ok: true, list };
}

function tokenize(src: string): { ok: true; tokens: Token[] } | { ok: false; error: string } {
  const tokens: Token[] = [];
  let i = 0;
  let word: Word | undefined;
  const push = (text: string, quoted: boolean) => {
    word ??= { parts: [] };
    const last = word.parts[word.parts.length - 1];
    if (last && 'text' in last && last.quoted === quoted) last.text += text;
    else word.parts.push({ text, quoted });
  };
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', word });
    word = undefined;
  };
  const variable = (): boolean => {
    // At src[i] === '$'
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(src.slice(i));
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])/.exec(src.slice(i));
    const m = braced ?? plain;
    if (!m) return false;
    word ??= { parts: [] };
    word.parts.push({ variable: m[1]! });
    i += m[0].length;
    return true;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      if (c === '\n') tokens.push({ kind: 'op', op: ';' });
      i++;
    } else if (c === '#' && !word) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'syntax error: unterminated quoted string' };
      push(src.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      i++;
      word ??= { parts: [] };
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length && '"\\$`'.includes(src[i + 1]!)) {
          push(src[i + 1]!, true);
          i += 2;
        } else if (src[i] === '$' && variable()) {
          continue;
        } else {
          push(src[i]!, true);
          i++;
        }
      }
      if (i >= src.length) return { ok: false, error: 'syntax error: unterminated quoted string' };
      i++;
    } else if (c === '\\') {
      if (i + 1 < src.length) push(src[i + 1]!, true);
      i += 2;
    } else if (c === '$' && variable()) {
      continue;
    } else if (c === '&' && src[i + 1] === '&') {
      endWord();
      tokens.push({ kind: 'op', op: '&&' });
      i += 2;
    } else if (c === '|' && src[i + 1] === '|') {
      endWord();
      tokens.push({ kind: 'op', op: '||' });
      i += 2;
    } else if (c === '|' || c === ';') {
      endWord();
      tokens.push({ kind: 'op', op: c });
      i++;
    } else if ((c === '>' || c === '<') || ((c === '1' || c === '2') && (src[i + 1] === '>') && !word)) {
      endWord();
      let fd: 0 | 1 | 2 = c === '<' ? 0 : 1;
      if (c === '1' || c === '2') {
        fd = c === '2' ? 2 : 1;
        i++;
      }
      if (src[i] === '>' && src[i + 1] === '>') {
        tokens.push({ kind: 'redirect', fd, op: '>>' });
        i += 2;
      } else if (src[i] === '>' && src[i + 1] === '&') {
        tokens.push({ kind: 'redirect', fd, op: '>&' });
        i += 2;
      } else {
        tokens.push({ kind: 'redirect', fd, op: src[i] === '<' ? '<' : '>' });
        i++;
      }
    } else {
      push(c, false);
      i++;
    }
  }
  endWord();
  return { ok: true, tokens };
}
