// Word expansion, in POSIX's order: parameters, command substitution and arithmetic, then field
// splitting of what was unquoted, then pathname expansion (globs) and quote removal. The
// interpreter passes itself in as `Expander` so that `$( … )` can run a program.
import type { Word, WordPart } from './ast.ts';
import { ArithError, evaluateArith } from './arith.ts';

export interface Expander {
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  positional(): string[];
  special(name: string): string | undefined;
  /** Runs a program in a subshell and returns what it printed on stdout. */
  substitute(part: WordPart & { k: 'cmd' }): string;
  home(): string;
  /** Entries of a directory (for globs), or undefined if it cannot be listed. */
  list(dir: string): string[] | undefined;
  /** Raised for `${x:?msg}`: the shell reports it and stops. */
  fatal(message: string): never;
  arithFailure(err: ArithError, expr: string): never;
  /** dash's arithmetic: no `++`, `--`, `**` or `,`. */
  posixArith?: boolean;
}

/** A run of characters of one field: quoted text is never split or globbed. */
interface Piece {
  text: string;
  quoted: boolean;
}

/**
 * The fields being built by one `expandWord`. Kept as a plain object passed to module-level
 * helpers rather than closures: a word is expanded for every command the scripts run, and
 * per-call closures were the largest cost of a `kubectl exec … sh -c` line.
 */
interface Fields {
  done: Piece[][];
  current: Piece[] | undefined;
  split: boolean;
  /** IFS, read on first need: most words have nothing to split. */
  ifs: string | undefined;
  ex: Expander;
}

function addPiece(st: Fields, text: string, quoted: boolean): void {
  (st.current ??= []).push({ text, quoted });
}

function endField(st: Fields): void {
  if (st.current) st.done.push(st.current);
  st.current = undefined;
}

function ifsOf(st: Fields): string {
  return (st.ifs ??= st.ex.lookup('IFS') ?? ' \t\n');
}

/** Adds unquoted expansion results, split into fields at IFS characters. */
function addSplit(st: Fields, text: string): void {
  if (!st.split) return addPiece(st, text, false);
  const ifs = ifsOf(st);
  if (ifs === '') return addPiece(st, text, false);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (ifs.includes(c)) {
      const white = ' \t\n'.includes(c);
      if (!white || st.current) endField(st);
      if (!white) st.current = [];
      i++;
      // IFS whitespace around a separator is part of it.
      while (i < text.length && ' \t\n'.includes(text[i]!) && ifs.includes(text[i]!)) i++;
      if (white && i < text.length && ifs.includes(text[i]!) && !' \t\n'.includes(text[i]!)) {
        i++;
        st.current = undefined;
        endField(st);
        st.current = [];
      }
      continue;
    }
    let j = i;
    while (j < text.length && !ifs.includes(text[j]!)) j++;
    addPiece(st, text.slice(i, j), false);
    i = j;
  }
}

