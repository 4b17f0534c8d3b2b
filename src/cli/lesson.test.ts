// `kubesim lesson list | solve | check`: output, exit codes, and errors without stack traces.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSON_IDS } from '../lessons/builtin/index.ts';
import { generateDrill } from '../lessons/drills/index.ts';
import { HELP, main } from './main.ts';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function file(name: string, text: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-lesson-'));
  for (const [n, t] of Object.entries(extra)) writeFileSync(join(dir, n), t);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const TINY = `id: tiny
title: A tiny lesson
summary: One volume.
topic: Testing
preset: bare
seed: 1
steps:
  - title: Make a volume
    prose: Make a 1Gi volume.
    manifests:
      - name: pv.yaml
        content: |
          apiVersion: v1
          kind: PersistentVolume
          metadata:
            name: one
          spec:
            capacity:
              storage: 1Gi
            accessModes: [ReadWriteOnce]
            hostPath:
              path: /mnt/one
    goals:
      - id: pv
        title: A 1Gi volume is Available
        check:
          field: { kind: pv, path: status.phase, equals: Available }
      - id: listed
        title: You listed the volumes
        check:
          used: { verb: get, resource: pv }
    hints:
      - Apply pv.yaml.
      - Then run kubectl get pv.
    solution: |
      kubectl apply -f pv.yaml
      kubectl get pv
`;

describe('kubesim lesson', () => {
  it('list prints every built-in lesson, id then title, one per line', () => {
    const r = run(['lesson', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s{2,}/)[0])).toEqual([...BUILTIN_LESSON_IDS]);
    expect(lines[BUILTIN_LESSON_IDS.indexOf('static-binding')]).toMatch(/^static-binding {2,}Static provisioning: a volume, a claim, a pod$/);
  });

  it('solve ID runs the reference solution and ticks every goal', () => {
    const r = run(['lesson', 'solve', 'static-binding']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('static-binding: Static provisioning: a volume, a claim, a pod\nStep 1: The administrator\'s volume\n  ✓ A 5Gi volume backed by /mnt/data exists\n');
    expect(r.stdout).not.toContain('✗');
    expect(r.stdout).toMatch(/\n7 of 7 goals met\.\n$/);
  });

  it('solve FILE reads a lesson file; a solution that misses a goal exits 1', () => {
    expect(run(['lesson', 'solve', file('tiny.yaml', TINY)])).toMatchObject({ code: 0, stdout: 'tiny: A tiny lesson\nStep 1: Make a volume\n  ✓ A 1Gi volume is Available\n  ✓ You listed the volumes\n2 of 2 goals met.\n' });
    const broken = TINY.replace('      kubectl get pv\n', '');
    const r = run(['lesson', 'solve', file('tiny.yaml', broken)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ You listed the volumes\n      `kubectl get pv` has not been run\n1 of 2 goals met.\n');
  });

  it('check runs a learner\'s script: all goals met exits 0', () => {
    const script = file('mine.sh', 'kubectl apply -f my-pv.yaml\nkubectl get persistentvolumes\n', { 'my-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: mine\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n' });
    expect(run(['lesson', 'check', file('tiny.yaml', TINY), script])).toMatchObject({ code: 0, stderr: '' });
  });

  it('check prints the goals not met and the first hint, and exits 1', () => {
    const r = run(['lesson', 'check', file('tiny.yaml', TINY), file('mine.sh', 'kubectl get pv\n')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('tiny: A tiny lesson\nStep 1: Make a volume\n  ✗ A 1Gi volume is Available\n      there is no persistentvolume\n  ✓ You listed the volumes\n1 of 2 goals met.\nHint (step 1): Apply pv.yaml.\n');
  });

  it('check of a built-in lesson with an empty script fails', () => {
    const r = run(['lesson', 'check', 'default-class', file('empty.sh', '')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ You listed the StorageClasses');
    expect(r.stdout).toMatch(/Hint \(step 1\): /);
  });

  it('exits 2 for files it cannot read, invalid lessons and scripts that are not scripts, never with a stack', () => {
    expect(run(['lesson', 'solve', '/nonexistent/x.yaml'])).toMatchObject({ code: 2, stdout: '', stderr: 'kubesim: no built-in lesson "/nonexistent/x.yaml", and cannot read /nonexistent/x.yaml: no such file\n' });
    const bad = file('bad.yaml', TINY.replace('field: {', 'feild: {'));
    // FILE:LINE:COLUMN, as the browser's preview places it: the `check:` line just above the bad key.
    const line = TINY.split('\n').findIndex((l) => l.includes('field: {'));
    const solved = run(['lesson', 'solve', bad]);
    expect(solved.code).toBe(2);
    expect(solved.stderr.startsWith(`${bad}:${line}:`)).toBe(true);
    expect(solved.stderr.endsWith(': steps[0].goals[0].check: unknown check "feild"\n')).toBe(true);
    expect(run(['lesson', 'check', 'static-binding', '/nonexistent/s.sh'])).toMatchObject({ code: 2, stderr: 'kubesim: cannot read /nonexistent/s.sh: no such file\n' });
    const r = run(['lesson', 'check', 'static-binding', file('s.sh', 'kubectl apply -f - <<EOF\nkind: Pod\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kubesim: line 1: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
  });

  it('exits 2 for a missing or unknown subcommand and wrong arguments', () => {
    expect(run(['lesson'])).toMatchObject({ code: 2, stderr: expect.stringContaining('lesson needs a subcommand') });
    expect(run(['lesson', 'grade'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown lesson subcommand "grade"') });
    expect(run(['lesson', 'solve'])).toMatchObject({ code: 2, stderr: 'kubesim: usage: kubesim lesson solve ID|FILE\n' });
    expect(run(['lesson', 'check', 'static-binding'])).toMatchObject({ code: 2, stderr: 'kubesim: usage: kubesim lesson check ID|FILE SCRIPT\n' });
    expect(run(['lesson', 'list', 'extra']).code).toBe(2);
  });

  it('is documented in kubesim --help', () => {
    expect(HELP).toContain('kubesim lesson list\n  kubesim lesson drill [--seed N]\n  kubesim lesson solve ID|FILE\n  kubesim lesson check ID|FILE SCRIPT\n');
    expect(HELP).toContain('lesson drill [--seed N]');
    expect(HELP).toContain('drill:SEED');
    expect(HELP).toContain('lesson check ID|FILE SCRIPT');
  });

  describe('drill', () => {
    it('prints the brief of the drill a seed gives, the same each time, without its cause', () => {
      const a = run(['lesson', 'drill', '--seed', '42']);
      expect(a).toMatchObject({ code: 0, stderr: '' });
      expect(run(['lesson', 'drill', '--seed=42']).stdout).toBe(a.stdout);
      const d = generateDrill(42);
      expect(a.stdout).toMatch(/^Drill 42: the pod \S+ is stuck\nCluster: \S+\. Suggested time: \d+ minutes\.\n/);
      expect(a.stdout).toContain(`  - ${d.lesson.steps[0]!.goals[0]!.title}\n`);
      expect(a.stdout).toContain('  kubesim lesson check drill:42 SCRIPT\n');
      expect(a.stdout).not.toContain(d.explanation);
    });

    it('without --seed draws a drill and names its seed', () => {
      const r = run(['lesson', 'drill']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/kubesim lesson check drill:\d+ SCRIPT/);
    });

    it('check drill:SEED passes a fix, fails an empty script, and then tells what was wrong', () => {
      const d = generateDrill(7);
      const ok = run(['lesson', 'check', 'drill:7', file('fix.sh', d.fix)]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('2 of 2 goals met.\n');
      expect(ok.stdout).toContain(`What was wrong: ${d.explanation}\n`);
      const no = run(['lesson', 'check', 'drill:7', file('empty.sh', '')]);
      expect(no.code).toBe(1);
      expect(no.stdout).toContain(`What was wrong: ${d.explanation}\n`);
      expect(run(['lesson', 'solve', 'drill:7']).code).toBe(0);
    });

    it('refuses a seed that is not a whole number', () => {
      for (const args of [['--seed'], ['--seed', 'x'], ['--seed', '-3'], ['7']]) {
        expect(run(['lesson', 'drill', ...args])).toMatchObject({ code: 2, stdout: '', stderr: 'kubesim: usage: kubesim lesson drill [--seed N]  (N: a whole number, 0 to 999999999)\n' });
      }
    });
  });
});
