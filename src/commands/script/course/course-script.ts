// The harness for the course's demos: a script typed as the course types it, run on the preset
// that matches the course's cluster, and the output of each command picked out by its `$` echo,
// so a test can assert what one command printed without depending on the others.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PresetName } from '../../../engine/index.ts';
import type { FileSource } from '../../types.ts';
import { runScript, type ScriptResult } from '../run-script.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The fixtures folder as the script's folder (`docker build -t my-image my-image` reads it). */
const fixtures: FileSource = {
  read(path) {
    try {
      return readFileSync(resolve(FIXTURES, path), 'utf8');
    } catch {
      return undefined;
    }
  },
  list(path) {
    try {
      const full = resolve(FIXTURES, path);
      return statSync(full).isDirectory() ? readdirSync(full).sort() : undefined;
    } catch {
      return undefined;
    }
  },
};

export interface CourseRun extends ScriptResult {
  /** What the command echoed as `$ CMD` printed on stdout (the `n`th time it was run). */
  out(command: string, n?: number): string;
}

/**
 * Runs a course demo. The course's cluster is a three-node kind cluster (a control plane and two
 * workers, with kind's default class `standard`), hence `kind-multinode` unless a demo needs
 * the cloud cluster of the WaitForFirstConsumer discussion (`multi-az`).
 */
export function runCourse(script: string, preset: PresetName = 'kind-multinode'): CourseRun {
  const r = runScript(script, { preset, files: fixtures });
  const blocks = splitBlocks(r.stdout);
  return {
    ...r,
    out(command, n = 0) {
      const found = blocks.filter((b) => b.command === command);
      const block = found[n];
      if (!block) throw new Error(`no command ${JSON.stringify(command)} (#${n}) in the output:\n${r.stdout}`);
      return block.output;
    },
  };
}

interface Block {
  /** The command's first line, as typed. */
  command: string;
  output: string;
}

/**
 * Cuts stdout at each `$ ` echo. A command with a heredoc echoes its body up to the delimiter
 * line; its output starts after that.
 */
function splitBlocks(stdout: string): Block[] {
  const lines = stdout.split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.startsWith('$ ')) {
      i++;
      continue;
    }
    const command = line.slice(2);
    i++;
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(command);
    if (heredoc) {
      while (i < lines.length && lines[i]!.trim() !== heredoc[1]) i++;
      i++;
    }
    const start = i;
    while (i < lines.length && !lines[i]!.startsWith('$ ')) i++;
    const body = lines.slice(start, i);
    blocks.push({ command, output: body.length ? body.join('\n') + (i < lines.length ? '\n' : '') : '' });
  }
  return blocks;
}
