// An in-memory folder for kustomize tests: absolute paths to texts, directories implied by them.
import type { FileSource } from '../../types.ts';
import { joinPath } from './paths.ts';

export function memoryFiles(tree: Record<string, string>, cwd = '/home/learner'): FileSource {
  const files = new Map(Object.entries(tree).map(([p, text]) => [joinPath(cwd, p), text]));
  return {
    cwd: () => cwd,
    read: (p) => files.get(joinPath(cwd, p)),
    list: (p) => {
      const dir = joinPath(cwd, p);
      const names = [...files.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]!);
      return names.length ? [...new Set(names)].sort() : undefined;
    },
  };
}
