// Whole fuzz cases: a preset, a seed, an example folder for `-f` files, and steps. Three
// families: manifests applied through `applyManifest`, command-line scripts through
// `runScript`, and sequences of cluster actions (one `runScript` call per action, so the
// properties are checked between actions).
import fc from 'fast-check';
import { PRESETS } from '../../src/engine/index.ts';
import type { CaseStep, FuzzCase } from './check.ts';
import { clusterAction, commandLine, heredocCommand } from './commands.ts';
import { manifestText } from './manifests.ts';
import { EXAMPLE_DIRS } from './seeds.ts';
import { objectName } from './values.ts';

const base = fc.record({
  preset: fc.constantFrom(...PRESETS),
  seed: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(-1, 4294967296, 2 ** 31, 0.5)),
  dir: fc.constantFrom(...Object.keys(EXAMPLE_DIRS)),
});

const applyStep: fc.Arbitrary<CaseStep> = fc
  .tuple(fc.constantFrom('apply' as const, 'apply' as const, 'create' as const, 'delete' as const), fc.option(objectName, { nil: undefined, freq: 4 }), manifestText)
  .map(([mode, namespace, text]) => ({ via: 'apply', mode, ...(namespace !== undefined ? { namespace } : {}), text }));

export const manifestCase: fc.Arbitrary<FuzzCase> = fc.tuple(base, fc.array(applyStep, { minLength: 1, maxLength: 4 })).map(([b, steps]) => ({ ...b, steps }));

/**
 * Command lines, often after a prelude that applies (possibly mutated) example objects, so that
 * get, describe, explain, exec and delete meet objects that exist, odd ones included.
 */
export const scriptCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    base,
    fc.option(manifestText.map((text) => `kubectl apply -f - <<EOF\n${text.replace(/\n$/, '')}\nEOF`), { nil: undefined, freq: 2 }),
    fc.array(fc.oneof({ weight: 5, arbitrary: commandLine }, { weight: 1, arbitrary: heredocCommand }), { minLength: 1, maxLength: 6 }),
  )
  .map(([b, prelude, lines]) => ({ ...b, steps: [...(prelude ? [{ via: 'script' as const, text: prelude + '\n' }] : []), { via: 'script', text: lines.join('\n') + '\n' }] }));

export const sequenceCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(base, fc.array(clusterAction, { minLength: 2, maxLength: 8 }))
  .map(([b, actions]) => ({ ...b, steps: actions.map((text) => ({ via: 'script' as const, text: text + '\n' })) }));

export const anyCase: fc.Arbitrary<FuzzCase> = fc.oneof(manifestCase, scriptCase, sequenceCase);

export const FAMILIES = { manifests: manifestCase, commands: scriptCase, sequences: sequenceCase } as const;
export type Family = keyof typeof FAMILIES;
