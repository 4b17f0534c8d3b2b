// labels.Parse (apimachinery v0.34 pkg/labels/selector.go) as `?labelSelector=` reads it: the
// requirements it yields, the messages it fails with, and how the requirements match labels.
import { describe, expect, it } from 'vitest';
import { parseSelector, requirementMatches, selectorMatches } from './labels.ts';
import { goQuote } from './go-strings.ts';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NOT_INTEGER = "for 'Gt', 'Lt' operators, the value must be an integer";
const OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const error = (text: string) => {
  const r = parseSelector(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to fail`);
  return r.error;
};
const requirements = (text: string) => {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(r.error);
  return r.requirements;
};

describe('parseSelector: accepted selectors', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['a', [{ key: 'a', operator: 'Exists' }]],
    ['foo', [{ key: 'foo', operator: 'Exists' }]],
    ['!a', [{ key: 'a', operator: 'DoesNotExist' }]],
    ['a=b', [{ key: 'a', operator: 'In', values: ['b'] }]],
    ['a==b', [{ key: 'a', operator: 'In', values: ['b'] }]],
    ['a!=b', [{ key: 'a', operator: 'NotIn', values: ['b'] }]],
    ['a=', [{ key: 'a', operator: 'In', values: [''] }]],
    ['a!=', [{ key: 'a', operator: 'NotIn', values: [''] }]],
    ['a=,b', [{ key: 'a', operator: 'In', values: [''] }, { key: 'b', operator: 'Exists' }]],
    ['a notin (x,y)', [{ key: 'a', operator: 'NotIn', values: ['x', 'y'] }]],
    // Values come out sorted and without duplicates (sets.String.List()).
    ['a in (c,b,c)', [{ key: 'a', operator: 'In', values: ['b', 'c'] }]],
    // Empty entries are the empty value: `()`, `(,)`, `(b,)`, `(b,,c)`.
    ['a in ()', [{ key: 'a', operator: 'In', values: [''] }]],
    ['a in (,)', [{ key: 'a', operator: 'In', values: [''] }]],
    ['a in (b,)', [{ key: 'a', operator: 'In', values: ['', 'b'] }]],
    ['a in (b,,c)', [{ key: 'a', operator: 'In', values: ['', 'b', 'c'] }]],
    // `in` and `notin` are plain words where a key or value is expected.
    ['x in (in)', [{ key: 'x', operator: 'In', values: ['in'] }]],
    ['in notin (notin)', [{ key: 'in', operator: 'NotIn', values: ['notin'] }]],
    ['a>1', [{ key: 'a', operator: 'Gt', values: ['1'] }]],
    ['example.com/app=x', [{ key: 'example.com/app', operator: 'In', values: ['x'] }]],
    ['app.kubernetes.io/name in (web, db)', [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['db', 'web'] }]],
    ['My_Key.1=Val-2.x', [{ key: 'My_Key.1', operator: 'In', values: ['Val-2.x'] }]],
  ])('%j', (text, expected) => {
    expect(requirements(text)).toEqual(expected);
  });

  it('reads whitespace (space, tab, CR, LF) around every token', () => {
    expect(requirements(' a = b ,\tc\n!= d\r, e in ( x , y ) , ! f ')).toEqual([
      { key: 'a', operator: 'In', values: ['b'] },
      { key: 'c', operator: 'NotIn', values: ['d'] },
      { key: 'e', operator: 'In', values: ['x', 'y'] },
      { key: 'f', operator: 'DoesNotExist' },
    ]);
  });

  it('sorts the requirements by key, keeping the order of one key', () => {
    expect(requirements('z=1,a=2,m,a!=3').map((r) => `${r.key} ${r.operator} ${r.values ?? ''}`)).toEqual(['a In 2', 'a NotIn 3', 'm Exists ', 'z In 1']);
  });

  it('stops at a NUL as Go reads it: the end of a word, or the end when a token would start', () => {
    expect(requirements('a=b\0,c=d')).toEqual([
      { key: 'a', operator: 'In', values: ['b'] },
      { key: 'c', operator: 'In', values: ['d'] },
    ]);
    expect(requirements('a=b \0,c=d')).toEqual([{ key: 'a', operator: 'In', values: ['b'] }]);
  });
});

describe('parseSelector: the API server messages', () => {
  it.each([
    // Syntax errors inside one requirement are wrapped; those between requirements are not.
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b,c', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a in', "unable to parse requirement: found '' expected: '('"],
    ['a notin b', "unable to parse requirement: found 'b' expected: '('"],
    ['!!', "unable to parse requirement: found '!', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a>=1', "unable to parse requirement: found '=', expected: identifier"],
    ['a b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`],
    ['a!b', `unable to parse requirement: found '!', expected: ${OPERATORS}`],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a==b==c', "found '==', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a in (b))', "found ')', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a=b,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['=', "found '=', expected: !, identifier, or 'end of string'"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    // gt/lt take one integer (strconv.ParseInt, int64).
    ['a<x', `unable to parse requirement: values[0]: Invalid value: "x": ${NOT_INTEGER}`],
    ['a>', `unable to parse requirement: values[0]: Invalid value: "": ${NOT_INTEGER}`],
    ['a>1.5', `unable to parse requirement: values[0]: Invalid value: "1.5": ${NOT_INTEGER}`],
    ['a>9223372036854775808', `unable to parse requirement: values[0]: Invalid value: "9223372036854775808": ${NOT_INTEGER}`],
    // Keys: validation.IsQualifiedName, reported with no field path (Go prints a nil path as <nil>).
    ['-a=b', `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART}`],
    ['a-', `unable to parse requirement: <nil>: Invalid value: "a-": ${NAME_PART}`],
    ['!_x', `unable to parse requirement: <nil>: Invalid value: "_x": ${NAME_PART}`],
    [`${'k'.repeat(64)}=v`, `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`],
    ['/a', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a/', `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${NAME_PART}`],
    [
      'Example.com/a',
      "unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'a/b/c',
      "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
    // The key is checked before what follows it.
    ['-a in (b', `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART}`],
    // Values: IsValidLabelValue, at values[i][key]. A backslash is no escape here.
    ['a=b@c', `unable to parse requirement: values[0][a]: Invalid value: "b@c": ${LABEL_VALUE}`],
    ['a=b\\,c', `unable to parse requirement: values[0][a]: Invalid value: "b\\\\": ${LABEL_VALUE}`],
    ['a>-1', `unable to parse requirement: values[0][a]: Invalid value: "-1": ${LABEL_VALUE}`],
    [`a=${'v'.repeat(64)}`, `unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    // Several errors are listed in brackets, in sorted value order, gt/lt checks first.
    [
      'a in (y@,x@)',
      `unable to parse requirement: [values[0][a]: Invalid value: "x@": ${LABEL_VALUE}, values[1][a]: Invalid value: "y@": ${LABEL_VALUE}]`,
    ],
    ['a<b@', `unable to parse requirement: [values[0]: Invalid value: "b@": ${NOT_INTEGER}, values[0][a]: Invalid value: "b@": ${LABEL_VALUE}]`],
    // The first failing requirement wins, in the order written (sorting comes after).
    ['z=@,a=@', `unable to parse requirement: values[0][z]: Invalid value: "@": ${LABEL_VALUE}`],
    // A NUL ends a word but not the input.
    ['a\0b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`],
    // Go's %q: non-printable characters are escaped, printable ones kept.
    ['a\u00a0b', `unable to parse requirement: <nil>: Invalid value: "a\\u00a0b": ${NAME_PART}`],
    ['é=1', `unable to parse requirement: <nil>: Invalid value: "é": ${NAME_PART}`],
    ['a"b', `unable to parse requirement: <nil>: Invalid value: "a\\"b": ${NAME_PART}`],
  ])('%j', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('accepts gt/lt bounds that are integers and label values (so never negative)', () => {
    expect(requirements('a<10,b>0')).toEqual([
      { key: 'a', operator: 'Lt', values: ['10'] },
      { key: 'b', operator: 'Gt', values: ['0'] },
    ]);
    expect(requirements('a>9223372036854775807')).toEqual([{ key: 'a', operator: 'Gt', values: ['9223372036854775807'] }]);
  });
});

