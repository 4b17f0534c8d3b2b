// run.sh replays the session's commands on kind, in the order they ran, so a teacher's demo runs
// there as it ran in the playground. The session's lines are bash already (heredocs, variables,
// loops), so they run as written; an editor Apply becomes `kubectl apply -f -` with the editor's
// text in a quoted heredoc. What only means something inside the simulator (`kubesim`, the
// simulated Docker host, `sudo` on it) stays a comment that says why, with the kind equivalent
// when there is one.
import { parseManifestText } from '../../engine/index.ts';
import { parseScript } from '../script/parse-script.ts';

/**
 * One entry of a session's history: a command line as typed (a script's command, heredoc body
 * included), or an action the browser recorded (the store's UserAction, by shape: the engine's
 * side must not import the store).
 */
export type SessionEntry =
  | string
  | { type: 'apply' | 'delete'; text: string; only?: readonly number[] }
  | { type: 'command'; line: string; before?: string; file?: string }
  /** A line typed into the interactive process the command before opened (`kubectl exec -it POD -- sh`), or a key. */
  | { type: 'interactive'; line: string; key?: 'eof' | 'interrupt' };

export interface ReplayContext {
  /** Simulated node name → the kind node standing for it. */
  kindNames: ReadonlyMap<string, string>;
  /** Zone → the kind nodes labelled with it. */
  zoneNodes: ReadonlyMap<string, readonly string[]>;
}

/** The run.sh lines that replay `history`. */
export function replayLines(history: readonly SessionEntry[], ctx: ReplayContext): string[] {
  const out: string[] = [];
  // Lines typed into a process, taken with the command that opened it.
  const taken = new Set<number>();
  for (const [i, entry] of history.entries()) {
    if (typeof entry === 'string') out.push(...commandLines(entry, ctx));
    else if (entry.type === 'interactive') {
      // After another command that ran meanwhile (the canvas's): no longer part of one exec.
      if (!taken.has(i) && !entry.key) out.push(`#   typed in the shell opened above: ${entry.line}`.trimEnd());
    } else if (entry.type === 'command') {
      // The editor's text was the terminal's manifest.yaml when this line read it.
      if (entry.file !== undefined) out.push(...heredoc('cat > manifest.yaml', entry.file));
      // The lines typed since the last recorded action (read-only ones, `NS=lab`): they ran first.
      if (entry.before) out.push(...splitCommands(entry.before).flatMap((c) => commandLines(c, ctx)));
      const typed = opensTerminal(entry.line) ? typedInto(history, i + 1, taken) : undefined;
      out.push(...(typed ? interactiveLines(entry.line, typed, ctx) : commandLines(entry.line, ctx)));
    } else {
      const text = renameNodes(entry.only ? documentsOf(entry.text, entry.only) : entry.text, ctx);
      out.push(`# The editor's ${entry.type === 'apply' ? 'Apply' : 'Delete'}${entry.only ? ` (document ${entry.only.map((i) => i + 1).join(', ')})` : ''}:`);
      out.push(...heredoc(`kubectl ${entry.type} -f -`, text));
    }
  }
  return out;
}

/** Whether any line of `lines` would run (not a comment or blank). */
export function runsAnything(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() !== '' && !l.startsWith('#'));
}

/**
 * `CMD <<'EOF'`, the text, `EOF`: the quoted delimiter keeps `$` and backquotes literal, and it is
 * lengthened until no line of the text equals it, so the text cannot end the heredoc early.
 */
export function heredoc(command: string, text: string): string[] {
  const body = text.replace(/\n$/, '');
  const lines = body.split('\n');
  let delim = 'EOF';
  while (lines.includes(delim)) delim += '_';
  return [`${command} <<'${delim}'`, ...(body === '' ? [] : lines), delim];
}

// ---- interactive processes ----

/**
 * Whether a recorded line is one that opens an interactive process at the terminal: kubectl's
 * or docker's exec (or docker run) with `-i` and `-t` in any spelling.
 */
function opensTerminal(line: string): boolean {
  const words = line.trim().split(/\s+/);
  const end = words.indexOf('--');
  const flags = end < 0 ? words : words.slice(0, end);
  const letters = flags.filter((w) => /^-[A-Za-z]+$/.test(w)).join('');
  const stdin = letters.includes('i') || flags.includes('--stdin') || flags.includes('--interactive');
  const tty = letters.includes('t') || flags.includes('--tty');
  return (words[0] === 'kubectl' || words[0] === 'docker') && (flags.includes('exec') || flags.includes('run')) && stdin && tty;
}

/** The lines typed into the process the command at `from - 1` opened (the entries right after it), or undefined when there are none. */
function typedInto(history: readonly SessionEntry[], from: number, taken: Set<number>): string[] | undefined {
  const lines: string[] = [];
  let any = false;
  for (let i = from; i < history.length; i++) {
    const e = history[i]!;
    if (typeof e === 'string' || e.type !== 'interactive') break;
    taken.add(i);
    any = true;
    if (e.key === 'eof') break;
    // Ctrl-C threw away an unfinished command: the lines since the last whole one go with it.
    if (e.key === 'interrupt') while (lines.length > 0 && !isWholeScript(lines)) lines.pop();
    else lines.push(e.line);
  }
  return any ? lines : undefined;
}

function isWholeScript(lines: readonly string[]): boolean {
  return parseScript(lines.join('\n')).ok;
}

