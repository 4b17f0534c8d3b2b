// `-f FILE` as the resource builder reads it for verbs that act on existing objects (wait,
// rollout): each document's kind, namespace and name, the object itself coming from the server.
import { parseManifestText, resolveResource, type KindInfo } from '../../engine/index.ts';
import { clientError } from './errors.ts';
import type { KubectlContext } from './context.ts';

export type FileRef = { info: KindInfo; namespace: string; name: string };

export function namedInFiles(ctx: KubectlContext): { refs: FileRef[] } | { fatal: string } {
  const refs: FileRef[] = [];
  for (const file of ctx.flags.values['filename'] ?? []) {
    const text = file === '-' ? (ctx.input.stdin ?? '') : ctx.input.files.read(file);
    if (text === undefined) return { fatal: clientError(`the path "${file}" does not exist`) };
    for (const doc of parseManifestText(text)) {
      const v = doc.value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
      const info = typeof v?.kind === 'string' ? resolveResource(v.kind) : undefined;
      const name = v?.metadata?.name;
      if (!info || typeof name !== 'string') continue;
      refs.push({ info, namespace: typeof v?.metadata?.namespace === 'string' ? v.metadata.namespace : ctx.namespace, name });
    }
  }
  return { refs };
}
