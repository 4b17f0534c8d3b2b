// Checks on what the learner did: a command's output, an error having happened, a command having
// been used. They read the history of command lines, never the reference solution's text.
import type { CommandPattern, CommandRecord, Matcher } from '../types.ts';
import { describePattern, invocations, matchesPattern } from './commands.ts';
import type { CheckContext } from './context.ts';
import { hasMatcher, matchValue, type Outcome } from './matcher.ts';

function relevant(ctx: CheckContext, command: CommandPattern | undefined): readonly CommandRecord[] {
  return command ? ctx.history.filter((r) => invocations(r.text).some((i) => matchesPattern(i, command))) : ctx.history;
}

/** Some command's stdout (of a command like `command`, if given) is as asked. */
export function output(ctx: CheckContext, arg: { command?: CommandPattern } & Matcher): Outcome {
  const { command, ...m } = arg;
  const records = relevant(ctx, command);
  if (records.length === 0) return { ok: false, why: command ? `no \`${describePattern(command)}\` was run` : 'no command was run' };
  for (const r of records) if (matchValue({ found: true, value: r.stdout }, m).ok) return { ok: true };
  return { ok: false, why: `no command${command ? ` \`${describePattern(command)}\`` : ''} printed that` };
}

/** Some command failed (exit status not 0), with an error as asked on stderr. */
export function error(ctx: CheckContext, arg: { command?: CommandPattern } & Matcher): Outcome {
  const { command, ...m } = arg;
  const failed = relevant(ctx, command).filter((r) => r.exitCode !== 0);
  if (failed.length === 0) return { ok: false, why: `no command${command ? ` \`${describePattern(command)}\`` : ''} has failed` };
  if (!hasMatcher(m)) return { ok: true };
  for (const r of failed) if (matchValue({ found: true, value: r.stderr }, m).ok) return { ok: true };
  return { ok: false, why: 'no command failed with that error' };
}

export function used(ctx: CheckContext, pattern: CommandPattern): Outcome {
  return relevant(ctx, pattern).length > 0 ? { ok: true } : { ok: false, why: `\`${describePattern(pattern)}\` has not been run` };
}
