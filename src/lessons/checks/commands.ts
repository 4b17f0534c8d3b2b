// Which tools a command line ran, by what they do: `kubectl -n x get pvc/data -o wide` is
// `kubectl get` on persistentvolumeclaims, however it is spelled. A line can hold several
// (`kubectl get pv && kubectl get pvc | grep data`); a heredoc's body is not part of the line.
import { resolveResource, type Kind } from '../../engine/index.ts';
import type { CommandPattern } from '../types.ts';

export interface Invocation {
  program: string;
  verb?: string;
  /** The kinds named after the verb (`pv,pvc`, `pvc/data`), resolved as kubectl resolves them. */
  kinds: Kind[];
}

/** kubectl's flags that take a value as the next word (`-n default`), so it is not read as the verb. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-k', '--kustomize', '-c', '--container', '--context', '--kubeconfig', '--cluster', '--user', '-p', '--patch', '--type', '--field-selector', '--sort-by', '--for', '--timeout', '-L', '--label-columns', '-s', '--server', '--as', '--tail', '--since', '--image', '--replicas', '--port']);

/** Shell words, quotes removed; operators (`|`, `&&`, `;`, `$(`, `(`…) are words of their own. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  const flush = () => {
    if (cur !== '') out.push(cur);
    cur = '';
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (/\s/.test(ch)) flush();
    else if ('|&;()`'.includes(ch) || (ch === '$' && line[i + 1] === '(')) {
      flush();
      out.push(ch === '$' ? '$(' : ch);
      if (ch === '$') i++;
    } else cur += ch;
  }
  flush();
  return out;
}

/** What ends a command's words. */
const OPERATORS = new Set(['|', '&', ';', '(', ')', '`', '$(']);
/** What a command can follow: an operator, or a keyword or prefix (`do kubectl …`, `sudo docker …`). */
const SEPARATORS = new Set([...OPERATORS, 'do', 'then', 'else', 'sudo', 'time', '!']);

export function invocations(line: string): Invocation[] {
  const w = words(line);
  const out: Invocation[] = [];
  for (let i = 0; i < w.length; i++) {
    const atStart = i === 0 || SEPARATORS.has(w[i - 1]!);
    if (!atStart || SEPARATORS.has(w[i]!)) continue;
    const program = w[i]!;
    const args: string[] = [];
    for (let j = i + 1; j < w.length && !OPERATORS.has(w[j]!); j++) args.push(w[j]!);
    const positional: string[] = [];
    for (let j = 0; j < args.length; j++) {
      const a = args[j]!;
      if (a === '--') break;
      if (a.startsWith('-')) {
        if (!a.includes('=') && VALUE_FLAGS.has(a)) j++;
        continue;
      }
      positional.push(a);
    }
    const [verb, resource] = positional;
    const kinds: Kind[] = [];
    for (const r of (resource ?? '').split(',')) {
      const k = resolveResource(r.split('/')[0]!);
      if (k) kinds.push(k.kind);
    }
    out.push({ program, ...(verb !== undefined ? { verb } : {}), kinds });
  }
  return out;
}

export function matchesPattern(inv: Invocation, p: CommandPattern): boolean {
  if (inv.program !== (p.program ?? 'kubectl')) return false;
  if (p.verb !== undefined && inv.verb !== p.verb) return false;
  if (p.resource !== undefined) {
    const kind = resolveResource(p.resource)?.kind;
    if (!kind || !inv.kinds.includes(kind)) return false;
  }
  return true;
}

export function describePattern(p: CommandPattern): string {
  return [p.program ?? 'kubectl', p.verb, p.resource].filter(Boolean).join(' ');
}