describe('goQuote (Go %q)', () => {
  it.each([
    ['plain', '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\t\n\x01\x7f', '"\\t\\n\\x01\\x7f"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
    ['é😀', '"é😀"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (s, quoted) => {
    expect(goQuote(s)).toBe(quoted);
  });
});

describe('matching parsed selectors', () => {
  const matches = (text: string, labels: Record<string, string>) => selectorMatches({ matchExpressions: requirements(text) }, labels);

  it('equality, inequality and sets', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app=web', { app: 'db' })).toBe(false);
    expect(matches('app=web', {})).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('app!=web', { app: 'web' })).toBe(false);
    expect(matches('tier in (a,b)', { tier: 'b' })).toBe(true);
    expect(matches('tier notin (a,b)', { tier: 'b' })).toBe(false);
    expect(matches('tier notin (a,b)', {})).toBe(true);
    expect(matches('a in ()', { a: '' })).toBe(true);
    expect(matches('a in ()', {})).toBe(false);
    expect(matches('a=', { a: '' })).toBe(true);
  });

  it('existence', () => {
    expect(matches('env', { env: '' })).toBe(true);
    expect(matches('env', {})).toBe(false);
    expect(matches('!canary', {})).toBe(true);
    expect(matches('!canary', { canary: 'true' })).toBe(false);
    expect(matches('', { any: 'x' })).toBe(true);
  });

  it('gt and lt compare int64 values and never match a label that is not one', () => {
    expect(matches('n>1', { n: '2' })).toBe(true);
    expect(matches('n>1', { n: '1' })).toBe(false);
    expect(matches('n<1', { n: '-3' })).toBe(true);
    expect(matches('n<1', {})).toBe(false);
    expect(matches('n>1', { n: '2.5' })).toBe(false);
    expect(matches('n<5', { n: '' })).toBe(false);
    expect(matches('n<5', { n: '0x1' })).toBe(false);
    expect(matches('n>9223372036854775806', { n: '9223372036854775807' })).toBe(true);
    expect(matches('n>0', { n: '9223372036854775808' })).toBe(false);
    expect(requirementMatches({ key: 'n', operator: 'Gt', values: ['1', '2'] }, { n: '5' })).toBe(false);
  });

  it('all requirements must hold', () => {
    expect(matches('app=web,tier in (a,b),!canary', { app: 'web', tier: 'a' })).toBe(true);
    expect(matches('app=web,tier in (a,b),!canary', { app: 'web', tier: 'a', canary: '' })).toBe(false);
  });
});