const GLOB_CHARS = /[*?[]/;
/** What makes text a pattern: `*`, `?`, or a bracket expression `[…]` that is closed. */
const WILDCARD = /[*?]|\[.+\]/s;

/** Expands a word into fields (0, 1 or more: `$@`, unquoted `$x` with spaces, globs). */
export function expandWord(word: Word, ex: Expander, opts?: { split?: boolean; glob?: boolean }): string[] {
  const glob = opts?.glob ?? true;
  const parts = word.parts;
  // Fast path: a word of one literal (`echo`, `'a b'`, `/data/f-1`) is its own single field.
  if (parts.length === 1 && parts[0]!.k === 'lit') {
    const part = parts[0]!;
    if (part.quoted || !glob || !GLOB_CHARS.test(part.text)) return [part.text];
  }
  const st: Fields = { done: [], current: undefined, split: opts?.split ?? true, ifs: undefined, ex };
  for (const part of parts) {
    if (part.k === 'lit') addPiece(st, part.text, part.quoted);
    else if (part.k === 'tilde') addPiece(st, ex.home(), true);
    else if (part.k === 'param' && (part.name === '@' || part.name === '*') && part.op === undefined) {
      const args = ex.positional();
      if (part.quoted && part.name === '@') {
        for (let i = 0; i < args.length; i++) {
          if (i > 0) endField(st);
          addPiece(st, args[i]!, true);
        }
      } else if (part.quoted) addPiece(st, args.join(ifsOf(st)[0] ?? ''), true);
      else
        for (let i = 0; i < args.length; i++) {
          if (i > 0) endField(st);
          addSplit(st, args[i]!);
        }
    } else {
      const value = expandPart(part, ex);
      if (part.quoted) addPiece(st, value, true);
      else addSplit(st, value);
    }
  }
  endField(st);
  const out: string[] = [];
  for (const f of st.done) {
    let text = '';
    let globbable = false;
    for (const p of f) {
      text += p.text;
      if (glob && !p.quoted && GLOB_CHARS.test(p.text)) globbable = true;
    }
    if (globbable) out.push(...globField(f, text, ex));
    else out.push(text);
  }
  return out;
}

/** A word expanded to one string, without splitting or globbing (assignments, redirection targets, `case` words). */
export function expandString(word: Word, ex: Expander): string {
  return expandWord(word, ex, { split: false, glob: false }).join(' ');
}

/** A word as a shell pattern (`case`, `${x#pat}`, `[[ $x == pat ]]`): quoted characters match themselves. */
export function expandPattern(word: Word, ex: Expander): RegExp['source'] {
  let src = '';
  for (const part of word.parts) {
    if (part.k === 'lit' && !part.quoted) src += patternSource(part.text);
    else if (part.k === 'lit') src += escapeRegex(part.text);
    else if (part.k === 'tilde') src += escapeRegex(ex.home());
    else {
      const v = expandPart(part, ex);
      src += part.quoted ? escapeRegex(v) : patternSource(v);
    }
  }
  return src;
}

/** The right side of `[[ x =~ re ]]`: unquoted text is an extended regex, quoted text matches itself. */
export function expandRegex(word: Word, ex: Expander): string {
  let src = '';
  for (const part of word.parts) {
    if (part.k === 'lit') src += part.quoted ? escapeRegex(part.text) : part.text;
    else if (part.k === 'tilde') src += escapeRegex(ex.home());
    else {
      const v = expandPart(part, ex);
      src += part.quoted ? escapeRegex(v) : v;
    }
  }
  return src;
}

function expandPart(part: WordPart, ex: Expander): string {
  switch (part.k) {
    case 'lit':
      return part.text;
    case 'tilde':
      return ex.home();
    case 'cmd':
      return ex.substitute(part).replace(/\n+$/, '');
    case 'arith': {
      const text = expandString(part.expr, ex);
      try {
        return String(evaluateArith(text, { get: (n) => ex.lookup(n), set: (n, v) => ex.assign(n, v) }, 0, ex.posixArith));
      } catch (e) {
        if (e instanceof ArithError) ex.arithFailure(e, text.trim());
        throw e;
      }
    }
    case 'param':
      return expandParam(part, ex);
  }
}

function expandParam(part: WordPart & { k: 'param' }, ex: Expander): string {
  const raw = /^[0-9]+$/.test(part.name) && part.name !== '0' ? ex.positional()[Number(part.name) - 1] : part.name === '@' || part.name === '*' ? ex.positional().join(' ') : (ex.special(part.name) ?? ex.lookup(part.name));
  const op = part.op;
  if (op === undefined) return raw ?? '';
  if (op === 'len') return String([...(raw ?? '')].length);
  const word = () => (part.arg ? expandString(part.arg, ex) : '');
  const empty = raw === undefined || (op.startsWith(':') && raw === '');
  switch (op) {
    case ':-':
    case '-':
      return empty ? word() : raw!;
    case ':=':
    case '=': {
      if (!empty) return raw!;
      const v = word();
      ex.assign(part.name, v);
      return v;
    }
    case ':?':
    case '?':
      if (!empty) return raw!;
      return ex.fatal(`${part.name}: ${part.arg && part.arg.parts.length ? word() : 'parameter not set'}`);
    case ':+':
    case '+':
      return empty ? '' : word();
    default: {
      const value = raw ?? '';
      const pat = part.arg ? expandPattern(part.arg, ex) : '';
      return trim(value, pat, op);
    }
  }
}

/** `${x#pat}` (shortest prefix), `##` (longest), `%` (shortest suffix), `%%` (longest). */
function trim(value: string, pat: string, op: '#' | '##' | '%' | '%%'): string {
  const re = new RegExp(`^(?:${pat})$`, 's');
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()];
    if (op === '##') lengths.reverse();
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const n of starts) if (re.test(value.slice(n))) return value.slice(0, n);
  return value;
}

