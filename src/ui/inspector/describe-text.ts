// `kubectl describe` for the inspector, through the kubectl command itself, so the text is exactly
// what the terminal prints. Loaded with import(): the command layer is not part of the first screen.
import { kubectl } from '../../commands/kubectl/index.ts';
import { resourcePrefix, type ClusterState, type ObjectRef } from '../../engine/index.ts';

/** The argv of `kubectl describe` for one object (cluster-scoped objects take no namespace). */
export function describeArgv(ref: ObjectRef): string[] {
  return ['kubectl', 'describe', resourcePrefix(ref.kind), ref.name, ...(ref.namespace ? ['-n', ref.namespace] : [])];
}

/** What `kubectl describe` prints for the object: its text, or kubectl's error when it fails. */
export function describeText(state: ClusterState, ref: ObjectRef): { ok: true; text: string } | { ok: false; error: string } {
  const out = kubectl({ state, argv: describeArgv(ref), files: { read: () => undefined } });
  return out.exitCode === 0 && out.stdout ? { ok: true, text: out.stdout } : { ok: false, error: (out.stderr || 'kubectl describe printed nothing').trim() };
}
