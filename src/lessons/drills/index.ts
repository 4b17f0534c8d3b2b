// CKA practice drills: a seed gives a freshly broken scenario, a lesson object like the built-in
// ones (so the runner, `kubesim lesson check` and the browser pane treat it the same), plus the
// cause it was broken by, an explanation to show afterwards and a suggested time limit. Pure and
// deterministic: the same seed always gives the same drill; names and sizes vary with the seed so
// that two attempts do not look alike.
import type { Goal, Lesson } from '../types.ts';
import { CAUSES, DRILL_CAUSES, type DrillCause, type DrillParts } from './causes.ts';
import { pick, rng } from './random.ts';

export { DRILL_CAUSES, type DrillCause } from './causes.ts';

export interface Drill {
  /** `drill:SEED`, what `kubesim lesson check` takes. */
  id: string;
  seed: number;
  cause: DrillCause;
  /** One step, one goal set: the claim Bound and the pod Running on it, whichever fix gets there. */
  lesson: Lesson;
  /** Shown after the attempt: what was wrong and the fixes that work. */
  explanation: string;
  /** Seconds; the CKA gives a task of this kind roughly this long. */
  timeLimitSeconds: number;
  /** One correct fix (the reference solution, also the lesson step's `solution`). */
  fix: string;
}

const DRILL_PREFIX = 'drill:';

/** `drill:42` → 42; anything else → undefined. */
export function parseDrillId(ref: string): number | undefined {
  if (!ref.startsWith(DRILL_PREFIX)) return undefined;
  const n = ref.slice(DRILL_PREFIX.length);
  return /^\d{1,9}$/.test(n) ? Number(n) : undefined;
}

const APPS = ['web', 'shop', 'ledger', 'reports', 'chat', 'wiki', 'billing', 'search'];
const USES = ['data', 'store', 'files', 'cache', 'db', 'state'];

/** The drill for a seed (a non-negative integer); `cause` forces one cause (tests, a teacher's pick). */
export function generateDrill(seed: number, cause?: DrillCause): Drill {
  const next = rng(seed);
  // Always drawn, so a forced cause gets the same names as the seed would have given.
  const drawn = pick(next, DRILL_CAUSES);
  const chosen = cause ?? drawn;
  const app = pick(next, APPS);
  const parts: DrillParts = {
    pod: app,
    claim: `${app}-${pick(next, USES)}`,
    size: pick(next, [1, 2, 3, 5, 8]),
    next,
  };
  const made = CAUSES.get(chosen)!(parts);
  const goals: Goal[] = [
    { id: 'claim-bound', title: `The claim ${parts.claim} is Bound`, check: { field: { kind: 'pvc', name: parts.claim, path: 'status.phase', equals: 'Bound' } } },
    {
      id: 'pod-running',
      title: `The pod ${parts.pod} is Running with ${parts.claim} mounted`,
      check: {
        field: {
          kind: 'pod',
          name: parts.pod,
          where: [{ path: 'spec.volumes[*].persistentVolumeClaim.claimName', equals: parts.claim }],
          path: 'status.phase',
          equals: 'Running',
        },
      },
    },
  ];
  const lesson: Lesson = {
    id: `${DRILL_PREFIX}${seed}`,
    title: `Drill ${seed}: the pod ${parts.pod} is stuck`,
    summary: `Something keeps the pod ${parts.pod} or its claim ${parts.claim} from starting. Find it and fix it.`,
    topic: 'CKA practice drills',
    preset: made.preset,
    seed,
    setup: made.setup,
    steps: [
      {
        title: 'Get it running',
        prose:
          `The pod \`${parts.pod}\` should be running with its claim \`${parts.claim}\` mounted, and it is not. ` +
          `Find out why (\`kubectl get pod,pvc,pv,sc\`, \`kubectl describe\`, \`kubesim explain pvc/${parts.claim}\`) ` +
          `and fix it. Keep the names: the claim \`${parts.claim}\` Bound, the pod \`${parts.pod}\` Running with it mounted. ` +
          'Objects whose spec cannot change are deleted and created again.',
        commands: [`kubectl get pod,pvc,pv,sc`, `kubectl describe pvc ${parts.claim}`, `kubectl describe pod ${parts.pod}`],
        goals,
        hints: made.hints,
        solution: made.fix,
      },
    ],
  };
  return { id: lesson.id, seed, cause: chosen, lesson, explanation: made.explanation, timeLimitSeconds: made.minutes * 60, fix: made.fix };
}
