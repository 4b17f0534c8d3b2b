// `kubectl`: flag parsing, verb dispatch, and kubectl's messages for unknown commands and flags.
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { makeContext, type KubectlContext } from './context.ts';
import { usageError } from './errors.ts';
import { parseFlags, type FlagSpec } from './flags.ts';
import { applyVerb } from './verbs/apply.ts';
import { describeVerb } from './verbs/describe.ts';
import { deleteVerb } from './verbs/delete.ts';
import { getVerb } from './verbs/get.ts';
import { apiResourcesVerb, versionVerb } from './verbs/info.ts';
import { metadataVerb } from './verbs/metadata.ts';
import { cordonVerb, drainVerb } from './verbs/nodes.ts';
import { taintVerb } from './verbs/taint.ts';
import { patchVerb } from './verbs/patch.ts';
import { replaceVerb } from './verbs/replace.ts';
import { execVerb } from './verbs/exec.ts';
import { logsVerb } from './verbs/logs.ts';
import { explainVerb } from './verbs/explain.ts';
import { createImperative } from './verbs/create-imperative.ts';
import { runVerb } from './verbs/run.ts';
import { scaleVerb } from './verbs/scale.ts';
import { waitVerb } from './verbs/wait.ts';
import { rolloutVerb } from './verbs/rollout.ts';
import { exposeVerb } from './verbs/expose.ts';
import { cpVerb } from './verbs/cp.ts';
import { editVerb } from './verbs/edit.ts';
import { setVerb } from './verbs/set-image.ts';
import { createJob } from './verbs/create-job.ts';
import { kustomizeVerb } from './kustomize/verb.ts';
import { KUBECTL_HELP } from './help.ts';
import { KUBECTL_VERB_NAMES, type KubectlVerbName } from './verb-names.ts';
import { getOwn } from '../../lib/own.ts';

const F = (long: string, short: string | undefined, value: boolean, repeat = false): FlagSpec => ({ long, ...(short ? { short } : {}), value, repeat });
/** `--validate` alone means strict, `--dry-run` alone means unchanged (cmdutil's NoOptDefVal). */
const VALIDATE: FlagSpec = { long: 'validate', value: true, bare: 'strict' };
const DRY_RUN: FlagSpec = { long: 'dry-run', value: true, bare: 'unchanged' };
/** A value flag pflag parses as a number (IntVar, Int64Var): a bad value fails before the command runs. */
const N = (long: string, type: 'int' | 'int64'): FlagSpec => ({ long, value: true, type });

// --request-timeout is kubectl's global client timeout; only a watch (`get -w`) has a use for it here.
const COMMON: FlagSpec[] = [F('namespace', 'n', true), F('help', 'h', false), F('kubeconfig', undefined, true), F('context', undefined, true), F('request-timeout', undefined, true)];
const FILES = F('filename', 'f', true, true);
/** `-k DIR`: a kustomization built and used in place of files. */
const KUSTOMIZE = F('kustomize', 'k', true);
/** `-R`: a directory's subdirectories too. */
const RECURSIVE = F('recursive', 'R', false);
const SELECTOR = F('selector', 'l', true);
const ALL_NS = F('all-namespaces', 'A', false);
const OUTPUT = F('output', 'o', true);
/** A value flag pflag parses as an int32 (Int32Var). */
const N32 = (long: string, short?: string): FlagSpec => ({ long, ...(short ? { short } : {}), value: true, type: 'int32' });
/** `kubectl create SUBCOMMAND`'s flags, all subcommands together (the data sources, deployment's image, replicas and port, a secret's type). */
const CREATE_FLAGS: FlagSpec[] = [
  OUTPUT, F('from-literal', undefined, true, true), F('from-file', undefined, true, true), F('from-env-file', undefined, true, true),
  F('image', undefined, true, true), N32('replicas', 'r'), N32('port'), F('type', undefined, true), F('save-config', undefined, false), F('from', undefined, true),
  F('docker-username', undefined, true), F('docker-password', undefined, true), F('docker-email', undefined, true), F('docker-server', undefined, true),
];
const RUN_FLAGS: FlagSpec[] = [
  OUTPUT, DRY_RUN, F('image', undefined, true), F('restart', undefined, true), F('labels', 'l', true), F('env', undefined, true, true), F('annotations', undefined, true, true),
  F('port', undefined, true), F('command', undefined, false), F('stdin', 'i', false), F('tty', 't', false), F('attach', undefined, false), F('rm', undefined, false),
  F('quiet', 'q', false), F('overrides', undefined, true), F('image-pull-policy', undefined, true), F('privileged', undefined, false), F('leave-stdin-open', undefined, false),
  F('pod-running-timeout', undefined, true),
];

interface VerbDef {
  flags: FlagSpec[];
  run: (ctx: KubectlContext) => CommandOutput;
}

