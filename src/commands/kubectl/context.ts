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
  return new Context(input, flags);
}

/**
 * A class rather than an object literal with a getter: one is made for every kubectl command,
 * and the getter then lives once on the prototype. The reader is made on first use only.
 */
class Context implements KubectlContext {
  readonly state: ClusterState;
  readonly namespace: string;
  readonly namespaceGiven: boolean;
  readonly allNamespaces: boolean;
  private reader: Reader | undefined;
  constructor(
    readonly input: CommandInput,
    readonly flags: ParsedFlags,
  ) {
    const ns = flag(flags, 'namespace');
    this.state = input.state;
    this.namespace = ns ?? 'default';
    this.namespaceGiven = ns !== undefined;
    this.allNamespaces = isSet(flags, 'all-namespaces');
  }
  get api(): Reader {
    return (this.reader ??= readerOf(this.input.state));
  }
}

export type Verb = (ctx: KubectlContext) => CommandOutput;

/** Joins output lines into text with a trailing newline (or nothing). */
export function lines(list: readonly string[]): string {
  return list.length ? list.join('\n') + '\n' : '';
}
