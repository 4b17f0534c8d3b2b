// Whether docker's stdin and stdout are a terminal. A script run by `kubesim run` has none, as a
// script run from cron or CI has none: `docker run -it` refuses ("the input device is not a
// TTY") and `docker cp` prints no progress. The browser terminal is one; the host marks it by
// offering the editor pane, which only the browser terminal has.
import type { CommandInput } from '../types.ts';

export function isTerminal(input: CommandInput): boolean {
  return input.host?.editorPane === true;
}
