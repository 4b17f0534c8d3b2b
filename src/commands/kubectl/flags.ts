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

/** What parsing has gathered so far (a plain object passed around, not captured by closures: this runs for every command). */
interface Gathered {
  values: Record<string, string[]>;
  /** The first bad value's error, reported once the word is done. */
  bad: string | undefined;
}

function addValue(g: Gathered, spec: FlagSpec, v: string): void {
  const type = spec.type ?? (spec.value ? 'string' : 'bool');
  const problem = flagValueError(type, v);
  if (problem) {
    // pflag names the flag with its shorthand when it has one: "-w, --watch".
    const name = spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
    g.bad ??= `invalid argument ${goQuote(v)} for "${name}" flag: ${problem}`;
    return;
  }
  const value = type === 'bool' ? String(parseGoBool(v)) : v;
  const values = g.values;
  values[spec.long] = spec.repeat ? [...(values[spec.long] ?? []), value] : [value];
}

function byLong(specs: readonly FlagSpec[], name: string): FlagSpec | undefined {
  for (const s of specs) if (s.long === name) return s;
  return undefined;
}

function byShort(specs: readonly FlagSpec[], letter: string, switchOnly: boolean): FlagSpec | undefined {
  for (const s of specs) if (s.short === letter && !(switchOnly && s.value)) return s;
  return undefined;
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagResult {
  const args: string[] = [];
  const g: Gathered = { values: {}, bad: undefined };
  const values = g.values;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { ok: true, parsed: { args, values, rest: argv.slice(i + 1), argsAtDash: args.length } };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = byLong(specs, name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.value) {
        addValue(g, spec, eq < 0 ? 'true' : a.slice(eq + 1));
      } else if (eq >= 0) {
        addValue(g, spec, a.slice(eq + 1));
      } else if (spec.bare !== undefined) {
        addValue(g, spec, spec.bare);
      } else {
        if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: --${name}` };
        addValue(g, spec, argv[++i]!);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      const letter = a[1]!;
      const spec = byShort(specs, letter, false);
      if (!spec) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${a}` };
      if (!spec.value) {
        addValue(g, spec, 'true');
        // Combined switches (`-it`).
        for (const extra of a.slice(2)) {
          const s = byShort(specs, extra, true);
          if (!s) return { ok: false, error: `unknown shorthand flag: '${extra}' in ${a}` };
          addValue(g, s, 'true');
        }
      } else if (a.length > 2) {
        addValue(g, spec, a.slice(2).replace(/^=/, ''));
      } else {
        if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
        addValue(g, spec, argv[++i]!);
      }
    } else {
      args.push(a);
    }
    if (g.bad) return { ok: false, error: g.bad };
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
