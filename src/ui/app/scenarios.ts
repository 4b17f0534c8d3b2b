// The built-in scenarios are the repository's examples/: each folder holds YAML manifests and a
// demo.sh whose comments say what it shows, which cluster it needs (`--cluster`), and in which
// order (and why) it applies the files. This module turns those into picker entries and into
// one editor text. Pure: the files come in as strings (scenario-files.ts loads them).
import { parseManifestText, PRESETS, type PresetName } from '../../engine/index.ts';

export interface DemoScript {
  /** The opening comment, up to the "Run with:" line. */
  summary: string;
  /** The cluster from `--cluster` in the "Run with" line; kubesim's default (kind) otherwise. */
  preset: PresetName;
  /** Every `kubectl apply -f FILE`, in order, with the comment lines right above it. */
  applies: { file: string; comment: string[] }[];
  /** The other commands the demo runs (not apply, not sleep), in order, each with the index of the apply before it (-1: none). */
  commands: { line: string; after: number }[];
}

export interface Scenario {
  /** The example's folder name. */
  id: string;
  title: string;
  summary: string;
  /** The summary for the menu, where the title is already shown ("emptyDir: scratch…" → "Scratch…"). */
  blurb: string;
  preset: PresetName;
  /** The YAML files to show, in the demo's order, each with the demo's comment about it. */
  files: { file: string; comment: string[] }[];
  /** The demo's other commands (see DemoScript), for "try next in the terminal". */
  commands: DemoScript['commands'];
  /** The files as the demo applies them (to know which commands follow which file). */
  applied: string[];
}

/** Short titles for the picker, in teaching order; examples not listed here follow, by folder name. */
const TITLES: [id: string, title: string][] = [
  ['static-pv-pvc', 'Static provisioning'],
  ['dynamic-provisioning', 'Dynamic provisioning'],
  ['multi-zone', 'Multi-zone: WaitForFirstConsumer'],
  ['ebs-storage-classes', 'EBS storage classes'],
  ['emptydir', 'emptyDir'],
  ['hostpath', 'hostPath'],
  ['configmap', 'ConfigMap'],
  ['secret', 'Secret'],
  ['downward-api', 'Downward API'],
  ['node-failure', 'Node failure'],
  ['zone-conflict', 'Zone conflict: Immediate binding'],
  ['ephemeral-volumes', 'Ephemeral volumes'],
  ['statefulset-zones', 'StatefulSet across zones'],
  ['service', 'Services'],
  ['service-http', 'HTTP to a Service'],
  ['job', 'Jobs'],
  ['kustomize', 'kubectl apply -k'],
  ['kubectl-cp-edit', 'kubectl cp, edit, set image'],
  ['shells', 'Shells'],
  ['kind-node-shell', 'kind nodes as containers'],
  ['docker-additions', 'Docker: cp, stop, copy-up'],
];

const DEFAULT_PRESET: PresetName = 'kind'; // what `kubesim run` uses without --cluster
const TRY_NEXT_MAX = 3;

export function parseDemoScript(text: string): DemoScript {
  const lines = text.split(/\r?\n/);
  const summary: string[] = [];
  let preset = DEFAULT_PRESET;
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const comment = lines[i]!.replace(/^#\s?/, '');
    if (/^Run with:/.test(comment)) {
      const wanted = /--cluster[ =](\S+)/.exec(comment)?.[1];
      if (wanted && (PRESETS as readonly string[]).includes(wanted)) preset = wanted as PresetName;
      i++;
      break;
    }
    summary.push(comment);
  }
  const applies: DemoScript['applies'] = [];
  const commands: DemoScript['commands'] = [];
  let comment: string[] = [];
  let continued = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const wasContinued = continued;
    continued = line.endsWith('\\');
    if (wasContinued || continued) continue; // multi-line commands are for the terminal, not for hints
    if (line.startsWith('#')) {
      comment.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const apply = /^kubectl apply -f (\S+\.ya?ml)$/.exec(line);
    if (apply) applies.push({ file: apply[1]!, comment });
    else if (line && !/^sleep\b/.test(line) && !line.includes('<<')) commands.push({ line, after: applies.length - 1 });
    comment = [];
  }
  return { summary: summary.join(' ').replace(/\s+/g, ' ').trim(), preset, applies, commands };
}

/**
 * One entry per example that has YAML files (Docker-only examples build images from folders the
 * browser terminal cannot read, so they stay with `kubesim run`). `yamlFiles` maps a folder to its
 * YAML file names; `demos` maps a folder to its demo.sh.
 */
