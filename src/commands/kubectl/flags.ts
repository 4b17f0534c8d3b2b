// kubectl's flag parsing (spf13/pflag): `--flag value`, `--flag=value`, `-n value`, `-nvalue`,
// boolean flags, `--` ending flags, and kubectl's error text for an unknown flag or a bad value.
import { goQuote } from '../../engine/api/go-strings.ts';
import { flagValueError, parseGoBool, type FlagValueType } from './flag-values.ts';

export interface FlagSpec {
  long: string;
  short?: string;
  /** Takes a value (string) rather than being a switch. */
  value: boolean;
  /** May be given several times (`-f a.yaml -f b.yaml`). */
  repeat?: boolean;
  /** pflag's value type, checked as pflag parses (a switch is a bool; a value flag a string unless said). */
  type?: FlagValueType;
  /** pflag's NoOptDefVal: the value of a bare `--flag`, which then never takes the next word. */
  bare?: string;
}

export interface ParsedFlags {
  args: string[];
  values: Record<string, string[]>;
  /** Words after `--` (kubectl exec's command). */
  rest: string[];
  /** How many args came before `--` when there was one (cobra's ArgsLenAtDash; absent means no `--`). */
  argsAtDash?: number;
}

export type FlagResult = { ok: true; parsed: ParsedFlags } | { ok: false; error: string };

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagResult {
  const args: string[] = [];
  const values: Record<string, string[]> = {};
  let bad: string | undefined;
  const add = (spec: FlagSpec, v: string) => {
    const type = spec.type ?? (spec.value ? 'string' : 'bool');
    const problem = flagValueError(type, v);
    if (problem) {
      // pflag names the flag with its shorthand when it has one: "-w, --watch".
      const name = spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
      bad ??= `invalid argument ${goQuote(v)} for "${name}" flag: ${problem}`;
      return;
    }
    const value = type === 'bool' ? String(parseGoBool(v)) : v;
    values[spec.long] = spec.repeat ? [...(values[spec.long] ?? []), value] : [value];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { ok: true, parsed: { args, values, rest: argv.slice(i + 1), argsAtDash: args.length } };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.value) {
        add(spec, eq < 0 ? 'true' : a.slice(eq + 1));
      } else if (eq >= 0) {
        add(spec, a.slice(eq + 1));
      } else if (spec.bare !== undefined) {
        add(spec, spec.bare);
      } else {
        if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: --${name}` };
        add(spec, argv[++i]!);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      const letter = a[1]!;
      const spec = specs.find((s) => s.short === letter);
      if (!spec) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${a}` };
      if (!spec.value) {
        add(spec, 'true');
        // Combined switches (`-it`).
        for (const extra of a.slice(2)) {
          const s = specs.find((x) => x.short === extra && !x.value);
          if (!s) return { ok: false, error: `unknown shorthand flag: '${extra}' in ${a}` };
          add(s, 'true');
        }
      } else if (a.length > 2) {
        add(spec, a.slice(2).replace(/^=/, ''));
      } else {
        if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
        add(spec, argv[++i]!);
      }
    } else {
      args.push(a);
    }
    if (bad) return { ok: false, error: bad };
  }
  return { ok: true, parsed: { args, values, rest: [] } };
}

export function flag(parsed: ParsedFlags, long: string): string | undefined {
  return parsed.values[long]?.[0];
}

export function isSet(parsed: ParsedFlags, long: string): boolean {
  const v = flag(parsed, long);
  return v !== undefined && v !== 'false';
}
