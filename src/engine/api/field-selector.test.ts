// fields.ParseSelector (apimachinery v0.34 pkg/fields/selector.go) and the per-kind field label
// conversion, as `?fieldSelector=` is read: the requirements, the exact messages, the order.
import { describe, expect, it } from 'vitest';
import { strategyOf } from '../registry/index.ts';
import { fieldSelectorMatches, parseFieldSelector, parseFieldSelectorSyntax } from './field-selector.ts';
import type { AnyStored } from './objects.ts';

const syntax = (text: string) => parseFieldSelectorSyntax(text);
const DEFAULT_REFUSAL = (label: string) => `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`;

describe('parseFieldSelectorSyntax: accepted selectors', () => {
  it.each([
    ['', []],
    [',,', []],
    ['a=b', [{ field: 'a', op: '=', value: 'b' }]],
    ['a==b', [{ field: 'a', op: '=', value: 'b' }]],
    ['a!=b', [{ field: 'a', op: '!=', value: 'b' }]],
    ['a=', [{ field: 'a', op: '=', value: '' }]],
    ['a!=', [{ field: 'a', op: '!=', value: '' }]],
    // Empty terms (trailing, leading, doubled commas) are skipped.
    ['a=b,', [{ field: 'a', op: '=', value: 'b' }]],
    [',a=b,,', [{ field: 'a', op: '=', value: 'b' }]],
    // Escapes in values: \\ \, \= ; an escaped comma does not split terms.
    ['a=b\\,c', [{ field: 'a', op: '=', value: 'b,c' }]],
    ['a=b\\=c', [{ field: 'a', op: '=', value: 'b=c' }]],
    ['a=b\\\\c', [{ field: 'a', op: '=', value: 'b\\c' }]],
    ['a=b\\\\,c=d', [{ field: 'a', op: '=', value: 'b\\' }, { field: 'c', op: '=', value: 'd' }]],
    // The first operator splits: the field may hold `!` not followed by `=`.
    ['a!b=c', [{ field: 'a!b', op: '=', value: 'c' }]],
    // Nothing is trimmed: spaces belong to the field and the value.
    [' a = b ', [{ field: ' a ', op: '=', value: ' b ' }]],
    ['a=!x', [{ field: 'a', op: '=', value: '!x' }]],
    ['=v', [{ field: '', op: '=', value: 'v' }]],
  ])('%j', (text, expected) => {
    expect(syntax(text)).toEqual({ ok: true, requirements: expected });
  });

  it('sorts the terms (Go string order) before reading them', () => {
    expect(syntax('z=1,a=2,m!=3')).toEqual({
      ok: true,
      requirements: [
        { field: 'a', op: '=', value: '2' },
        { field: 'm', op: '!=', value: '3' },
        { field: 'z', op: '=', value: '1' },
      ],
    });
    // By code point: U+1F600 sorts after U+FFFD, unlike JavaScript's UTF-16 order.
    expect(syntax('x=\u{1f600},x=\ufffd')).toEqual({
      ok: true,
      requirements: [
        { field: 'x', op: '=', value: '\ufffd' },
        { field: 'x', op: '=', value: '\u{1f600}' },
      ],
    });
  });
});

