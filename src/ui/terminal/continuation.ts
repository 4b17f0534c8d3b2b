// Whether the lines typed so far are a whole command, or bash would print its `> ` prompt and
// read another line. The rule lives in the engine (a shell inside a container asks it too), so
// the terminal, `kubesim run` (parse-script.ts) and container shells split commands the same way.
export { needsMoreLines } from '../../engine/shell/continuation.ts';
