// `tee [-a] [-i] FILE…`: copies its input to standard output and to each file (truncated first,
// appended to with -a). A file it cannot open is reported as busybox and coreutils both word it,
// `tee: PATH: REASON`, and makes the status 1; the input still reaches the others and stdout.
import type { ShellResult } from './interpreter.ts';
import type { CommandIO } from './commands.ts';
import { fsMessage } from './messages.ts';

export function tee(args: string[], io: CommandIO): ShellResult {
  let append = false;
  const files: string[] = [];
  let options = true;
  for (const a of args) {
    if (options && a === '--') options = false;
    else if (options && /^-[ai]+$/.test(a)) append ||= a.includes('a');
    else files.push(a);
  }
  // Reading stdin consumes it: once, for every file and stdout.
  const input = io.stdin;
  let stderr = '';
  for (const f of files) {
    const r = io.ctx.fs.write(io.resolve(f), input, append);
    if (!r.ok) stderr += `tee: ${f}: ${fsMessage(r.code)}\n`;
  }
  return { stdout: input, stderr, code: stderr ? 1 : 0 };
}
