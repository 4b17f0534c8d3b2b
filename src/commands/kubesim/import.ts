// `kubesim import FILE|-` in a script or the terminal: a real cluster's objects (the output of
// `kubectl get pv,pvc,sc,pods,nodes,cm,secrets,svc -A -o yaml`) imported into the running
// cluster with their status, its nodes replaced by the imported ones. The playground's "Import
// from a cluster…" dialog runs it after a Reset to the empty preset, so the import is one command
// of the session's history: reload, time travel and share links replay it like any other.
import { importObjects } from '../../engine/cluster/import-objects.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { importSummary, parseImport } from '../import/parse-import.ts';

export function importCommand(input: CommandInput, args: readonly string[], usage: string): CommandOutput {
  const file = args[0];
  if (file === undefined || args.length > 1) return output(input.state, { stderr: usage, exitCode: 1 });
  const text = file === '-' ? input.stdin : input.files.read(file);
  if (text === undefined) return output(input.state, { stderr: `kubesim: cannot read ${file}: no such file\n`, exitCode: 1 });
  const parsed = parseImport(text);
  if (parsed.fatal) return output(input.state, { stderr: `kubesim: cannot import ${file}: ${parsed.fatal}\n`, exitCode: 1 });
  const problems = parsed.problems.map((p) => `${file === '-' ? 'stdin' : file}:${p.line}:${p.column}: ${p.subject}: ${p.message}\n`).join('');
  const summary = importSummary(parsed).map((l) => `${l}\n`).join('');
  // Nothing to import leaves the cluster as it was.
  if (parsed.objects.length === 0) return output(input.state, { stdout: summary, stderr: `${problems}kubesim: nothing imported from ${file}\n`, exitCode: 1 });
  const outcome = importObjects(input.state, parsed.objects);
  const n = parsed.objects.length;
  const added = outcome.added.length > 0 ? `added so the cluster works: ${outcome.added.join(', ')}\n` : '';
  return output(outcome.state, {
    stdout: `imported ${n} object${n === 1 ? '' : 's'}:\n${summary}${added}`,
    stderr: problems,
    exitCode: problems ? 1 : 0,
    steps: outcome.steps,
  });
}
