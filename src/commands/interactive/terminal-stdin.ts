// Whether a command given `-i` and `-t` gets the terminal itself, and so starts an interactive
// process (launch.ts) instead of running once on its input.
import type { CommandInput } from '../types.ts';

/**
 * Only in the browser terminal, and only with nothing redirected into the command: a
 * here-document or a pipe is not a terminal (the tools then say so, or refuse, as in `kubesim
 * run`). The host shell gives a command with nothing redirected an empty stdin, so an empty
 * here-document counts as the terminal too.
 */
export function stdinIsTerminal(input: CommandInput): boolean {
  return input.host?.browserTerminal === true && (input.stdin ?? '') === '';
}
