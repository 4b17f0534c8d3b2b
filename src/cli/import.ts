// `kubesim import FILE [SCRIPT]`: reads a real cluster's `kubectl get … -A -o yaml` (FILE, or - for
// stdin), prints what was imported and what was skipped, then runs SCRIPT against that cluster
// (default: `kubectl get nodes -L topology.kubernetes.io/zone` and `kubectl get pv,pvc,pods -A -o wide`).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { importCluster } from '../commands/import/import-cluster.ts';
import { importSummary } from '../commands/import/parse-import.ts';
import { runScript } from '../commands/script/run-script.ts';
import type { CliIO } from './main.ts';
import { cannotReadReason } from './fs-reason.ts';
import { readRegularFile } from './read-file.ts';
import { scriptFiles } from './script-files.ts';

const DEFAULT_SCRIPT = 'kubectl get nodes -L topology.kubernetes.io/zone\nkubectl get pv,pvc,pods -A -o wide\n';

export function importMain(args: readonly string[], io: CliIO, readStdin: () => string = () => readFileSync(0, 'utf8')): number {
  const [file, script, ...extra] = args;
  if (!file || extra.length > 0 || (file.startsWith('-') && file !== '-')) {
    io.stderr("kubesim: import needs FILE (the output of kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml, or - for stdin) and at most one SCRIPT\nRun 'kubesim --help' for usage.\n");
    return 2;
  }
  const read = (p: string, what: string): string | undefined => {
    try {
      return p === '-' ? readStdin() : readRegularFile(resolve(p));
    } catch (e) {
      io.stderr(`kubesim: cannot read ${what}: ${cannotReadReason(e)}\n`);
      return undefined;
    }
  };
  const text = read(file, file);
  if (text === undefined) return 2;
  const { parsed, outcome } = importCluster(text);
  if (!outcome) {
    io.stderr(`kubesim: cannot import ${file}: ${parsed.fatal}\n`);
    return 1;
  }
  io.stdout(`imported ${parsed.objects.length} object${parsed.objects.length === 1 ? '' : 's'}:\n${importSummary(parsed).join('\n')}\n`);
  if (outcome.added.length > 0) io.stdout(`added so the cluster works: ${outcome.added.join(', ')}\n`);
  for (const p of parsed.problems) io.stderr(`${file}:${p.line}:${p.column}: ${p.subject}: ${p.message}\n`);
  const scriptText = script === undefined ? DEFAULT_SCRIPT : read(script, script);
  if (scriptText === undefined) return 2;
  const base = script === undefined ? process.cwd() : dirname(resolve(script));
  const result = runScript(scriptText, {
    state: outcome.state,
    onChunk: (c) => (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text),
    files: scriptFiles(base),
  });
  return parsed.problems.length > 0 && result.exitCode === 0 ? 1 : result.exitCode;
}
