// kubectl's flag parsing (spf13/pflag): `--flag value`, `--flag=value`, `-n value`, `-nvalue`,
// boolean flags, `--` ending flags, and kubectl's error text for an unknown flag.

export interface FlagSpec {
  long: string;
  short?: string;
  /** Takes a value (string) rather than being a switch. */
  value: boolean;
  /** May be given several times (`-f a.yaml -f b.yaml`). */
  repeat?: boolean;
}

export interface ParsedFlags {
  args: string[];
  values: Record<string, string[]>;
  /** Words after `--` (kubectl exec's command). */
  rest: string[];
}

export type FlagResult = { ok: true; parsed: ParsedFlags } | { ok: false; error: string };

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagResult {
  const args: string[] = [];
  const values: Record<string, string[]> = {};
  const add = (spec: FlagSpec, v: string) => {
    values[spec.long] = spec.repeat ? [...(values[spec.long] ?? []), v] : [v];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { ok: true, parsed: { args, values, rest: argv.slice(i + 1) } };
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.value) {
        add(spec, eq < 0 ? 'true' : a.slice(eq + 1));
      } else if (eq >= 0) {
        add(spec, a.slice(eq + 1));
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
