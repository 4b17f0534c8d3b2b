// Where `kubesim export --kind DIR` may write, decided before the script runs, and the file
// system's refusals said in one line in kubesim's words instead of Node's
// (`ENOTDIR: not a directory, mkdir 'x'`). An export never overwrites a file it did not write:
// a DIR holding an earlier export (its run.sh starts with our header) is written over, as a teacher
// re-exporting a demo expects, but any other file already there with other content is refused, so
// `--kind .` in a project folder cannot replace its README.md.
import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsReason } from './fs-reason.ts';

/** run.sh's second line: what marks a folder as an earlier export (kind-export.ts writes it). */
const EXPORT_MARK = '# Recreates the Kubernetes Storage Playground session on a real kind cluster';

function exists(path: string): 'dir' | 'file' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch (e) {
    // ENOTDIR: a file higher up is in the way; the walk below finds and names it.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return 'none';
    throw e;
  }
}

/**
 * Why DIR cannot take the export, as kubesim's one-line message, or undefined when it can: DIR or
 * the nearest folder that exists above it must be a directory we may write into.
 */
export function exportDirProblem(dir: string): string | undefined {
  const say = (reason: string) => `kubesim: cannot write ${dir}: ${reason}`;
  try {
    // Up the path as the user wrote it, so a message names their words, not an absolute path.
    let probe = dir;
    for (;;) {
      const kind = exists(probe);
      if (kind === 'file') return say(probe === dir ? 'not a directory' : `${probe} is a file, not a directory`);
      if (kind === 'dir') break;
      const up = dirname(probe);
      if (up === probe) break;
      probe = up;
    }
    accessSync(probe, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (e) {
    return say(fsReason(e));
  }
}

/** The first file of `files` DIR already holds with other content that no earlier export wrote, as kubesim's message. */
export function exportOverwriteProblem(dir: string, files: readonly { path: string; content: string }[]): string | undefined {
  const read = (p: string): string | undefined => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  };
  if (read(join(dir, 'run.sh'))?.split('\n')[1]?.startsWith(EXPORT_MARK)) return undefined;
  for (const f of files) {
    const target = join(dir, f.path);
    if (exists(target) === 'none') continue;
    const old = read(target);
    if (old !== f.content) return `kubesim: ${target} already exists and is not from an earlier export; export to a new or empty DIR`;
  }
  return undefined;
}

/**
 * `mkdir -p`, one level at a time: Node's own `mkdirSync(p, { recursive: true })` spins forever
 * where the kernel refuses the last step with ENOENT (under /proc), so it is not used here.
 */
export function makeDirs(dir: string): void {
  if (exists(dir) === 'dir') return;
  const up = dirname(dir);
  if (up !== dir) makeDirs(up);
  mkdirSync(dir);
}