const VERBS: Record<KubectlVerbName, VerbDef> = {
  apply: { flags: [FILES, KUSTOMIZE, VALIDATE, DRY_RUN, OUTPUT, F('force', undefined, false), F('server-side', undefined, false)], run: (c) => applyVerb(c, 'apply') },
  create: { flags: [FILES, KUSTOMIZE, VALIDATE, DRY_RUN, ...CREATE_FLAGS], run: (c) => createJob(c) ?? createImperative(c) ?? applyVerb(c, 'create') },
  get: {
    flags: [FILES, KUSTOMIZE, RECURSIVE, F('output', 'o', true), SELECTOR, ALL_NS, F('show-labels', undefined, false), F('label-columns', 'L', true, true), F('field-selector', undefined, true), F('no-headers', undefined, false), F('watch', 'w', false),
      F('watch-only', undefined, false), F('output-watch-events', undefined, false), F('ignore-not-found', undefined, false), N('chunk-size', 'int64'), F('server-print', undefined, false),
      F('sort-by', undefined, true), F('template', undefined, true), F('allow-missing-template-keys', undefined, false)],
    run: getVerb,
  },
  describe: { flags: [FILES, KUSTOMIZE, RECURSIVE, SELECTOR, ALL_NS, F('show-events', undefined, true)], run: describeVerb },
  delete: {
    flags: [FILES, KUSTOMIZE, RECURSIVE, SELECTOR, ALL_NS, F('field-selector', undefined, true), F('all', undefined, false), F('force', undefined, false), N('grace-period', 'int'), F('now', undefined, false), F('wait', undefined, false), F('ignore-not-found', undefined, false), DRY_RUN, OUTPUT, { long: 'cascade', value: true, bare: 'background' }, { long: 'timeout', value: true, type: 'duration' }],
    run: deleteVerb,
  },
  label: { flags: [FILES, KUSTOMIZE, RECURSIVE, F('overwrite', undefined, false), SELECTOR, F('all', undefined, false), DRY_RUN, OUTPUT], run: (c) => metadataVerb(c, 'labels') },
  annotate: { flags: [FILES, KUSTOMIZE, RECURSIVE, F('overwrite', undefined, false), SELECTOR, F('all', undefined, false), DRY_RUN, OUTPUT], run: (c) => metadataVerb(c, 'annotations') },
  patch: { flags: [FILES, F('patch', 'p', true), F('patch-file', undefined, true), F('type', undefined, true), DRY_RUN, OUTPUT], run: patchVerb },
  replace: {
    flags: [FILES, KUSTOMIZE, F('recursive', 'R', false), VALIDATE, DRY_RUN, OUTPUT, F('force', undefined, false), N('grace-period', 'int'), { long: 'timeout', value: true, type: 'duration' },
      F('wait', undefined, false), { long: 'cascade', value: true, bare: 'background' }, F('save-config', undefined, false), F('field-manager', undefined, true),
      F('raw', undefined, true), F('subresource', undefined, true)],
    run: replaceVerb,
  },
  taint: { flags: [F('overwrite', undefined, false)], run: taintVerb },
  run: { flags: RUN_FLAGS, run: runVerb },
  expose: {
    flags: [OUTPUT, N32('port'), F('target-port', undefined, true), F('type', undefined, true), F('name', undefined, true), F('protocol', undefined, true), SELECTOR],
    run: exposeVerb,
  },
  scale: {
    flags: [FILES, SELECTOR, DRY_RUN, OUTPUT, F('all', undefined, false), N('replicas', 'int'), N('current-replicas', 'int'), F('resource-version', undefined, true), F('timeout', undefined, true)],
    run: scaleVerb,
  },
  cordon: { flags: [SELECTOR], run: (c) => cordonVerb(c, true) },
  uncordon: { flags: [SELECTOR], run: (c) => cordonVerb(c, false) },
  drain: {
    flags: [SELECTOR, F('ignore-daemonsets', undefined, false), F('delete-emptydir-data', undefined, false), F('force', undefined, false), N('grace-period', 'int'), F('timeout', undefined, true)],
    run: drainVerb,
  },
  cp: { flags: [F('container', 'c', true), F('no-preserve', undefined, false), N('retries', 'int')], run: cpVerb },
  edit: { flags: [FILES, OUTPUT, F('output-patch', undefined, false), F('windows-line-endings', undefined, false), F('save-config', undefined, false), VALIDATE], run: editVerb },
  set: { flags: [FILES, SELECTOR, OUTPUT, DRY_RUN, F('all', undefined, false), F('local', undefined, false), F('record', undefined, false)], run: setVerb },
  kustomize: { flags: [F('load-restrictor', undefined, true), F('enable-helm', undefined, false)], run: kustomizeVerb },
  exec: { flags: [F('container', 'c', true), F('stdin', 'i', false), F('tty', 't', false), F('quiet', 'q', false)], run: execVerb },
  logs: {
    flags: [F('container', 'c', true), F('follow', 'f', false), F('previous', 'p', false), N('tail', 'int64'), F('timestamps', undefined, false), N('limit-bytes', 'int64'), SELECTOR,
      F('all-containers', undefined, false), F('all-pods', undefined, false), F('prefix', undefined, false), F('ignore-errors', undefined, false), N('max-log-requests', 'int'),
      { long: 'pod-running-timeout', value: true, type: 'duration' }],
    run: logsVerb,
  },
  wait: { flags: [FILES, SELECTOR, ALL_NS, OUTPUT, F('all', undefined, false), F('for', undefined, true, true), { long: 'timeout', value: true, type: 'duration' }, F('field-selector', undefined, true)], run: waitVerb },
  rollout: {
    flags: [FILES, SELECTOR, OUTPUT, F('watch', 'w', false), N('revision', 'int64'), { long: 'timeout', value: true, type: 'duration' }, N('to-revision', 'int64'), DRY_RUN],
    run: rolloutVerb,
  },
  explain: { flags: [F('recursive', undefined, false), F('api-version', undefined, true), OUTPUT], run: explainVerb },
  'api-resources': {
    flags: [F('api-group', undefined, true), F('namespaced', undefined, false), F('sort-by', undefined, true), F('no-headers', undefined, false), F('cached', undefined, false)],
    run: apiResourcesVerb,
  },
  version: { flags: [F('client', undefined, false), F('output', 'o', true)], run: versionVerb },
};