/** The one-word shells whose typed lines can be handed over as `sh -c '…'`. */
const SHELL_WORD = /^(?:\/(?:usr\/)?bin\/)?(?:sh|ash|bash|dash)$/;

/**
 * A real cluster's version of an interactive session: kubectl with no terminal runs the same
 * lines in one go. A shell gets them as `sh -c '<lines>'` (its stdin stays empty, so a line that
 * reads stdin does not eat the next ones); any other program gets them on stdin (`-i`, a quoted
 * heredoc). `exit 3` stays among the lines, so the status is the same.
 */
function interactiveLines(opener: string, typed: readonly string[], ctx: ReplayContext): string[] {
  const m = /^(\s*kubectl\s.*?)\s--\s+(.*)$/.exec(opener);
  if (opener.includes('\n') || !m || !/\sexec\s/.test(` ${m[1]} `)) {
    // docker's processes ran on the simulated Docker host: the opener is a comment, so are its lines.
    return [...commandLines(opener, ctx), ...typed.map((l) => `#   typed in it: ${l}`.trimEnd())];
  }
  const words = m[1]!.trim().split(/\s+/).filter((w) => !/^(?:-it|-ti|-i|-t|--stdin(?:=true)?|--tty(?:=true)?)$/.test(w));
  const head = renameNodes(words.join(' '), ctx);
  const program = m[2]!.trim();
  const note = `# typed at the prompt of: ${opener.trim()}`;
  if (SHELL_WORD.test(program)) return [note, `${head} -- ${program} -c ${singleQuoted(typed.join('\n'))}`];
  return [note, ...heredoc(`${head.replace(/^(\s*kubectl\s+exec)\b/, '$1 -i')} -- ${program}`, typed.join('\n'))];
}

/** bash's single quotes: nothing inside is special; a `'` is closed, escaped and reopened. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// ---- command lines ----

/** A simulator-only command word where a command starts (line start, after ; & | ( and shell keywords). */
const SIMULATOR_ONLY = /(?:^|[;&|(`]|\b(?:do|then|else|elif|if|while|until|time)\s|!\s)\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(kubesim|docker|sudo)(?=\s|;|$)/m;

function commandLines(command: string, ctx: ReplayContext): string[] {
  const text = command.replace(/\n$/, '');
  const word = SIMULATOR_ONLY.exec(commandPart(text))?.[1];
  if (!word) return renameNodes(text, ctx).split('\n');
  return [...text.split('\n').map((l) => `# ${l}`.trimEnd()), `#   (${whySimulatorOnly(word, text, ctx)})`];
}

/** A text of several command lines, one command each (a heredoc or loop is one), as a script's are split. */
function splitCommands(text: string): string[] {
  const parsed = parseScript(text);
  return parsed.ok ? parsed.commands.map((c) => c.echo) : [text];
}

/** The command's own lines: up to the line that opens a heredoc (its body is data, not commands). */
function commandPart(text: string): string {
  const lines = text.split('\n');
  const opener = lines.findIndex((l) => /<<-?\s*['"]?[A-Za-z_]/.test(l));
  return opener < 0 ? text : lines.slice(0, opener + 1).join('\n');
}

function whySimulatorOnly(word: string, text: string, ctx: ReplayContext): string {
  if (word === 'docker') return "simulator only: docker ran on the playground's simulated Docker host; kind's nodes are containers of your Docker, with other contents";
  if (word === 'sudo') return "simulator only: sudo ran as root on the playground's simulated Docker host";
  const args = text.trim().split(/\s+/);
  const [, noun, verb, ...names] = args;
  const nodesOf = (): string[] | undefined => {
    if (noun === 'node') {
      const kind = names.map((n) => ctx.kindNames.get(n));
      return kind.every((k): k is string => k !== undefined) && kind.length > 0 ? kind : undefined;
    }
    if (noun === 'zone' && names.length === 1) return ctx.zoneNodes.get(names[0]!)?.slice();
    return undefined;
  };
  if (args[0] === 'kubesim' && !text.includes('\n')) {
    const nodes = nodesOf();
    // A node's machine switched off is a kind node's container stopped: README.md says how it differs.
    if (nodes && nodes.length > 0 && (verb === 'fail' || verb === 'down')) return `simulator only; on kind the closest is: docker stop ${nodes.join(' ')}`;
    if (nodes && nodes.length > 0 && (verb === 'recover' || verb === 'up')) return `simulator only; on kind the closest is: docker start ${nodes.join(' ')}`;
    if (noun === 'explain') return 'simulator only; on kind, read kubectl describe and the events instead';
  }
  return "simulator only: kubesim is the playground's own command";
}

/**
 * kind names its nodes itself (kind-control-plane, kind-worker, …): a simulated node's name in a
 * command or manifest (`kubectl cordon worker-a1`, `nodeName:`) is replaced by its kind node's.
 */
function renameNodes(text: string, ctx: ReplayContext): string {
  let out = text;
  for (const [sim, kind] of ctx.kindNames) {
    if (sim === kind) continue;
    out = out.replace(new RegExp(`(?<![A-Za-z0-9._-])${sim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g'), kind);
  }
  return out;
}

/** The documents `only` picks from an editor text (indexes as the engine counts them: non-blank documents). */
function documentsOf(text: string, only: readonly number[]): string {
  const lines = text.split('\n');
  const docs = parseManifestText(text).filter((d) => only.includes(d.index));
  return docs.map((d) => lines.slice(d.startLine - 1, d.endLine).join('\n')).join('\n---\n');
}
