// Field selectors (`--field-selector status.phase=Running,spec.nodeName!=n1`) as the API server
// reads them: each kind supports metadata.name and metadata.namespace, some kinds a few more
// (their field label conversion functions), and anything else is refused in the server's words.
import type { AnyStored } from './objects.ts';
import { getOwn } from '../../lib/own.ts';
import { compareGoStrings } from './go-strings.ts';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export type FieldSelectorParse = { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string };

/**
 * The field labels a kind's list accepts (its field label conversion function in
 * pkg/apis/*\/v1/conversion.go) and how it refuses the others. Each kind's own lives in the kind
 * registry; kinds without a conversion function use the default one.
 */
export interface FieldLabels {
  accepts: readonly string[];
  refuse: (label: string) => string;
}

/** runtime.DefaultMetaV1FieldSelectorConversion. */
export const DEFAULT_FIELD_LABELS: FieldLabels = {
  accepts: ['metadata.name', 'metadata.namespace'],
  refuse: (label) => `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

/** How the core/v1 conversion functions refuse a label. */
export const NOT_SUPPORTED = (label: string): string => `field label not supported: ${label}`;

/**
 * Parses a field selector for a kind (given its field labels) as the API server does: first the syntax, all terms
 * (fields.ParseSelector, a BadRequest when it fails), then each field label through the kind's
 * conversion, in the sorted order of the terms. Nothing is trimmed: kubectl trims the whole
 * string before sending it, and the server keeps spaces around terms as part of them.
 */
export function parseFieldSelector(conversion: FieldLabels, text: string): FieldSelectorParse {
  const syntax = parseFieldSelectorSyntax(text);
  if (!syntax.ok) return syntax;
  for (const r of syntax.requirements) {
    if (!conversion.accepts.includes(r.field)) return { ok: false, error: conversion.refuse(r.field) };
  }
  return syntax;
}

/**
 * fields.ParseSelector: terms split at commas not escaped by a backslash, sorted (Go string
 * order), empty terms skipped; each split at its first `!=`, `==` or `=` (the field may not be
 * escaped); the value unescaped (`\\`, `\,`, `\=`). The empty selector selects everything.
 */
export function parseFieldSelectorSyntax(text: string): FieldSelectorParse {
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(text).sort(compareGoStrings)) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) return { ok: false, error: `invalid selector: '${text}'; can't understand '${term}'` };
    const value = unescapeValue(split.rhs);
    if (!value.ok) return value;
    requirements.push({ field: split.lhs, op: split.op === '!=' ? '!=' : '=', value: value.value });
  }
  return { ok: true, requirements };
}

function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let current = '';
  let escaped = false;
  for (const ch of text) {
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === ',') {
      terms.push(current);
      current = '';
      continue;
    }
    current += ch; // an escaped comma stays in the term with its backslash
  }
  terms.push(current);
  return terms;
}

/** The first operator wins, `!=` and `==` before `=` at the same place: `a==b==c` is `a` == `b==c`. */
function splitTerm(term: string): { lhs: string; op: '!=' | '==' | '='; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** UnescapeValue; Go prints an unescaped rune with %v, that is as its code point (`=` is 61). */
function unescapeValue(s: string): { ok: true; value: string } | { ok: false; error: string } {
  let out = '';
  let escaped = false;
  for (const ch of s) {
    if (escaped) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') return { ok: false, error: `invalid field selector: invalid escape sequence: \\${ch}` };
      out += ch;
      escaped = false;
    } else if (ch === '\\') escaped = true;
    else if (ch === ',' || ch === '=') return { ok: false, error: `invalid field selector: unescaped character in value: ${ch.codePointAt(0)}` };
    else out += ch;
  }
  if (escaped) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

export function fieldSelectorMatches(obj: AnyStored, requirements: readonly FieldRequirement[]): boolean {
  return requirements.every((r) => (fieldValue(obj, r.field) === r.value) === (r.op === '='));
}

/**
 * A field's value as the registry's selectable fields give it: text, booleans as "true"/"false",
 * a field the registry does not set (status.podIPs; metadata.namespace of a cluster-scoped
 * object) as "", so `=` matches nothing and `!=` everything, without an error.
 */
function fieldValue(obj: AnyStored, field: string): string {
  if (field === 'status.podIPs') return '';
  if (field === 'metadata.namespace') return obj.metadata.namespace ?? '';
  if (obj.kind === 'Event' && field === 'source') return obj.source?.component || obj.reportingComponent || '';
  if (obj.kind === 'Event' && field === 'reportingComponent') return obj.reportingComponent ?? '';
  if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') return String(valueAt(obj, field) ?? false);
  if (obj.kind === 'Pod' && field === 'status.podIP') return obj.status?.podIPs?.[0]?.ip ?? obj.status?.podIP ?? '';
  const v = valueAt(obj, field);
  return v === undefined || v === null ? '' : String(v);
}

function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = getOwn(cur as Record<string, unknown>, p);
  }
  return cur;
}