/** A glob's characters as a regex source: `*`, `?`, `[…]`/`[!…]`; everything else literally. */
export function patternSource(glob: string): string {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        src += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      src += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) src += escapeRegex(glob[++i]!);
    else src += escapeRegex(c);
  }
  return src;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Pathname expansion of one field, component by component as POSIX has it: a pattern in any
 * component (`/var/*_x/file`, a trailing `/` for directories only) is matched against that directory's names, and what
 * follows is looked for under each match. No match leaves the word as written.
 */
function globField(pieces: Piece[], text: string, ex: Expander): string[] {
  // The field's components, each as a pattern (quoted characters match themselves) and as text.
  const parts: { src: string; text: string; wild: boolean; dot: boolean }[] = [{ src: '', text: '', wild: false, dot: false }];
  for (const p of pieces) {
    const segments = p.text.split('/');
    segments.forEach((seg, i) => {
      if (i > 0) parts.push({ src: '', text: '', wild: false, dot: false });
      const cur = parts[parts.length - 1]!;
      if (cur.text === '') cur.dot = seg.startsWith('.');
      cur.text += seg;
      cur.src += p.quoted ? escapeRegex(seg) : patternSource(seg);
      if (!p.quoted && WILDCARD.test(seg)) cur.wild = true;
    });
  }
  // `[ $i -lt 3 ]`: a lone `[` is no pattern, so nothing is listed (a loop would list the folder every turn).
  if (!parts.some((c) => c.wild)) return [text];
  // An absolute path starts with an empty component; a trailing `/` ends with one (directories only).
  let paths = [parts[0]!.text === '' && parts.length > 1 ? '/' : ''];
  const first = parts[0]!.text === '' && parts.length > 1 ? 1 : 0;
  for (let i = first; i < parts.length; i++) {
    const c = parts[i]!;
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (c.text === '' && last) {
        // `dir/`: the match must be a directory.
        if (ex.list(base) !== undefined) next.push(base.endsWith('/') ? base : `${base}/`);
        continue;
      }
      if (!c.wild) {
        // A literal component: it must exist when it is the last one; deeper ones are checked by the listing below.
        if (!last || ex.list(base === '' ? '.' : base)?.includes(c.text)) next.push(join(c.text));
        continue;
      }
      const names = ex.list(base === '' ? '.' : base);
      if (!names) continue;
      // A leading `.` is matched only by a pattern that starts with one.
      const re = new RegExp(`^${c.src}$`, 's');
      for (const n of [...names].sort()) if ((c.dot || !n.startsWith('.')) && n !== '.' && n !== '..' && re.test(n)) next.push(join(n));
    }
    paths = next;
    if (paths.length === 0) return [text];
  }
  return paths;
}

/** Whether `value` matches a shell pattern given as regex source. */
export function matchesPattern(value: string, source: string): boolean {
  return new RegExp(`^(?:${source})$`, 's').test(value);
}
