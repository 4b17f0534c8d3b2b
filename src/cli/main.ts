// kubesim: the playground's engine, headless. `kubesim run SCRIPT` executes a script of
// kubectl commands against a simulated cluster and prints what the real tools would print.
import { dirname, resolve } from 'node:path';
import { PRESETS, PRESET_DESCRIPTIONS, type PresetName } from '../engine/index.ts';
import { internalError, runScript } from '../commands/script/run-script.ts';
import { lessonMain } from './lesson.ts';
import { serveMain } from './serve.ts';
import { exportMain } from './export.ts';
import { importMain } from './import.ts';
import { cannotReadReason } from './fs-reason.ts';
import { readRegularFile } from './read-file.ts';
import { scriptFiles } from './script-files.ts';

export const HELP = `kubesim: the Kubernetes Storage Playground's simulated cluster, from the command line.

Usage:
  kubesim run SCRIPT [--cluster PRESET] [--seed N] [--quiet]
  kubesim lesson list
  kubesim lesson drill [--seed N]
  kubesim lesson solve ID|FILE
  kubesim lesson check ID|FILE SCRIPT
  kubesim serve [--port 6443] [--docker-port 2375] [--cluster PRESET] [--seed N] [--kubeconfig FILE] [--script FILE]
  kubesim export --kind DIR [--cluster PRESET] [--seed N] [SCRIPT]
  kubesim import FILE [SCRIPT]
  kubesim --help

kubesim run executes SCRIPT, a text file of command lines as a learner would type them:
  kubectl …                 the simulated cluster's kubectl (apply, create, get, describe, delete,
                            label, annotate, patch, cordon, uncordon, drain, api-resources, version)
  kubesim explain pvc/NAME  why a claim (or pod/NAME, a pod) is the way it is: every candidate
                            volume or node with the condition it fails, and the fix
  kubesim node fail NODE    switch a node's machine off (node recover NODE: on again); the control
                            plane notices when its status stops arriving, 50 s later
  kubesim zone down ZONE    fail every node of a zone (zone up ZONE: bring them back)
  kubesim container kill POD [-c CONTAINER]
                            kill a container's main process from its node (exit code 137)
  sleep N                   let N seconds (or 2m, 1h) of simulated time pass
  echo TEXT, cat FILE       print text or a file
  # comment                 ignored, as are blank lines
  \\ at a line's end         continues the command on the next line
  <<EOF … EOF               a heredoc, read by \`-f -\` (also <<'EOF')
  > FILE, >> FILE           write a command's output to FILE (kept in memory for later -f)
File paths are relative to the script's folder. After every command the cluster's controllers run
until nothing changes, as if the learner waited a moment.

Output: each command is echoed as "$ <command>" on stdout (not with --quiet), then what the real
tool prints on stdout; errors go to stderr, worded as the real tools word them.
Exit status: 0 if every command succeeded, 1 if any failed, 2 if the script cannot be read.

Options:
  --cluster PRESET   the starting cluster (default: kind)
${PRESETS.map((p) => `                       ${p.padEnd(15)} ${PRESET_DESCRIPTIONS[p]}`).join('\n')}
  --seed N           seed for generated names and uids (default: 1); same script + seed, same output
  --quiet            do not echo commands

kubesim lesson runs guided lessons headless (docs/lessons.md describes the format):
  lesson list                 the built-in lessons, one per line: the id, two spaces, the title
  lesson drill [--seed N]     a CKA practice drill: a freshly broken claim or pod (a new one each
                              run, or the one seed N gives), its goals and a suggested time
  lesson solve ID|FILE        start the lesson's cluster, run its setup, then each step's reference
                              solution, checking that step's goals after it; prints each goal as
                              "✓ title" or "✗ title"; exit 0 only if every goal is met
  lesson check ID|FILE SCRIPT run SCRIPT (a learner's kubesim script; files beside it are read after
                              the lesson's own manifests) from the lesson's start, then check every
                              goal; prints each goal, and the hint for the first unmet one; exit 0
                              only if every goal is met, 1 if not, 2 if a file cannot be read
ID is a built-in lesson's id (kubesim lesson list) or drill:SEED; FILE is a lesson file in YAML.
  After checking drill:SEED, check also prints what was wrong.

kubesim serve answers the Kubernetes API on http://127.0.0.1:PORT (default 6443), so the real
kubectl works against the simulated cluster: discovery, OpenAPI v2 and v3 (validation, explain),
get and list (tables, -o wide, selectors), create, replace, patch (strategic, merge, json),
apply --server-side (field managers, conflicts), delete, scale, drain, logs, exec and cp, watch
(get -w, wait), dry runs, and the API server's errors. It runs --script FILE first (printing its
output), writes a kubeconfig to --kubeconfig FILE (default ~/.kube/kubesim.yaml) and prints how to
use it (export KUBECONFIG=…). Simulated time follows the wall clock. Not served yet: attach,
port-forward. With --docker-port PORT (default 2375, 0: off) it also answers the Docker Engine
API 1.47 (Docker 27) for the real docker CLI: export DOCKER_HOST=tcp://127.0.0.1:PORT (builds need
DOCKER_BUILDKIT=0). Stop it with Ctrl+C.

kubesim export --kind DIR runs SCRIPT (if given; its errors still go to stderr) and writes DIR:
  manifests.yaml    the objects the script made, as written (last-applied, or without status)
  kind-config.yaml  a kind cluster with one node per simulated node and the same zone labels
  run.sh            kind create cluster, SCRIPT's commands in order, then kubectl wait for the end state
  README.md         what kind cannot reproduce (CSI classes, zonal disks, Multi-Attach, failures)
  and the files SCRIPT read from its folder (-f pv.yaml), so run.sh finds them

kubesim import FILE reads a real cluster's objects (FILE: the output of kubectl get
pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml, or - for stdin), keeps their status as given,
replaces the nodes with the imported ones, prints what was imported and skipped (kinds the
playground does not model) and each unreadable item as FILE:LINE:COLUMN, then runs SCRIPT against
that cluster (default: kubectl get nodes with zones, and kubectl get pv,pvc,pods -A -o wide).
`;

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function main(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command ? 0 : 2;
  }
  if (command === 'lesson') return lessonMain(rest, io);
  if (command === 'serve') return serveMain(rest, io);
  if (command === 'export') return exportMain(rest, io);
  if (command === 'import') return importMain(rest, io);
  if (command !== 'run') {
    io.stderr(`kubesim: unknown command "${command}"\nRun 'kubesim --help' for usage.\n`);
    return 2;
  }
  let script: string | undefined;
  let preset: PresetName = 'kind';
  let seed = 1;
  let quiet = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (name: string): string | undefined => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = rest[++i];
      if (v === undefined) io.stderr(`kubesim: flag needs an argument: ${name}\n`);
      return v;
    };
    if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--cluster' || a.startsWith('--cluster=')) {
      const v = value('--cluster');
      if (v === undefined) return 2;
      if (!PRESETS.includes(v as PresetName)) {
        io.stderr(`kubesim: unknown cluster preset "${v}" (choose one of: ${PRESETS.join(', ')})\n`);
        return 2;
      }
      preset = v as PresetName;
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value('--seed');
      if (v === undefined) return 2;
      if (!/^-?\d+$/.test(v)) {
        io.stderr(`kubesim: invalid seed "${v}": must be an integer\n`);
        return 2;
      }
      seed = Number(v);
    } else if (a.startsWith('-')) {
      io.stderr(`kubesim: unknown flag: ${a}\nRun 'kubesim --help' for usage.\n`);
      return 2;
    } else if (script === undefined) script = a;
    else {
      io.stderr(`kubesim: run takes one SCRIPT, got "${script}" and "${a}"\n`);
      return 2;
    }
  }
  if (script === undefined) {
    io.stderr("kubesim: run needs a SCRIPT\nRun 'kubesim --help' for usage.\n");
    return 2;
  }
  const path = resolve(script);
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (e) {
    io.stderr(`kubesim: cannot read ${script}: ${cannotReadReason(e)}\n`);
    return 2;
  }
  const base = dirname(path);
  try {
    // Each chunk is written as it is produced, so nothing printed is lost if something fails later.
    const result = runScript(text, {
      preset,
      seed,
      quiet,
      onChunk: (chunk) => (chunk.stream === 'stdout' ? io.stdout : io.stderr)(chunk.text),
      files: scriptFiles(base),
    });
    return result.exitCode;
  } catch (err) {
    // Outside any one command (making the cluster, reading the script): a failure, never a stack.
    io.stderr(internalError(`kubesim run ${script}`, err));
    return 1;
  }
}
