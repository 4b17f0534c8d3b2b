// Where a container's main process stopped, as a program for the rest of it: when its `sleep` has
// not ended yet (interpreter.ts throws a BlockedSignal), each frame the signal passes through adds
// what that frame still had to do, innermost first: a list the items after the one running, a
// loop the rest of its body and then the loop again, an `if` still in its condition the rest of
// the condition and then the choice, `a && sleep 5 && b` the rest of the chain. Run later with the
// shell's state as it was (containers/main-process.ts), that program does exactly what the
// process would have done, reading the files as they are then: no replay. The pieces are AST
// nodes and strings, plain JSON, so the rest of a process can sit in a container's record.
//
// Frames that cannot be resumed this way (a pipeline, a subshell, `$( )`, a function call, `eval`,
// `. file`, a redirection whose file is written when its command ends) mark the point impossible;
// the caller then falls back to replaying the program from its start.
import type { AndOr, Command, List, Pipeline, Word } from './ast.ts';
import type { ShellContext } from './interpreter.ts';

/** A list run as one command (`{ …; }`): its status is the pipeline's. */
function groupOf(list: List): Command {
  return { k: 'group', body: list, subshell: false, redirects: [] };
}

function single(cmd: Command, negate = false): Pipeline {
  return { negate, commands: [cmd] };
}

const item = (cmd: Command): AndOr => ({ first: single(cmd), rest: [] });

const quoted = (text: string): Word => ({ parts: [{ k: 'lit', text, quoted: true }] });

export class ResumePoint {
  /** What is left to run once the sleep ends, in the shell `shell` (set at that shell's boundary). */
  rest: List = [];
  impossible = false;
  /** The shell the rest runs in; once set, frames of an outer shell may add nothing after it. */
  shell?: ShellContext;

  /** A frame that cannot be resumed: fall back to replay. */
  cannot(): void {
    this.impossible = true;
  }

  /** Items the enclosing frame runs after the current one. */
  then(items: List): void {
    if (items.length === 0 || this.impossible) return;
    if (this.shell) this.impossible = true;
    else this.rest = [...this.rest, ...items];
  }

  /** Replaces the rest with what an enclosing frame makes of it (a loop, an and-or chain). */
  wrap(make: (rest: List) => List): void {
    if (this.impossible) return;
    if (this.shell) this.impossible = true;
    else this.rest = make(this.rest);
  }

  /** The boundary of the shell running the program: the rest belongs to this one (the innermost). */
  atShell(ctx: ShellContext): void {
    this.shell ??= ctx;
  }

  /** The and-or chain `chain` stopped in its pipeline `at` (-1: the first): the rest, then the chain's remaining operators on its status. */
  andOr(chain: AndOr, at: number): void {
    const pipeline = at < 0 ? chain.first : chain.rest[at]!.pipeline;
    const remaining = chain.rest.slice(at + 1);
    if (remaining.length === 0 && !pipeline.negate) return;
    this.wrap((rest) => [{ first: single(groupOf(rest), pipeline.negate), rest: remaining }]);
  }

  /** A loop that stopped in its body: the rest of the body with the loop's break and continue, then the loop again. */
  loopBody(loop: Command & { k: 'loop' | 'for' }): void {
    this.wrap((rest) => [item({ k: 'resume-loop', rest, loop, redirects: [] })]);
  }

  /** A `while`/`until` that stopped in its condition: the rest of it decides whether the body runs. */
  loopCondition(loop: Command & { k: 'loop' }): void {
    this.wrap((rest) => {
      const cond: List = [{ first: single(groupOf(rest), loop.until), rest: [] }];
      return [item({ k: 'if', clauses: [{ cond, body: [item({ k: 'resume-loop', rest: loop.body, loop, redirects: [] })] }], redirects: [] })];
    });
  }

  /** An `if` that stopped in the condition of its clause `at`: that condition's rest, then the clauses after it. */
  ifCondition(cmd: Command & { k: 'if' }, at: number): void {
    this.wrap((rest) => {
      const clauses = [{ cond: [item(groupOf(rest))], body: cmd.clauses[at]!.body }, ...cmd.clauses.slice(at + 1)];
      return [item({ ...cmd, clauses, redirects: [] })];
    });
  }
}

/** A `for` over the words it has not reached yet, each as it was expanded. */
export function remainingFor(cmd: Command & { k: 'for' }, words: readonly string[]): Command & { k: 'for' } {
  return { ...cmd, items: words.map(quoted), redirects: [] };
}
