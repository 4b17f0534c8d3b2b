// Drills: every cause, for several seeds, breaks the cluster (the empty script fails), has a fix
// that passes (the reference one, and for some causes another), and its explanation names it.
import { describe, expect, it } from 'vitest';
import { checkLesson, solveLesson, startLesson } from '../run.ts';
import { DRILL_CAUSES, generateDrill, parseDrillId, type DrillCause } from './index.ts';

const unmet = (r: ReturnType<typeof checkLesson>) => r.steps.flatMap((s) => s.results.filter((g) => !g.met).map((g) => `${g.goal.id}: ${g.detail}`));

/** Words the explanation must hold for each cause. */
const NAMES: Record<DrillCause, RegExp> = {
  class: /storage class/,
  size: /at least as large/,
  'access-mode': /access mode/,
  selector: /selector/,
  zone: /zone|us-east-1/,
  'no-provisioner': /no-provisioner/,
  'no-consumer': /first ?consumer|consumer/i,
  'missing-configmap': /ConfigMap/,
};

/** A second correct fix, different from the reference one, for some causes. */
const ALTERNATIVE: Partial<Record<DrillCause, (d: ReturnType<typeof generateDrill>) => string>> = {
  // The claim recreated without a selector instead of relabelling the volume.
  selector: (d) => `kubectl get pvc ${claimOf(d)} -o yaml | grep -v -e selector -e matchLabels -e 'tier:' > c.yaml\nkubectl delete pvc ${claimOf(d)}\nkubectl apply -f c.yaml\n`,
  // The claim remade with the default WaitForFirstConsumer class, the pod kept in its zone.
  zone: (d) => `kubectl get pod ${podOf(d)} -o yaml > p.yaml\nkubectl delete pod ${podOf(d)}\nkubectl delete pvc ${claimOf(d)}\nkubectl create -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${claimOf(d)}}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\nEOF\nkubectl apply -f p.yaml\n`,
  // The ConfigMap made from a manifest rather than from literals.
  'missing-configmap': (d) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${podOf(d)}-config}\ndata: {a: b}\nEOF\n`,
};
const claimOf = (d: ReturnType<typeof generateDrill>) => /claim (\S+) is Bound/.exec(d.lesson.steps[0]!.goals[0]!.title)![1]!;
const podOf = (d: ReturnType<typeof generateDrill>) => /pod (\S+) is Running/.exec(d.lesson.steps[0]!.goals[1]!.title)![1]!;

describe('drills', () => {
  it('are deterministic: the same seed, the same drill', () => {
    expect(generateDrill(42)).toEqual(generateDrill(42));
    expect(generateDrill(42, 'size').lesson.steps[0]!.goals).toEqual(generateDrill(42).lesson.steps[0]!.goals);
  });

  it('vary with the seed: every cause comes up among 64 seeds, and names differ', () => {
    const drills = Array.from({ length: 64 }, (_, i) => generateDrill(i));
    expect(new Set(drills.map((d) => d.cause))).toEqual(new Set(DRILL_CAUSES));
    expect(new Set(drills.map((d) => d.lesson.setup)).size).toBeGreaterThan(32);
  });

  it('parse their ids', () => {
    expect(parseDrillId('drill:17')).toBe(17);
    expect(parseDrillId('drill:')).toBeUndefined();
    expect(parseDrillId('drill:-1')).toBeUndefined();
    expect(parseDrillId('static-binding')).toBeUndefined();
    expect(generateDrill(17).id).toBe('drill:17');
  });

  for (const cause of DRILL_CAUSES) {
    describe(cause, () => {
      for (const seed of [1, 5, 123]) {
        const d = generateDrill(seed, cause);
        it(`seed ${seed}: setup runs, the empty script fails, the fix passes`, () => {
          expect(startLesson(d.lesson).setup).toEqual({ exitCode: 0, stderr: '' });
          expect(checkLesson(d.lesson, '').ok).toBe(false);
          expect(unmet(checkLesson(d.lesson, d.fix))).toEqual([]);
          expect(solveLesson(d.lesson).ok).toBe(true);
          const alt = ALTERNATIVE[cause];
          if (alt) expect(unmet(checkLesson(d.lesson, alt(d)))).toEqual([]);
        });
      }

      it('has an explanation naming the cause, a time limit and hints', () => {
        const d = generateDrill(9, cause);
        expect(d.cause).toBe(cause);
        expect(d.explanation).toMatch(NAMES[cause]);
        expect(d.timeLimitSeconds).toBeGreaterThanOrEqual(180);
        expect(d.lesson.steps[0]!.hints!.length).toBeGreaterThan(0);
      });

      it('is not fixed by deleting the pod and making it again without its claim', () => {
        const d = generateDrill(3, cause);
        const r = checkLesson(d.lesson, `kubectl delete pod ${podOf(d)}\nkubectl run ${podOf(d)} --image=nginx\n`);
        expect(r.ok).toBe(false);
      });
    });
  }
});
