// client-go's jsonpath, checked against what kubectl v1.32.4 printed for the same templates on the
// same object (fixtures-kubectl.json; util/jsonpath is unchanged in 1.34), plus properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonPath, JsonPathRuntimeError, JsonPathSyntaxError, goSharpV, goSprint, type GoValue } from './index.ts';
import { goFloat, goJson } from './go-values.ts';
import object from './fixtures-object.json';
import recorded from './fixtures-kubectl.json';

type Case = [template: string, stdout: string | null, kind: 'parse' | 'run' | null, message: string | null];

function run(template: string, data: GoValue, allowMissingKeys = true): { stdout?: string; parse?: string; run?: string } {
  let path: JsonPath;
  try {
    path = new JsonPath(template, { allowMissingKeys });
  } catch (err) {
    if (err instanceof JsonPathSyntaxError) return { parse: err.message };
    throw err;
  }
  try {
    return { stdout: path.execute(data) };
  } catch (err) {
    if (err instanceof JsonPathRuntimeError) return { run: err.message };
    throw err;
  }
}

describe('jsonpath as kubectl runs it', () => {
  it.each(recorded.cases as Case[])('%s', (template, stdout, kind, message) => {
    const got = run(template, object as GoValue);
    if (kind === null) expect(got).toEqual({ stdout });
    else expect(got).toEqual({ [kind]: message });
  });

  it('dumps the object with %#v as kubectl does after a failed template', () => {
    expect(goSharpV(object as GoValue)).toBe(recorded.sharpV);
  });

  it('prints floats as Go does: shortest digits, exponent from 1e6 and below 1e-4', () => {
    expect([2.5, 1234567.5, 0.00001, 0.0001, 123456.5, -0.5].map(goFloat)).toEqual(['2.5', '1.2345675e+06', '1e-05', '0.0001', '123456.5', '-0.5']);
  });

  it('escapes <, > and & in JSON as encoding/json does', () => {
    expect(goJson({ b: 'x<y>&', a: [1, 2.5] })).toBe('{"a":[1,2.5],"b":"x\\u003cy\\u003e\\u0026"}');
  });

  it('a missing key is an error only with --allow-missing-template-keys=false', () => {
    expect(run('{.metadata.nothing}', object as GoValue)).toEqual({ stdout: '' });
    expect(run('{.metadata.nothing}', object as GoValue, false)).toEqual({ run: 'nothing is not found' });
  });

  it('jsonpath-as-json prints each node as an indented JSON array', () => {
    expect(new JsonPath('{.spec.items[*].name}').execute(object as GoValue, true)).toBe('[\n    "x1",\n    "x2",\n    "x3"\n]\n');
  });

  it('a range over nothing still finds its end and goes on after it', () => {
    expect(run('{range .spec.none[*]}{.name}{end}after', object as GoValue)).toEqual({ stdout: 'after' });
  });

  it('fmt.Sprint of maps and lists, as custom columns print them', () => {
    expect(goSprint({ b: [1, 'x'], a: null })).toBe('map[a:<nil> b:[1 x]]');
  });
});

const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/);
const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean());

describe('jsonpath properties', () => {
  it('parses any string or refuses it with a JsonPathSyntaxError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '.', '?', '(', ')', '@', '"', "'", '\\', ':', ',', '*', 'a', '1', '-', ' ', '=', '<', '!') }), (text) => {
        try {
          new JsonPath(text);
        } catch (err) {
          expect(err).toBeInstanceOf(JsonPathSyntaxError);
        }
      }),
    );
  });

  it('text without braces prints as it is', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('{')), (text) => {
      expect(new JsonPath(text).execute({})).toBe(text);
    }));
  });

  it('a field path finds the value put there, printed as text', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 5 }), scalar, (path, value) => {
        let data: GoValue = value;
        for (const k of [...path].reverse()) data = { [k]: data };
        expect(new JsonPath(`{.${path.join('.')}}`).execute(data)).toBe(String(value));
      }),
    );
  });

  it('[*] and range/end see the same items in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => !s.includes(' ')), { maxLength: 8 }), (names) => {
        const data = { items: names.map((name) => ({ name })) };
        const joined = new JsonPath('{.items[*].name}').execute(data);
        const ranged = new JsonPath('{range .items[*]}{.name}{"\\n"}{end}').execute(data);
        expect(joined).toBe(names.join(' '));
        expect(ranged).toBe(names.map((n) => `${n}\n`).join(''));
      }),
    );
  });

  it('slices agree with Array.prototype.slice where Go accepts them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 10 }), fc.nat(10), fc.nat(10), (items, a, b) => {
        fc.pre(a < b && b <= items.length);
        expect(new JsonPath(`{.x[${a}:${b}]}`).execute({ x: items })).toBe(items.slice(a, b).join(' '));
      }),
    );
  });
});

describe('Go string order', () => {
  it('sorts map keys by code point, so a character above U+FFFF sorts after U+FFFF', () => {
    expect(goSprint({ '\u{1F600}': 1, '\uFFFF': 2, b: 3, a: 4 })).toBe('map[a:4 b:3 \uFFFF:2 \u{1F600}:1]');
  });
});