describe('parseFieldSelectorSyntax: the API server messages', () => {
  it.each([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['a=1,foo', "invalid selector: 'a=1,foo'; can't understand 'foo'"],
    [' ', "invalid selector: ' '; can't understand ' '"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a!b', "invalid selector: 'a!b'; can't understand 'a!b'"],
    // An unescaped `=` or `,` in a value is reported as its code point.
    ['a==b==c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a!==b', 'invalid field selector: unescaped character in value: 61'],
    ['a\\=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b\\,c\\', 'invalid field selector: invalid escape sequence: \\'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=\\😀', 'invalid field selector: invalid escape sequence: \\😀'],
    // The first failing term in sorted order is reported, not the first written.
    ['b,a=x=y', 'invalid field selector: unescaped character in value: 61'],
    ['z=x=y,b', "invalid selector: 'z=x=y,b'; can't understand 'b'"],
  ])('%j', (text, message) => {
    expect(syntax(text)).toEqual({ ok: false, error: message });
  });
});

describe('parseFieldSelector: field labels per kind', () => {
  it('accepts the labels a kind converts', () => {
    expect(parseFieldSelector(strategyOf('Pod').fieldLabels, 'spec.nodeName=n1,status.phase!=Running')).toEqual({
      ok: true,
      requirements: [
        { field: 'spec.nodeName', op: '=', value: 'n1' },
        { field: 'status.phase', op: '!=', value: 'Running' },
      ],
    });
    expect(parseFieldSelector(strategyOf('PersistentVolumeClaim').fieldLabels, 'metadata.name=data,metadata.namespace=default').ok).toBe(true);
    expect(parseFieldSelector(strategyOf('Pod').fieldLabels, '').ok).toBe(true);
  });

  it.each([
    ['PersistentVolumeClaim', 'status.phase!=Bound', DEFAULT_REFUSAL('status.phase')],
    ['StorageClass', 'parameters.type=gp3', DEFAULT_REFUSAL('parameters.type')],
    ['ReplicaSet', 'status.replicas=0', DEFAULT_REFUSAL('status.replicas')],
    ['Pod', 'foo=bar', 'field label not supported: foo'],
    ['Node', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    // The field is not trimmed, so a space makes it unknown.
    ['PersistentVolumeClaim', 'metadata.name = a', DEFAULT_REFUSAL('metadata.name ')],
    ['PersistentVolumeClaim', '=a', DEFAULT_REFUSAL('')],
    // Labels are converted in sorted order, after the whole syntax is read.
    ['Pod', 'zz=1,aa=2', 'field label not supported: aa'],
  ] as const)('%s %j', (kind, text, message) => {
    expect(parseFieldSelector(strategyOf(kind).fieldLabels, text)).toEqual({ ok: false, error: message });
  });

  it('reports a syntax error before an unknown label, wherever it is', () => {
    expect(parseFieldSelector(strategyOf('Pod').fieldLabels, 'aa=1,zz')).toEqual({ ok: false, error: "invalid selector: 'aa=1,zz'; can't understand 'zz'" });
    expect(parseFieldSelector(strategyOf('Pod').fieldLabels, 'aa=1,zz=a=b')).toEqual({ ok: false, error: 'invalid field selector: unescaped character in value: 61' });
  });
});

describe('fieldSelectorMatches', () => {
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'web, 1', namespace: 'default' },
    spec: { nodeName: 'n1', containers: [] },
    status: { phase: 'Running' },
  } as unknown as AnyStored;
  const reqs = (text: string) => {
    const r = parseFieldSelector(strategyOf('Pod').fieldLabels, text);
    if (!r.ok) throw new Error(r.error);
    return r.requirements;
  };

  it('compares unescaped values', () => {
    expect(fieldSelectorMatches(pod, reqs('metadata.name=web\\, 1'))).toBe(true);
    expect(fieldSelectorMatches(pod, reqs('spec.nodeName=n1,status.phase!=Pending'))).toBe(true);
    expect(fieldSelectorMatches(pod, reqs('spec.nodeName!=n1'))).toBe(false);
    expect(fieldSelectorMatches(pod, reqs(''))).toBe(true);
  });

  it('reads an unset field as "" (status.podIPs is accepted but never set)', () => {
    expect(fieldSelectorMatches(pod, reqs('status.podIPs=10.0.0.1'))).toBe(false);
    expect(fieldSelectorMatches(pod, reqs('status.podIPs!=10.0.0.1'))).toBe(true);
    expect(fieldSelectorMatches(pod, reqs('spec.serviceAccountName='))).toBe(true);
  });
});
