// Reading a lesson file: YAML, then the JSON schema (lesson.schema.json, with ajv), then the rules a
// schema cannot say (known kinds, regular expressions that compile, unique goal ids). Every problem
// is reported with where it is (`lessons/x.yaml: steps[2].goals[0].check: unknown check "phaze"`),
// never as a stack trace, so a teacher can fix a file from the message alone.
import Ajv, { type ErrorObject } from 'ajv';
import { load, parseEvents } from 'js-yaml';
import { parseSelector, resolveResource } from '../engine/index.ts';
import { checkAliases } from '../engine/manifest/aliases.ts';
import schema from './lesson.schema.json' with { type: 'json' };
import type { Check, Lesson } from './types.ts';
import { regexProblem } from './checks/regex-guard.ts';

export type ParseLessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

let validate: ReturnType<Ajv['compile']> | undefined;

export function parseLesson(text: string, source: string): ParseLessonResult {
  let data: unknown;
  try {
    // A few anchors can stand for billions of nodes: js-yaml shares them, but validation walks
    // every one. Refused as kubectl refuses a manifest, before anything walks the value.
    const bomb = checkAliases(text, parseEvents(text, {}));
    if (bomb) {
      const at = bomb.offset >= 0 ? text.slice(0, bomb.offset).split('\n') : undefined;
      return { ok: false, errors: [`${source}:${at ? ` line ${at.length}, column ${at[at.length - 1]!.length + 1}:` : ''} ${bomb.message}`] };
    }
    data = load(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e as Error).message;
    return { ok: false, errors: [`${source}:${mark ? ` line ${mark.line + 1}, column ${mark.column + 1}:` : ''} ${reason}`] };
  }
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(data)) {
    return { ok: false, errors: unique((validate.errors ?? []).map((e) => `${source}: ${describe(e, data)}`)) };
  }
  const lesson = data as Lesson;
  const errors = semanticErrors(lesson).map((e) => `${source}: ${e}`);
  return errors.length ? { ok: false, errors } : { ok: true, lesson };
}

/** `/steps/2/goals/0/check` → `steps[2].goals[0].check`. */
export function locationOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describe(e: ErrorObject, data: unknown): string {
  const at = locationOf(e.instancePath);
  const prefix = at ? `${at}: ` : '';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'propertyNames':
      return `${prefix}unknown check "${String(p.propertyName)}"`;
    case 'enum':
      // A check's name is checked as a property name: ajv puts the name on the error itself.
      if (e.propertyName !== undefined) return `${prefix}unknown check "${e.propertyName}"`;
      return `${prefix}must be one of: ${(p.allowedValues as unknown[]).join(', ')} (got ${JSON.stringify(valueAt(data, e.instancePath))})`;
    case 'additionalProperties':
      return `${prefix}unknown field "${String(p.additionalProperty)}"`;
    case 'required':
      return `${prefix}missing required field "${String(p.missingProperty)}"`;
    case 'minProperties':
    case 'maxProperties':
      return `${prefix}a check is exactly one of: ${schema.definitions.check.propertyNames.enum.join(', ')}`;
    case 'type':
      return `${prefix}must be ${String(p.type).replace(',', ' or ')}`;
    case 'pattern':
      return `${prefix}must match ${String(p.pattern)} (lowercase letters, digits and '-')`;
    case 'minItems':
      return `${prefix}must not be empty`;
    case 'minLength':
      return `${prefix}must not be empty`;
    default:
      return `${prefix}${e.message ?? e.keyword}`;
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const p of pointer.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[p];
  return v;
}

function unique(list: string[]): string[] {
  // ajv reports an unknown check twice (the name, then the object): one line is enough.
  return [...new Set(list)];
}

function semanticErrors(lesson: Lesson): string[] {
  const errors: string[] = [];
  lesson.steps.forEach((step, s) => {
    const ids = new Set<string>();
    step.goals.forEach((goal, g) => {
      if (ids.has(goal.id)) errors.push(`steps[${s}].goals[${g}].id: goal id "${goal.id}" is used twice in this step`);
      ids.add(goal.id);
      checkErrors(goal.check, `steps[${s}].goals[${g}].check`, errors);
    });
  });
  return errors;
}

function checkErrors(check: Check, at: string, errors: string[]): void {
  const [name, arg] = Object.entries(check)[0] as [string, unknown];
  const here = `${at}.${name}`;
  if (name === 'all' || name === 'any') {
    (arg as Check[]).forEach((c, i) => checkErrors(c, `${here}[${i}]`, errors));
    return;
  }
  if (name === 'not') return checkErrors(arg as Check, here, errors);
  const a = arg as Record<string, unknown>;
  if (typeof a.kind === 'string' && !resolveResource(a.kind)) errors.push(`${here}.kind: unknown kind "${a.kind}"`);
  if (name === 'zone' && typeof a.kind === 'string') {
    const kind = resolveResource(a.kind)?.kind;
    if (kind && kind !== 'Pod' && kind !== 'PersistentVolume' && kind !== 'PersistentVolumeClaim') errors.push(`${here}.kind: a zone is known for a Pod, a PersistentVolume or a PersistentVolumeClaim, not ${kind}`);
  }
  if ((name === 'file' || name === 'env') && a.pod === undefined && a.selector === undefined && a.where === undefined) errors.push(`${here}: needs a pod (a name), a selector (labels) or where (fields) to say which pod`);
  if (typeof a.selector === 'string') {
    const parsed = parseSelector(a.selector);
    if (!parsed.ok) errors.push(`${here}.selector: ${parsed.error}`);
  }
  const regexes: [unknown, string][] = [[a.matches, `${here}.matches`]];
  (a.where as { matches?: unknown }[] | undefined)?.forEach((w, i) => regexes.push([w.matches, `${here}.where[${i}].matches`]));
  for (const [re, where] of regexes) {
    if (typeof re !== 'string') continue;
    try {
      new RegExp(re);
    } catch (e) {
      errors.push(`${where}: not a regular expression: ${(e as Error).message}`);
      continue;
    }
    // A stranger's lesson must not be able to freeze the page: see regex-guard.ts for the rule.
    const unsafe = regexProblem(re);
    if (unsafe) errors.push(`${where}: refused: ${unsafe}`);
  }
  for (const cmd of [a.command, name === 'used' ? a : undefined]) {
    const resource = (cmd as { resource?: unknown } | undefined)?.resource;
    if (typeof resource === 'string' && !resolveResource(resource)) errors.push(`${name === 'used' ? here : `${here}.command`}.resource: unknown resource "${resource}"`);
  }
}
