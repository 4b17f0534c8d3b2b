// Splitting a command line into words the way a POSIX shell does for the simple cases learners
// type: single and double quotes, backslash escapes, and the redirections `>`, `>>`, `<`.

export interface ParsedLine {
  words: string[];
  /** Commands after `|`, each as its words: filters for the first command's output (`… | grep POD_`). */
  pipeline?: string[][];
  /** `> file` or `>> file`: where stdout goes instead of the terminal. */
  redirect?: { path: string; append: boolean };
  /** `< file`: stdin from a file. */
  input?: string;
}

export type WordsResult = { ok: true; line: ParsedLine } | { ok: false; error: string };

export function splitWords(line: string): WordsResult {
  let words: string[] = [];
  const stages: string[][] = [];
  let cur = '';
  let inWord = false;
  let redirect: ParsedLine['redirect'];
  let input: string | undefined;
  let pending: 'out' | 'append' | 'in' | undefined;
  const flush = () => {
    if (!inWord) return;
    if (pending === 'out' || pending === 'append') redirect = { path: cur, append: pending === 'append' };
    else if (pending === 'in') input = cur;
    else words.push(cur);
    pending = undefined;
    cur = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: 'unexpected EOF while looking for matching `\'\'' };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        cur += line[j];
      }
      if (j >= line.length) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      inWord = true;
      i = j;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      flush();
    } else if (ch === '|') {
      flush();
      stages.push(words);
      words = [];
    } else if (ch === '>' || ch === '<') {
      flush();
      if (ch === '>' && line[i + 1] === '>') {
        pending = 'append';
        i++;
      } else pending = ch === '>' ? 'out' : 'in';
    } else {
      cur += ch;
      inWord = true;
    }
  }
  flush();
  if (pending) return { ok: false, error: "syntax error near unexpected token `newline'" };
  if (stages.length > 0) {
    const [first, ...rest] = [...stages, words];
    if ([first, ...rest].some((s) => s!.length === 0)) return { ok: false, error: "syntax error near unexpected token `|'" };
    return { ok: true, line: { words: first!, pipeline: rest, ...(redirect ? { redirect } : {}), ...(input !== undefined ? { input } : {}) } };
  }
  return { ok: true, line: { words, ...(redirect ? { redirect } : {}), ...(input !== undefined ? { input } : {}) } };
}
