// The corpus the fuzzer starts from: the project's own example manifests and scripts (and the
// playground's starter manifest), so mutations land near inputs the engine really handles.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { STARTER_MANIFEST } from '../../src/store/starter.ts';
import { EXTRA_MANIFESTS } from './extra-seeds.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');

/** Every `examples/<name>/` folder's files by folder: what `-f file.yaml` reads in that example's demo. */
export const EXAMPLE_DIRS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.freeze(
  Object.fromEntries(
    readdirSync(EXAMPLES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .map((dir) => [
        dir,
        Object.freeze(Object.fromEntries(filesUnder(join(EXAMPLES, dir), '').map((name) => [name, readFileSync(join(EXAMPLES, dir, name), 'utf8')] as const))),
      ]),
  ),
);

/** Relative paths of the files under a folder, sorted (expected outputs left out: they are answers, not inputs). */
function filesUnder(root: string, prefix: string): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(root, join(prefix, e.name)) : e.name === 'expected-output.txt' ? [] : [join(prefix, e.name)]))
    .sort();
}

const ALL_FILES = Object.values(EXAMPLE_DIRS).flatMap((files) => Object.entries(files));

/** Manifest texts: each example YAML file, the starter, and the extra seeds. */
export const MANIFEST_TEXTS: readonly string[] = Object.freeze([...ALL_FILES.filter(([name]) => name.endsWith('.yaml')).map(([, text]) => text), STARTER_MANIFEST, ...EXTRA_MANIFESTS]);

/** The demo scripts, whole. */
export const DEMO_SCRIPTS: readonly { dir: string; text: string }[] = Object.freeze(
  Object.entries(EXAMPLE_DIRS)
    .filter(([, files]) => files['demo.sh'] !== undefined)
    .map(([dir, files]) => ({ dir, text: files['demo.sh']! })),
);

/** Every document of every manifest, as plain objects (the mutation targets). */
export const BASE_DOCUMENTS: readonly Record<string, unknown>[] = Object.freeze(
  MANIFEST_TEXTS.flatMap((text) => loadAll(text).filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d))),
);

/** Command lines from the example demos (no heredoc bodies: single lines only). */
export const DEMO_LINES: readonly string[] = Object.freeze(
  [
    ...new Set(
      DEMO_SCRIPTS.flatMap(({ text }) => text.split('\n'))
        .map((l) => l.trim())
        .filter((l) => /^(kubectl|docker|kubesim|sleep|echo|cat|sudo) /.test(l) && !l.includes('<<') && !l.endsWith('\\')),
    ),
  ].sort(),
);

/** Every example file name (what `-f NAME` may point at). */
export const EXAMPLE_FILE_NAMES: readonly string[] = Object.freeze([...new Set(ALL_FILES.map(([name]) => name))].sort());
