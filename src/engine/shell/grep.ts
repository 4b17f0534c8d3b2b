// grep as learners use it on `kubectl get … |` and on files: -i -v -c -n -l -q -w -x -o -h -H
// -s, -E/-F/-e, and context lines -A/-B/-C with `--` between groups. Basic regular expressions
// are translated to JavaScript's (`\|`, `\+` and `\(\)` are the operators there; `+`, `|`, `(`
// are literal). Messages as busybox and GNU grep print them (they agree on these).
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';

const CLASSES: Record<string, string> = { digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_' };

/** A POSIX regular expression (basic or extended) as a JavaScript one's source. */
export function posixRegex(pattern: string, extended: boolean): string {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      // A bracket expression: copied, with [:class:] names spelled out.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j = pattern.startsWith('[:', j) ? pattern.indexOf(':]', j) + 2 || pattern.length : j + 1;
      const body = pattern.slice(i + 1, j).replace(/\[:(\w+):\]/g, (_m, name: string) => CLASSES[name] ?? '').replace(/\\/g, '\\\\');
      src += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (!extended && '|+?(){}'.includes(n)) src += n;
      else if ('<>'.includes(n)) src += '\\b';
      else src += `\\${n}`;
      continue;
    }
    if (!extended && '|+?(){}'.includes(c)) src += `\\${c}`;
    else src += c;
  }
  return src;
}

export function grep(args: string[], io: CommandIO): ShellResult {
  const on = new Set<string>();
  const patterns: string[] = [];
  const files: string[] = [];
  let after = 0;
  let before = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    const long: Record<string, string> = { '--ignore-case': 'i', '--invert-match': 'v', '--count': 'c', '--line-number': 'n', '--quiet': 'q', '--silent': 'q', '--extended-regexp': 'E', '--fixed-strings': 'F', '--word-regexp': 'w', '--line-regexp': 'x', '--only-matching': 'o', '--files-with-matches': 'l' };
    if (a in long) {
      on.add(long[a]!);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if ('eABC'.includes(f)) {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return { stdout: '', stderr: `grep: option requires an argument -- '${f}'\n`, code: 2 };
          if (f === 'e') patterns.push(value);
          else {
            const n = Number(value);
            if (!/^\d+$/.test(value)) return { stdout: '', stderr: `grep: ${value}: invalid context length argument\n`, code: 2 };
            if (f !== 'B') after = n;
            if (f !== 'A') before = n;
          }
          break;
        }
        on.add(f);
      }
    } else if (patterns.length === 0 && !on.has('e-given')) {
      patterns.push(a);
      on.add('e-given');
    } else files.push(a);
  }
  if (patterns.length === 0) return { stdout: '', stderr: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', code: 2 };
  let re: RegExp;
  try {
    const sources = patterns.map((p) => (on.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : posixRegex(p, on.has('E'))));
    let src = sources.map((s) => `(?:${s})`).join('|');
    if (on.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    if (on.has('x')) src = `^(?:${src})$`;
    re = new RegExp(src, on.has('i') ? 'gi' : 'g');
  } catch {
    return { stdout: '', stderr: `grep: bad regex '${patterns[0]}'\n`, code: 2 };
  }
  const inputs: { name: string; text: string }[] = [];
  let errors = '';
  if (files.length === 0) inputs.push({ name: '(standard input)', text: io.stdin });
  for (const f of files) {
    if (f === '-') {
      inputs.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    const r = io.ctx.fs.read(io.resolve(f));
    if (r.ok) inputs.push({ name: f, text: r.value });
    else if (!on.has('s')) errors += `grep: ${f}: ${r.code === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`;
  }
  const prefixNames = (files.length > 1 || on.has('H')) && !on.has('h');
  let stdout = '';
  let matchedAny = false;
  for (const input of inputs) {
    const all = input.text.split('\n');
    if (all[all.length - 1] === '') all.pop();
    const hits = all.map((l) => {
      re.lastIndex = 0;
      return re.test(l) !== on.has('v');
    });
    const count = hits.filter(Boolean).length;
    if (count > 0) matchedAny = true;
    if (on.has('q')) continue;
    const name = prefixNames ? `${input.name}:` : '';
    if (on.has('l')) {
      if (count > 0) stdout += `${input.name}\n`;
      continue;
    }
    if (on.has('c')) {
      stdout += `${name}${count}\n`;
      continue;
    }
    let lastPrinted = -1;
    let pendingAfter = 0;
    const show = (k: number, sep: ':' | '-') => {
      if (lastPrinted >= 0 && k > lastPrinted + 1 && (after > 0 || before > 0)) stdout += '--\n';
      stdout += `${prefixNames ? `${input.name}${sep}` : ''}${on.has('n') ? `${k + 1}${sep}` : ''}${all[k]}\n`;
      lastPrinted = k;
    };
    for (let i = 0; i < all.length; i++) {
      if (hits[i]) {
        for (let k = Math.max(lastPrinted + 1, i - before); k < i; k++) show(k, '-');
        if (on.has('o') && !on.has('v')) {
          re.lastIndex = 0;
          for (const m of all[i]!.matchAll(re)) if (m[0]) stdout += `${name}${on.has('n') ? `${i + 1}:` : ''}${m[0]}\n`;
          lastPrinted = i;
        } else show(i, ':');
        pendingAfter = after;
      } else if (pendingAfter > 0) {
        pendingAfter--;
        show(i, '-');
      }
    }
  }
  // An error makes the status 2, unless -q found a match.
  return { stdout, stderr: errors, code: errors && !(on.has('q') && matchedAny) ? 2 : matchedAny ? 0 : 1 };
}
