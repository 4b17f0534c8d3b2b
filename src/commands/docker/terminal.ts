// Whether docker's stdin and stdout are a terminal. A script run by `kubesim run` has none, as a
// script run from cron or CI has none: `docker run -it` refuses ("the input device is not a
// TTY") and `docker cp` prints no progress. The browser terminal is one, and the host says so.
import type { CommandInput } from '../types.ts';

export function isTerminal(input: CommandInput): boolean {
  return input.host?.browserTerminal === true;
}
