// `kubesim export --kind DIR [--cluster PRESET] [--seed N] [SCRIPT]`: runs SCRIPT (quietly, its
// errors still on stderr) and writes the kind export of the cluster it leaves into DIR: run.sh
// replays SCRIPT's commands, and the files SCRIPT read from its folder are copied beside it.
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { PRESETS, createCluster, type ClusterState, type PresetName } from '../engine/index.ts';
import { runScript } from '../commands/script/run-script.ts';
import { parseScript } from '../commands/script/parse-script.ts';
import { exportToKind } from '../commands/export/kind-export.ts';
import { exportDirProblem, exportOverwriteProblem, makeDirs } from './export-target.ts';
import { cannotReadReason, fsReason } from './fs-reason.ts';
import { readRegularFile } from './read-file.ts';
import { scriptFiles } from './script-files.ts';
import type { CliIO } from './main.ts';

export function exportMain(args: readonly string[], io: CliIO): number {
  let dir: string | undefined;
  let script: string | undefined;
  let preset: PresetName = 'kind';
  let seed = 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--kind' || a.startsWith('--kind=')) dir = value();
    else if (a === '--cluster' || a.startsWith('--cluster=')) {
      const v = value();
      if (!v || !PRESETS.includes(v as PresetName)) {
        io.stderr(`kubesim: unknown cluster preset "${v ?? ''}" (choose one of: ${PRESETS.join(', ')})\n`);
        return 2;
      }
      preset = v as PresetName;
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value();
      if (!v || !/^-?\d+$/.test(v)) {
        io.stderr(`kubesim: invalid seed "${v ?? ''}": must be an integer\n`);
        return 2;
      }
      seed = Number(v);
    } else if (a.startsWith('-')) {
      io.stderr(`kubesim: unknown flag: ${a}\nRun 'kubesim --help' for usage.\n`);
      return 2;
    } else if (script === undefined) script = a;
    else {
      io.stderr(`kubesim: export takes one SCRIPT, got "${script}" and "${a}"\n`);
      return 2;
    }
  }
  if (!dir) {
    io.stderr("kubesim: export needs --kind DIR\nRun 'kubesim --help' for usage.\n");
    return 2;
  }
  // Before the script runs: a DIR that cannot take the export is said at once, in one line.
  const dirProblem = exportDirProblem(dir);
  if (dirProblem) {
    io.stderr(`${dirProblem}\n`);
    return 2;
  }
  let state: ClusterState = createCluster({ preset, seed });
  let history: string[] = [];
  const read = new Map<string, string>();
  let exitCode = 0;
  if (script !== undefined) {
    const path = resolve(script);
    let text: string;
    try {
      text = readRegularFile(path);
    } catch (e) {
      io.stderr(`kubesim: cannot read ${script}: ${cannotReadReason(e)}\n`);
      return 2;
    }
    const base = dirname(path);
    const result = runScript(text, {
      preset,
      seed,
      quiet: true,
      onChunk: (c) => c.stream === 'stderr' && io.stderr(c.text),
      // A file of the script's folder the script read (the host shell asks only for files it did
      // not write itself): run.sh reads it too, so it is shipped. Files outside the folder stay
      // where they are: run.sh would not find them anyway, and they are not the session's.
      files: scriptFiles(base, (p, text) => {
        const rel = relative(base, resolve(base, p));
        if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) read.set(rel.split('\\').join('/'), text);
      }),
    });
    if (result.exitCode === 2) return 2;
    exitCode = result.exitCode;
    state = result.state;
    const parsed = parseScript(text);
    history = parsed.ok ? parsed.commands.map((c) => c.echo) : [];
  }
  const shipped = [...read].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, content]) => ({ path, content }));
  const files = exportToKind(state, { history, files: shipped });
  const overwrite = exportOverwriteProblem(dir, files);
  if (overwrite) {
    io.stderr(`${overwrite}\n`);
    return 2;
  }
  try {
    makeDirs(dir);
    for (const f of files) {
      const target = join(dir, f.path);
      makeDirs(dirname(target));
      writeFileSync(target, f.content);
      if (f.executable) chmodSync(target, 0o755);
    }
  } catch (e) {
    io.stderr(`kubesim: cannot write ${dir}: ${fsReason(e)}\n`);
    return 1;
  }
  io.stdout(`${files.map((f) => `wrote ${join(dir, f.path)}`).join('\n')}\nNext: bash ${join(dir, 'run.sh')} (needs kind, Docker and kubectl)\n`);
  return exitCode;
}
