// The kubectl verbs the playground serves: one list, which the verb table must cover exactly
// (it is typed by it) and which the terminal completes from, so the two never drift apart.
export const KUBECTL_VERB_NAMES = [
  'annotate', 'api-resources', 'apply', 'cordon', 'cp', 'create', 'delete', 'describe', 'drain', 'edit', 'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'patch', 'replace', 'rollout', 'run',
  'scale', 'set', 'taint', 'uncordon', 'version', 'wait',
] as const;

export type KubectlVerbName = (typeof KUBECTL_VERB_NAMES)[number];
