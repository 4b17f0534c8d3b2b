// The lesson format, as a teacher writes it in YAML (docs/lessons.md) and as the checker reads it
// once validated against lesson.schema.json. Plain data: the UI keeps it in its store as it is.
import type { PresetName } from '../engine/index.ts';

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  topic: string;
  preset: PresetName;
  seed: number;
  /** Command lines run before the learner starts (a break-fix scenario); not part of the history. */
  setup?: string;
  steps: LessonStep[];
}

export interface LessonStep {
  title: string;
  /** Markdown. */
  prose: string;
  /** Files to put in the editor; a script can also read them by name (`kubectl apply -f pv.yaml`). */
  manifests?: { name: string; content: string }[];
  /** Suggested command lines, shown to the learner to run or copy. */
  commands?: string[];
  goals: Goal[];
  /** Revealed one by one, after each failed attempt. */
  hints?: string[];
  /** The reference script for this step (kubesim script lines): "do it for me" and `lesson solve`. */
  solution: string;
}

export interface Goal {
  id: string;
  /** What the learner sees. */
  title: string;
  check: Check;
}

/**
 * Which objects a check looks at: a kind (any name kubectl takes: `pvc`, `PersistentVolumeClaim`),
 * an exact name or a label selector, a namespace (default `default`; ignored for cluster-scoped
 * kinds), and field conditions that all must hold. Without a name any object that fits will do,
 * so a goal accepts whatever name the learner chose.
 */
export interface Target {
  kind: string;
  name?: string;
  namespace?: string;
  selector?: string;
  where?: FieldCondition[];
  /** Also objects as they were at any moment since the lesson started (the history's changes). */
  ever?: boolean;
}

/** How a value is compared. Several given: all must hold. */
export interface Matcher {
  equals?: string | number | boolean;
  in?: (string | number | boolean)[];
  /** A regular expression (JavaScript syntax), searched anywhere in the value. */
  matches?: string;
  contains?: string;
  /** true: the value is there; false: it is not. */
  exists?: boolean;
  /** Numbers, or Kubernetes quantities (`1Gi` ≤ `5Gi`). */
  atLeast?: string | number;
  atMost?: string | number;
}

export interface FieldCondition extends Matcher {
  /** `status.phase`, `spec.capacity.storage`, `metadata.labels[app]`, `spec.containers[0].image`. */
  path: string;
}

export type Check =
  | { exists: Target }
  | { absent: Target }
  | { field: Target & FieldCondition }
  | { count: Target & Pick<Matcher, 'equals' | 'atLeast' | 'atMost'> }
  | { zone: Omit<Target, 'ever'> & Matcher }
  | { file: { pod?: string; selector?: string; where?: FieldCondition[]; container?: string; allContainers?: boolean; namespace?: string; path: string } & Matcher }
  | { env: { pod?: string; selector?: string; where?: FieldCondition[]; container?: string; allContainers?: boolean; namespace?: string; name: string } & Matcher }
  | { output: { command?: CommandPattern } & Matcher }
  | { error: { command?: CommandPattern } & Matcher }
  | { event: Omit<Target, 'ever' | 'where'> & { reason: string } }
  | { used: CommandPattern }
  /** The Docker host: a volume, an image, a container (its state), a file in a container. */
  | { docker: { volume?: string; image?: string; container?: string; hostFile?: string; state?: 'created' | 'running' | 'exited'; path?: string } & Matcher }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };

/** A command by what it does, not how it is spelled: `kubectl get pvc` matches `kubectl get persistentvolumeclaims -A`. */
export interface CommandPattern {
  /** The program, `kubectl` unless told. */
  program?: string;
  verb?: string;
  /** A resource as kubectl takes it (`pvc`, `storageclasses`); compared by kind. */
  resource?: string;
}

export const CHECK_NAMES = ['exists', 'absent', 'field', 'count', 'zone', 'file', 'env', 'output', 'error', 'event', 'used', 'docker', 'all', 'any', 'not'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** What a learner did, one record per command line (what the terminal ran, or the editor's Apply). */
export interface CommandRecord {
  /** The command line as typed (a heredoc's body left out). */
  text: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface GoalResult {
  goal: Goal;
  met: boolean;
  /** Why not (or what was found), in a sentence the learner can act on. */
  detail: string;
}
