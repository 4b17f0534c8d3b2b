// Finds the corpus's cases and turns each into what to run: the folders are the spec, this file
// only reads them. A case is an input file next to a `.expected` file (see README.md).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PresetName } from '../../src/engine/index.ts';

export const ROOT = import.meta.dirname;
export const FOLDERS = ['yaml', 'manifests', 'commands', 'links'] as const;
export type Folder = (typeof FOLDERS)[number];

export interface Case {
  folder: Folder;
  /** The case's name: its file name without the input extension. */
  name: string;
  /** The input as the tool sees it (generated from a `.gen.json` when there is one). */
  input: string;
  /** The file name the input is read under (`kubectl apply -f NAME.yaml` names it in errors). */
  fileName: string;
  /** Exact stderr (scripts, manifests) or the exact error (links). */
  expected: string;
  /** Exact stdout, when the case pins it. */
  stdout?: string;
  /** The input came from a `.gen.json` (for links: the spec, as JSON, with its parts joined). */
  generated: boolean;
}

/** Input extensions per folder; `.gen.json` is allowed everywhere. */
const INPUTS: Record<Folder, string[]> = {
  yaml: ['.yaml', '.yml', '.json'],
  manifests: ['.yaml', '.yml', '.json'],
  commands: ['.sh'],
  links: ['.link', '.session.json'],
};

export function loadCases(folder: Folder): Case[] {
  const dir = join(ROOT, folder);
  const cases: Case[] = [];
  for (const file of readdirSync(dir).sort()) {
    const gen = file.endsWith('.gen.json');
    const ext = gen ? '.gen.json' : INPUTS[folder].find((e) => file.endsWith(e));
    if (!ext) continue;
    const name = file.slice(0, -ext.length);
    const expectedPath = join(dir, `${name}.expected`);
    if (!existsSync(expectedPath)) throw new Error(`${folder}/${file} has no ${name}.expected`);
    const raw = readFileSync(join(dir, file), 'utf8');
    const { input, fileName } = gen ? generate(folder, raw) : { input: raw, fileName: file };
    const stdoutPath = join(dir, `${name}.stdout`);
    cases.push({
      folder,
      name,
      input,
      fileName,
      expected: readFileSync(expectedPath, 'utf8'),
      generated: gen,
      ...(existsSync(stdoutPath) ? { stdout: readFileSync(stdoutPath, 'utf8') } : {}),
    });
  }
  return cases;
}

/**
 * A `.gen.json` describes an input too large (or too binary) to commit: `parts` are joined, each a
 * string or `{ "repeat": TEXT, "times": N }`. For links, `deflate: true` makes the fragment
 * `PREFIX + base64url(deflate-raw(text))`, cut to `truncate` characters when given (done in
 * `linkFragment`, since compression is async); `file` names the input for yaml and manifests.
 */
export interface GenSpec {
  file?: string;
  parts: (string | { repeat: string; times: number })[];
  deflate?: boolean;
  prefix?: string;
  truncate?: number;
}

function generate(folder: Folder, raw: string): { input: string; fileName: string } {
  const spec = JSON.parse(raw) as GenSpec;
  const text = spec.parts.map((p) => (typeof p === 'string' ? p : p.repeat.repeat(p.times))).join('');
  if (folder === 'links') return { input: JSON.stringify({ ...spec, parts: [text] }), fileName: '' };
  if (!spec.file) throw new Error(`a ${folder} .gen.json needs "file"`);
  return { input: text, fileName: spec.file };
}

/** Leading `# key: value` comments of a manifest or script (`# kubesim: create -f`, `# cluster: bare`, `# setup: LINE`). */
export interface Directives {
  kubectl?: string;
  cluster?: PresetName;
  setup: string[];
}

export function directives(input: string): Directives {
  const out: Directives = { setup: [] };
  for (const line of input.split('\n')) {
    const m = /^#\s*(kubesim|cluster|setup):\s*(.*?)\s*$/.exec(line);
    if (!m) {
      if (line.startsWith('#')) continue;
      break;
    }
    if (m[1] === 'kubesim') out.kubectl = m[2]!;
    else if (m[1] === 'cluster') out.cluster = m[2] as PresetName;
    else out.setup.push(m[2]!);
  }
  return out;
}
