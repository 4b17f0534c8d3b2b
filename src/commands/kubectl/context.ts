// What a kubectl verb receives: the parsed flags, the resolved namespace, and the session.
import { readerOf, type ClusterState, type Reader } from '../../engine/index.ts';
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
  /** The API server's read door over this command's state: get and list go through it. */
  readonly api: Reader;
}

export function makeContext(input: CommandInput, flags: ParsedFlags): KubectlContext {
  const ns = flag(flags, 'namespace');
  let cached: Reader | undefined;
  return {
    input,
    state: input.state,
    flags,
    namespace: ns ?? 'default',
    namespaceGiven: ns !== undefined,
    allNamespaces: isSet(flags, 'all-namespaces'),
    get api() {
      return (cached ??= readerOf(input.state));
    },
  };
}

export type Verb = (ctx: KubectlContext) => CommandOutput;

/** Joins output lines into text with a trailing newline (or nothing). */
export function lines(list: readonly string[]): string {
  return list.length ? list.join('\n') + '\n' : '';
}
