// The prompt an interactive shell prints: PS1 (PS2 while a command is unfinished) with the
// backslash escapes bash and busybox's line editor decode (`\w` the cwd with $HOME as `~`, `\W`
// its last part, `\u`, `\h` up to the first dot, `\H`, `\$` `#` for root, `\n`, `\\`), then
// parameter expansion as all three shells do (`${debian_chroot:+(…)}`). dash decodes no
// backslash escapes. Command substitution in a prompt is not run here (it prints nothing).
import type { DialectName } from './dialect.ts';
import type { WordPart } from './ast.ts';
import { expandString, type Expander } from './expand.ts';
import { parseShell } from './parse.ts';

/** The defaults each shell starts with for root: Debian's bash.bashrc, dash's, busybox's FANCY_PROMPT. */
export const DEFAULT_PS1: Record<DialectName, string> = {
  bash: '${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ ',
  dash: '# ',
  ash: '\\w \\$ ',
};
export const DEFAULT_PS2 = '> ';

export interface PromptEnv {
  dialect: DialectName;
  cwd: string;
  hostname: string;
  /** A variable's value (exported or not), or undefined when unset. */
  lookup(name: string): string | undefined;
  /** `$?`. */
  lastCode: number;
  argv0: string;
}

export function renderPrompt(ps: string, env: PromptEnv): string {
  const decoded = env.dialect === 'dash' ? quoteForDouble(ps, false) : decodeEscapes(ps, env);
  return expandPrompt(decoded, env) ?? ps;
}

/** `\w`: the cwd with the home directory shown as `~` (not a longer name sharing its prefix). */
function tildeCwd(cwd: string, home: string | undefined): string {
  if (home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) return `~${cwd.slice(home.length)}`;
  return cwd;
}

/** The escapes, each result quoted so the expansion after leaves it as it is. */
function decodeEscapes(ps: string, env: PromptEnv): string {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\' || i === ps.length - 1) {
      // A backslash ending the prompt is printed as it is.
      out += quoteForDouble(c, c === '\\');
      continue;
    }
    const e = ps[++i]!;
    let text: string | undefined;
    switch (e) {
      case 'w':
        text = tildeCwd(env.cwd, env.lookup('HOME'));
        break;
      case 'W': {
        const w = tildeCwd(env.cwd, env.lookup('HOME'));
        // bash shows `/` at the root; busybox's line editor shows what follows the last `/`: nothing.
        text = w === '/' ? (env.dialect === 'bash' ? '/' : '') : w.slice(w.lastIndexOf('/') + 1);
        break;
      }
      case 'u':
        text = 'root';
        break;
      case 'h':
        text = env.hostname.split('.')[0]!;
        break;
      case 'H':
        text = env.hostname;
        break;
      case '$':
        text = '#';
        break;
      case 's':
        text = env.argv0.slice(env.argv0.lastIndexOf('/') + 1);
        break;
      case 'n':
        text = '\n';
        break;
      case '\\':
        text = '\\';
        break;
      case '[':
      case ']':
        text = '';
        break;
      default:
        text = `\\${e}`;
    }
    out += quoteForDouble(text, true);
  }
  return out;
}

/** Text to put between double quotes: `"` always escaped; `$`, `` ` `` and `\` too when it is literal output. */
function quoteForDouble(text: string, literal: boolean): string {
  return literal ? text.replace(/[\\$`"]/g, '\\$&') : text.replace(/"/g, '\\"');
}

function expandPrompt(text: string, env: PromptEnv): string | undefined {
  const parsed = parseShell(`: "${text}"`, { bashisms: true });
  if (!parsed.ok) return undefined;
  const cmd = parsed.program.list[0]?.first.commands[0];
  if (!cmd || cmd.k !== 'simple' || cmd.words.length !== 2) return undefined;
  try {
    return expandString(cmd.words[1]!, promptExpander(env));
  } catch {
    return undefined;
  }
}

function promptExpander(env: PromptEnv): Expander {
  return {
    lookup: (name) => env.lookup(name),
    assign: () => undefined,
    positional: () => [],
    special: (name) => (name === '?' ? String(env.lastCode) : name === '0' ? env.argv0 : name === '$' ? '1' : name === '#' ? '0' : undefined),
    substitute: (_part: WordPart & { k: 'cmd' }) => '',
    home: () => env.lookup('HOME') ?? '/',
    list: () => undefined,
    fatal: (message) => {
      throw new Error(message);
    },
    arithFailure: (err) => {
      throw err;
    },
  };
}
