// Whether the lines typed so far are a whole command, or a shell would print its PS2 (`> `) and
// read another line: an open `for … do`, `if`, `{`, quote, `$(`, a pipe or `&&` at the end, a
// here-document before its terminator, a trailing `\`. The shell's own parser decides, so the
// terminal, `kubesim run` and a shell inside a container split commands the same way.
import { parseShell } from './parse.ts';

export function needsMoreLines(text: string): boolean {
  const last = text.slice(text.lastIndexOf('\n') + 1);
  // An odd number of backslashes at the end escapes the newline.
  if (/(^|[^\\])(\\\\)*\\$/.test(last)) return true;
  if (text.trim() === '') return false;
  const parsed = parseShell(`${text}\n`, { bashisms: true });
  return !parsed.ok && parsed.error.incomplete === true;
}
