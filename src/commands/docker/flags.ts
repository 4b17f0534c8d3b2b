// The docker CLI's flag handling: short flags combine (`-it`, `-dit`), values follow with a space
// or `=`, and for `run` and `exec` the first positional ends the flags (what follows is the command).
export interface DockerFlagSpec {
  /** Flags without a value, long names and single letters. */
  bool: readonly string[];
  /** Flags that take a value; repeated ones collect every value. */
  value: readonly string[];
  /** `run`/`exec`: stop at the first positional. */
  stopAtPositional?: boolean;
}

export type ParsedDockerFlags = { ok: true; flags: Map<string, string[]>; positional: string[] } | { ok: false; error: string };

export function parseDockerFlags(args: readonly string[], spec: DockerFlagSpec): ParsedDockerFlags {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const set = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (spec.bool.includes(name)) set(name, eq > 0 ? a.slice(eq + 1) : 'true');
      else if (spec.value.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
        set(name, value);
      } else return { ok: false, error: `unknown flag: --${name}` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j]!;
        if (spec.bool.includes(letter)) set(letter, 'true');
        else if (spec.value.includes(letter)) {
          const rest = a.slice(j + 1).replace(/^=/, '');
          const value = rest || args[++i];
          if (value === undefined) return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
          set(letter, value);
          break;
        } else return { ok: false, error: `unknown shorthand flag: '${letter}' in ${a}` };
      }
      continue;
    }
    positional.push(a);
    if (spec.stopAtPositional) {
      positional.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, flags, positional };
}

/** The value of a flag known by a long and a short name (last one wins, as in pflag). */
export function flagValue(flags: Map<string, string[]>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = flags.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}

export function flagValues(flags: Map<string, string[]>, ...names: string[]): string[] {
  return names.flatMap((n) => flags.get(n) ?? []);
}

export const hasFlag = (flags: Map<string, string[]>, ...names: string[]) => names.some((n) => flags.get(n)?.some((v) => v !== 'false'));
