// What a kubectl verb receives: the parsed flags, the resolved namespace, and the session.
import type { ClusterState } from '../../engine/index.ts';
import type { CommandInput, CommandOutput } from '../types.ts';
import { flag, isSet, type ParsedFlags } from './flags.ts';

export interface KubectlContext {
  input: CommandInput;
  state: ClusterState;
  flags: ParsedFlags;
  /** `-n`, else `default`. */
  namespace: string;
  /** Whether `-n` was given explicitly. */
  namespaceGiven: boolean;
  allNamespaces: boolean;
}

export function makeContext(input: CommandInput, flags: ParsedFlags): KubectlContext {
  const ns = flag(flags, 'namespace');
  return {
    input,
    state: input.state,
    flags,
    namespace: ns ?? 'default',
    namespaceGiven: ns !== undefined,
    allNamespaces: isSet(flags, 'all-namespaces'),
  };
}

export type Verb = (ctx: KubectlContext) => CommandOutput;

/** Joins output lines into text with a trailing newline (or nothing). */
export function lines(list: readonly string[]): string {
  return list.length ? list.join('\n') + '\n' : '';
}
