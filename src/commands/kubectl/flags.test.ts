// pflag's ways of writing flags, as parseFlags reads them, and what a verb's context makes of them.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { makeContext } from './context.ts';
import { parseFlags, type FlagSpec } from './flags.ts';

const specs: FlagSpec[] = [
  { long: 'stdin', short: 'i', value: false },
  { long: 'tty', short: 't', value: false },
  { long: 'namespace', short: 'n', value: true },
  { long: 'filename', short: 'f', value: true, repeat: true },
  { long: 'all-namespaces', short: 'A', value: false },
];

describe('parseFlags', () => {
  it('reads combined switches, -nVALUE, -n=VALUE, -n VALUE, and repeats', () => {
    const r = parseFlags(['-it', 'web', '-nkube-system', '-f', 'a.yaml', '-f=b.yaml', '--filename', 'c.yaml'], specs);
    expect(r.ok && r.parsed).toEqual({ args: ['web'], values: { stdin: ['true'], tty: ['true'], namespace: ['kube-system'], filename: ['a.yaml', 'b.yaml', 'c.yaml'] }, rest: [] });
    expect(parseFlags(['-n=x'], specs)).toMatchObject({ ok: true, parsed: { values: { namespace: ['x'] } } });
  });

  it("refuses what pflag refuses, in pflag's words", () => {
    expect(parseFlags(['-iz'], specs)).toEqual({ ok: false, error: "unknown shorthand flag: 'z' in -iz" });
    // A value flag cannot ride in a group of switches.
    expect(parseFlags(['-in'], specs)).toEqual({ ok: false, error: "unknown shorthand flag: 'n' in -in" });
    expect(parseFlags(['--nope'], specs)).toEqual({ ok: false, error: 'unknown flag: --nope' });
    expect(parseFlags(['-n'], specs)).toEqual({ ok: false, error: "flag needs an argument: 'n' in -n" });
    expect(parseFlags(['--namespace'], specs)).toEqual({ ok: false, error: 'flag needs an argument: --namespace' });
    expect(parseFlags(['--stdin=maybe', '--tty=no'], specs)).toEqual({ ok: false, error: 'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax' });
  });
});

describe('makeContext', () => {
  it('resolves the namespace and makes one reader, on first use', () => {
    const state = createCluster({ preset: 'bare' });
    const parse = (argv: string[]) => {
      const r = parseFlags(argv, specs);
      if (!r.ok) throw new Error(r.error);
      return r.parsed;
    };
    const plain = makeContext({ state, argv: ['kubectl', 'get'], files: { read: () => undefined } }, parse([]));
    expect([plain.namespace, plain.namespaceGiven, plain.allNamespaces, plain.state]).toEqual(['default', false, false, state]);
    expect(plain.api).toBe(plain.api);
    const given = makeContext({ state, argv: ['kubectl', 'get'], files: { read: () => undefined } }, parse(['-n', 'kube-system', '-A']));
    expect([given.namespace, given.namespaceGiven, given.allNamespaces]).toEqual(['kube-system', true, true]);
  });
});