export function scenarioCatalog(demos: Record<string, string>, yamlFiles: Record<string, string[]>): Scenario[] {
  const order = new Map(TITLES.map(([id], n) => [id, n]));
  const ids = Object.keys(yamlFiles)
    .filter((id) => yamlFiles[id]!.length > 0)
    .sort((a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || a.localeCompare(b));
  return ids.map((id) => {
    const demo = parseDemoScript(demos[id] ?? '');
    const own = new Set(yamlFiles[id]);
    const files = demo.applies.filter((a, n) => own.has(a.file) && demo.applies.findIndex((b) => b.file === a.file) === n);
    // Files the demo never applies still belong to the example: shown after the others.
    for (const file of [...own].sort()) if (!files.some((f) => f.file === file)) files.push({ file, comment: [] });
    const title = TITLES.find(([t]) => t === id)?.[1] ?? humanize(id);
    return {
      id,
      title,
      summary: demo.summary,
      blurb: withoutTitle(demo.summary, title),
      preset: demo.preset,
      files,
      commands: demo.commands,
      applied: demo.applies.map((a) => a.file),
    };
  });
}

/**
 * The scenario as one editor text: a comment naming it, then every file's documents joined with
 * `---`, each file introduced by the demo's comment about it. A file that only changes objects an
 * earlier file already made (a ConfigMap's second version) would undo the first in one Apply, so
 * it is described in a closing comment instead of included.
 */
export function scenarioText(scenario: Scenario, contents: Record<string, string>): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  const later: string[] = [];
  let lastIncluded = -1;
  for (const { file, comment } of scenario.files) {
    const text = contents[file];
    if (text === undefined) continue;
    const objects = objectKeys(text);
    if (parts.length > 0 && objects.length > 0 && objects.every((k) => seen.has(k))) {
      later.push(...comment.map((c) => `# ${c}`.trimEnd()), `# (The demo applies ${file} here: change ${objects.map(describeKey).join(', ')} above and press Apply again.)`);
      continue;
    }
    objects.forEach((k) => seen.add(k));
    lastIncluded = Math.max(lastIncluded, scenario.applied.lastIndexOf(file));
    const intro = comment.length > 0 ? [`# ${file}: ${comment[0]}`.trimEnd(), ...comment.slice(1).map((c) => `# ${c}`.trimEnd())] : [`# ${file}`];
    parts.push([...intro, text.trimEnd()].join('\n'));
  }
  const tryNext = tryNextCommands(scenario.commands, lastIncluded);
  const header = [
    `# Example: ${scenario.title} (examples/${scenario.id}), on the "${scenario.preset}" cluster.`,
    ...wrapComment(scenario.summary),
    '# Press Apply (Ctrl/Cmd+Enter), or apply one document at a time with "Apply" above it.',
    ...(tryNext.length > 0 ? ['# Then try in the terminal (Ctrl+`):', ...tryNext.map((c) => `#   ${c}`)] : []),
  ];
  const body = parts.join('\n---\n');
  const end = later.length > 0 ? `\n#\n# Later in the demo:\n${later.join('\n')}` : '';
  return `${header.join('\n')}\n${body}${end}\n`;
}

/** What the demo runs right after the last file the text includes: the natural next step. */
function tryNextCommands(commands: Scenario['commands'], after: number): string[] {
  const unique = (list: string[]) => [...new Set(list)];
  const right = unique(commands.filter((c) => c.after === after).map((c) => c.line));
  const picked = right.length > 0 ? right : unique(commands.filter((c) => c.after <= after).map((c) => c.line)).slice(-TRY_NEXT_MAX);
  return picked.slice(0, TRY_NEXT_MAX);
}

/** The example a text was made from (its first line names it), so an untouched one is not "work". */
export function scenarioIdOf(text: string): string | null {
  return /^# Example: .* \(examples\/([\w.-]+)\), on the "/.exec(text)?.[1] ?? null;
}

/** `Kind/namespace/name` for every object a YAML text defines (unparseable documents are skipped). */
function objectKeys(text: string): string[] {
  return parseManifestText(text).flatMap((doc) => {
    const v = doc.value as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | undefined;
    if (typeof v?.kind !== 'string' || typeof v.metadata?.name !== 'string') return [];
    return [`${v.kind}/${typeof v.metadata.namespace === 'string' ? v.metadata.namespace : 'default'}/${v.metadata.name}`];
  });
}

/** `ConfigMap/default/frontend-cm` → `ConfigMap frontend-cm`. */
function describeKey(key: string): string {
  const [kind, , name] = key.split('/');
  return `${kind} ${name}`;
}

function withoutTitle(summary: string, title: string): string {
  if (!summary.toLowerCase().startsWith(`${title.toLowerCase()}:`)) return summary;
  const rest = summary.slice(title.length + 1).trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A sentence as comment lines of at most ~96 characters. */
function wrapComment(text: string, width = 96): string[] {
  const out: string[] = [];
  let line = '#';
  for (const word of text.split(' ').filter(Boolean)) {
    if (line.length + 1 + word.length > width && line !== '#') {
      out.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  if (line !== '#') out.push(line);
  return out;
}