export const KUBECTL_VERBS: readonly string[] = KUBECTL_VERB_NAMES;

/** Every real kubectl command, in the order kubectl registers them: cobra suggests from these. */
const ALL_KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate',
  'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin', 'version',
];

export function kubectl(input: CommandInput): CommandOutput {
  const [verb, ...rest] = input.argv.slice(1);
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') return output(input.state, { stdout: KUBECTL_HELP });
  const def = getOwn(VERBS, verb);
  if (!def) {
    // A real command the simulator lacks (`run`) is not suggested as a fix for itself.
    const suggestions = ALL_KUBECTL_COMMANDS.filter((v) => v !== verb && closeEnough(verb, v));
    const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}\n` : '';
    return output(input.state, { stderr: `Error: unknown command "${verb}" for "kubectl"${hint}\n`, exitCode: 1 });
  }
  const parsed = parseFlags(rest, [...COMMON, ...def.flags]);
  if (!parsed.ok) return output(input.state, { stderr: usageError(commandPath(verb, rest), parsed.error) + '\n', exitCode: 1 });
  if (parsed.parsed.values['help']) return output(input.state, { stdout: `${KUBECTL_HELP}` });
  return def.run(makeContext(input, parsed.parsed));
}

/** cobra's suggestion rule: Levenshtein distance ≤ 2, or a prefix. */
function closeEnough(typed: string, verb: string): boolean {
  if (verb.startsWith(typed)) return true;
  const d: number[][] = Array.from({ length: typed.length + 1 }, (_, i) => [i, ...Array<number>(verb.length).fill(0)]);
  for (let j = 1; j <= verb.length; j++) d[0]![j] = j;
  for (let i = 1; i <= typed.length; i++) {
    for (let j = 1; j <= verb.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (typed[i - 1] === verb[j - 1] ? 0 : 1));
    }
  }
  return d[typed.length]![verb.length]! <= 2;
}

/**
 * Subcommands cobra names in a usage error (`See 'kubectl rollout undo --help'`): the leading
 * words of the command line that are subcommands of the verb, at most two levels deep.
 */
const SUBCOMMANDS: Partial<Record<string, Record<string, readonly string[]>>> = {
  rollout: { status: [], restart: [], history: [], undo: [], pause: [], resume: [] },
  create: {
    configmap: [], cm: [], deployment: [], deploy: [], namespace: [], ns: [], serviceaccount: [], sa: [], job: [],
    secret: ['generic', 'docker-registry', 'tls'],
  },
};

function commandPath(verb: string, rest: readonly string[]): string {
  const tree = SUBCOMMANDS[verb];
  const first = rest.find((a) => !a.startsWith('-'));
  if (!tree || first === undefined || !Object.hasOwn(tree, first)) return verb;
  const canonical = ({ cm: 'configmap', deploy: 'deployment', ns: 'namespace', sa: 'serviceaccount' } as Record<string, string>)[first] ?? first;
  const second = rest.filter((a) => !a.startsWith('-'))[1];
  return second !== undefined && tree[first]!.includes(second) ? `${verb} ${canonical} ${second}` : `${verb} ${canonical}`;
}
