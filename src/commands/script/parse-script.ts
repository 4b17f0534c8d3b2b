// A kubesim script is what a learner would type, line by line: commands, `# comments`, blank
// lines, `\` continuations and heredocs (`<<EOF`, `<<'EOF'`, `<<-EOF`).

export interface ScriptCommand {
  /** 1-based line where the command starts. */
  line: number;
  /** The command line, continuations joined, without the heredoc body. */
  text: string;
  /** The heredoc body, if the command has one (what `-f -` reads). */
  stdin?: string;
  /** How the command is echoed: exactly as written, heredoc included. */
  echo: string;
}

export type ParseScriptResult = { ok: true; commands: ScriptCommand[] } | { ok: false; error: string; line: number };

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

export function parseScript(text: string): ParseScriptResult {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const commands: ScriptCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let current = lines[i]!;
    if (current.trim() === '' || current.trim().startsWith('#')) continue;
    const echo: string[] = [current];
    while (current.endsWith('\\') && i + 1 < lines.length) {
      i++;
      echo.push(lines[i]!);
      current = current.slice(0, -1) + ' ' + lines[i]!.trimStart();
    }
    const m = HEREDOC.exec(current);
    let stdin: string | undefined;
    if (m) {
      const [whole, dash, , delimiter] = m;
      const body: string[] = [];
      let closed = false;
      while (i + 1 < lines.length) {
        i++;
        echo.push(lines[i]!);
        const candidate = dash ? lines[i]!.replace(/^\t+/, '') : lines[i]!;
        if (candidate === delimiter) {
          closed = true;
          break;
        }
        body.push(candidate);
      }
      if (!closed) return { ok: false, error: `here-document at line ${start + 1} delimited by end-of-file (wanted \`${delimiter}')`, line: start + 1 };
      stdin = body.join('\n') + '\n';
      current = current.replace(whole, '').trimEnd();
    }
    commands.push({ line: start + 1, text: current.trim(), ...(stdin !== undefined ? { stdin } : {}), echo: echo.join('\n') });
  }
  return { ok: true, commands };
}
