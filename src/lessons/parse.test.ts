// Reading lesson files: a valid one parses; every mistake is reported at its place, in one line.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/index.ts';
import schema from './lesson.schema.json' with { type: 'json' };
import { locationOf, parseLesson } from './parse.ts';
import { CHECK_NAMES } from './types.ts';

const GOOD = `id: tiny
title: A tiny lesson
summary: One claim.
topic: Testing
preset: kind
seed: 3
steps:
  - title: Claim
    prose: Make a claim.
    goals:
      - id: exists
        title: A claim exists
        check:
          exists: { kind: pvc }
    solution: |
      kubectl create -f c.yaml
  - title: Look
    prose: Look at it.
    goals:
      - id: looked
        title: You looked
        check:
          used: { verb: get, resource: pvc }
      - id: phaze
        title: It is Pending
        check:
          field: { kind: pvc, path: status.phase, equals: Pending }
      - id: sized
        title: It is 1Gi
        check:
          field: { kind: pvc, path: spec.resources.requests.storage, equals: 1Gi }
    solution: kubectl get pvc
`;

const errorsOf = (text: string) => {
  const r = parseLesson(text, 'lessons/x.yaml');
  return r.ok ? [] : r.errors;
};

describe('parseLesson', () => {
  it('reads a valid lesson into plain data', () => {
    const r = parseLesson(GOOD, 'lessons/x.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson).toMatchObject({ id: 'tiny', preset: 'kind', seed: 3 });
    expect(r.lesson.steps[1]!.goals[1]!.check).toEqual({ field: { kind: 'pvc', path: 'status.phase', equals: 'Pending' } });
    expect(JSON.parse(JSON.stringify(r.lesson))).toEqual(r.lesson);
  });

  it('names an unknown check at its place', () => {
    const text = GOOD.replace('field: { kind: pvc, path: status.phase', 'phaze: { kind: pvc, path: status.phase');
    expect(errorsOf(text)).toEqual(['lessons/x.yaml: steps[1].goals[1].check: unknown check "phaze"']);
  });

  it('names unknown and missing fields, wrong types and empty lists', () => {
    expect(errorsOf(GOOD.replace('equals: Pending', 'equal: Pending'))).toEqual(['lessons/x.yaml: steps[1].goals[1].check.field: unknown field "equal"']);
    expect(errorsOf(GOOD.replace('    solution: kubectl get pvc\n', ''))).toEqual(['lessons/x.yaml: steps[1]: missing required field "solution"']);
    expect(errorsOf(GOOD.replace('seed: 3', 'seed: three'))).toEqual(['lessons/x.yaml: seed: must be integer']);
    expect(errorsOf(GOOD.replace('preset: kind', 'preset: gke'))).toEqual(['lessons/x.yaml: preset: must be one of: kind, kind-multinode, bare, multi-az, empty (got "gke")']);
    expect(errorsOf(GOOD.replace('title: A tiny lesson\n', ''))).toEqual(['lessons/x.yaml: missing required field "title"']);
    expect(errorsOf(GOOD.replace(/ {4}goals:\n {6}- id: exists\n {8}title: A claim exists\n {8}check:\n {10}exists: \{ kind: pvc \}\n/, '    goals: []\n'))).toEqual(['lessons/x.yaml: steps[0].goals: must not be empty']);
  });

  it('wants exactly one check per goal', () => {
    const two = GOOD.replace('          exists: { kind: pvc }', '          exists: { kind: pvc }\n          absent: { kind: pv }');
    expect(errorsOf(two)[0]).toMatch(/^lessons\/x\.yaml: steps\[0\]\.goals\[0\]\.check: a check is exactly one of: exists, /);
  });

  it('checks what a schema cannot: kinds, resources, selectors, regular expressions, duplicate ids', () => {
    expect(errorsOf(GOOD.replace('exists: { kind: pvc }', 'exists: { kind: pvcs }'))).toEqual(['lessons/x.yaml: steps[0].goals[0].check.exists.kind: unknown kind "pvcs"']);
    expect(errorsOf(GOOD.replace('resource: pvc }', 'resource: claims }'))).toEqual(['lessons/x.yaml: steps[1].goals[0].check.used.resource: unknown resource "claims"']);
    expect(errorsOf(GOOD.replace('exists: { kind: pvc }', 'exists: { kind: pvc, selector: "app in (a" }'))[0]).toMatch(/^lessons\/x\.yaml: steps\[0\]\.goals\[0\]\.check\.exists\.selector: /);
    expect(errorsOf(GOOD.replace('equals: Pending', 'matches: "(Pending"'))[0]).toMatch(/^lessons\/x\.yaml: steps\[1\]\.goals\[1\]\.check\.field\.matches: not a regular expression/);
    // A stranger's lesson cannot freeze the page with a catastrophically backtracking pattern (regex-guard.ts).
    expect(errorsOf(GOOD.replace('equals: Pending', 'matches: "(a+)+$"'))).toEqual(['lessons/x.yaml: steps[1].goals[1].check.field.matches: refused: the repeated group (a+)+ holds a quantifier, which can take exponential time; repeat a single character or class instead']);
    expect(errorsOf(GOOD.replace('id: sized', 'id: looked'))).toEqual(['lessons/x.yaml: steps[1].goals[2].id: goal id "looked" is used twice in this step']);
    expect(errorsOf(GOOD.replace('exists: { kind: pvc }', 'zone: { kind: cm }'))).toEqual(['lessons/x.yaml: steps[0].goals[0].check.zone.kind: a zone is known for a Pod, a PersistentVolume or a PersistentVolumeClaim, not ConfigMap']);
    expect(errorsOf(GOOD.replace('exists: { kind: pvc }', 'file: { path: /x }'))).toEqual(['lessons/x.yaml: steps[0].goals[0].check.file: needs a pod (a name), a selector (labels) or where (fields) to say which pod']);
  });

  it('checks nested checks in all, any and not', () => {
    const nested = GOOD.replace('          exists: { kind: pvc }', '          all:\n            - exists: { kind: pvc }\n            - not:\n                phaze: {}');
    expect(errorsOf(nested)).toEqual(['lessons/x.yaml: steps[0].goals[0].check.all[1].not: unknown check "phaze"']);
  });

  it('reports YAML syntax errors with their line, never a stack', () => {
    const [e] = errorsOf('id: x\ntitle: [unclosed\n');
    expect(e).toMatch(/^lessons\/x\.yaml: line \d+, column \d+: /);
    expect(e).not.toMatch(/\n\s+at /);
    expect(errorsOf('just text')).toEqual(['lessons/x.yaml: must be object']);
  });

  it('turns JSON pointers into dotted paths', () => {
    expect(locationOf('/steps/2/goals/0/check')).toBe('steps[2].goals[0].check');
    expect(locationOf('')).toBe('');
  });

  it('keeps the schema in step with the presets and the checks', () => {
    expect(schema.properties.preset.enum).toEqual([...PRESETS]);
    expect(schema.definitions.check.propertyNames.enum).toEqual([...CHECK_NAMES]);
  });
});
