// Tab completion for the terminal: tools, kubectl verbs and resource kinds, docker subcommands,
// and the names of objects and containers that exist right now in the simulated cluster.
import { ALL_KINDS, KINDS, listObjects, readerOf, resolveResource, type ClusterState, type Kind } from '../../engine/index.ts';
import { KUBECTL_VERB_NAMES } from '../../commands/kubectl/verb-names.ts';
import { HOST_TOOL_NAMES } from '../../commands/shell/host-tools.ts';

const DOCKER_COMMANDS = ['build', 'container', 'cp', 'exec', 'history', 'image', 'images', 'info', 'inspect', 'logs', 'ps', 'pull', 'restart', 'rm', 'rmi', 'run', 'start', 'stop', 'system', 'volume'];
const DOCKER_CONTAINER_VERBS = ['exec', 'inspect', 'logs', 'restart', 'rm', 'start', 'stop'];

/** What `kubectl get <Tab>` offers, as kubectl's completion does: the plural of every kind the cluster serves. */
const RESOURCE_WORDS = ALL_KINDS.map((k) => KINDS[k].plural).sort();
const VERBS_WITH_KIND = ['get', 'describe', 'delete', 'label', 'annotate', 'patch'];

export interface Completion {
  /** Candidates for the word under the cursor, sorted. */
  candidates: string[];
  /** What all of them start with (what Tab inserts). */
  common: string;
}

function names(state: ClusterState, kind: Kind): string[] {
  const listed = listObjects(readerOf(state), kind);
  return listed.ok ? listed.value.map((o) => o.metadata.name) : [];
}

/** The editor's text, a file in the shell's home (store/editor-file.ts): the one file every terminal has. */
const EDITOR_FILE_NAME = 'manifest.yaml';
/** Tools whose arguments are files. */
const FILE_TOOLS = ['cat', 'cp', 'grep', 'head', 'tail', 'wc', 'base64', 'rm', 'mv'];

function candidatesFor(words: readonly string[], state: ClusterState): string[] {
  const [tool, ...rest] = words;
  if (words.length === 1) return [...HOST_TOOL_NAMES];
  const previous = words[words.length - 2];
  // kubectl's -f is a file, but `kubectl logs -f` follows a pod.
  const fileFlag = tool === 'kubectl' && (previous === '-f' || previous === '--filename') && !rest.includes('logs');
  if (fileFlag || FILE_TOOLS.includes(tool!)) return [EDITOR_FILE_NAME];
  if (tool === 'kubectl') {
    const args = rest.filter((w) => !w.startsWith('-'));
    if (args.length === 1) return [...KUBECTL_VERB_NAMES];
    const verb = args[0]!;
    if ((verb === 'exec' || verb === 'logs') && args.length === 2) return names(state, 'Pod');
    if (VERBS_WITH_KIND.includes(verb)) {
      if (args.length === 2) return RESOURCE_WORDS;
      const kind = resolveResource(args[1]!)?.kind;
      return kind && args.length >= 3 ? names(state, kind) : [];
    }
    if (verb === 'cordon' || verb === 'uncordon' || verb === 'drain') return names(state, 'Node');
    return [];
  }
  if (tool === 'docker') {
    const args = rest.filter((w) => !w.startsWith('-'));
    if (args.length === 1) return DOCKER_COMMANDS;
    const containers = Object.values(state.docker.containers).map((c) => c.name);
    if (args[0] === 'container' && args.length === 2) return DOCKER_CONTAINER_VERBS;
    if (args[0] === 'volume' && args.length === 2) return ['create', 'inspect', 'ls', 'prune', 'rm'];
    if (args[0] === 'volume' && (args[1] === 'rm' || args[1] === 'inspect')) return Object.keys(state.docker.volumes);
    if (args[0] === 'system' && args.length === 2) return ['df', 'info'];
    const verb = args[0] === 'container' ? args[1] : args[0];
    if (DOCKER_CONTAINER_VERBS.includes(verb ?? '') && args.length === (args[0] === 'container' ? 3 : 2)) return containers;
    if (args[0] === 'image' && args.length === 2) return ['build', 'history', 'inspect', 'ls', 'pull', 'rm'];
    if (['history', 'rmi', 'run'].includes(args[0] ?? '') || (args[0] === 'image' && args.length === 3)) return Object.values(state.docker.images).flatMap((i) => i.tags.map((t) => t.replace(/:latest$/, '')));
    return [];
  }
  return [];
}

/** Completes the last word of `text` (the line up to the cursor). */
export function complete(text: string, state: ClusterState): Completion {
  const words = text.split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const candidates = [...new Set(candidatesFor(words, state))].filter((c) => c.startsWith(current)).sort();
  let common = candidates[0] ?? '';
  for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
  return { candidates, common: candidates.length ? common : current };
}
