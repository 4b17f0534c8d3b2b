// The Pod `kubectl run NAME --image=…` builds (pkg/cmd/run/run.go createPod), and the checks its
// Complete and Validate make first, in their order, with their words.
import type { AnyStored } from '../../../engine/index.ts';
import { mergePatch } from '../../../lib/deep.ts';
import { setOwn } from '../../../lib/own.ts';
import type { KubectlContext } from '../context.ts';
import { flag, isSet } from '../flags.ts';

export interface RunPlan {
  pod: AnyStored;
  name: string;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  /** Wait for the pod and stream its output (`-i`, or `--attach`). */
  attach: boolean;
  stdin: boolean;
  tty: boolean;
  remove: boolean;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** What `kubectl run` would create, or its error (without `error: `). */
export function planRun(ctx: KubectlContext, dryRun: boolean): { ok: true; plan: RunPlan } | { ok: false; error: string } {
  const f = ctx.flags;
  // Complete: annotations, labels, env, restart policy, pull policy.
  const annotations: Record<string, string> = {};
  const badPairs: string[] = [];
  for (const pair of f.values['annotations'] ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0) setOwn(annotations, pair.slice(0, eq), pair.slice(eq + 1));
    else badPairs.push(pair);
  }
  if (badPairs.length) return { ok: false, error: `invalid annotations format: ${badPairs.join(', ')}` };
  let labels: Record<string, string> | undefined;
  const labelText = flag(f, 'labels') ?? '';
  if (labelText !== '') {
    labels = {};
    for (const spec of labelText.split(',')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { ok: false, error: `unexpected label spec: ${spec}` };
      if (parts[0] === '') return { ok: false, error: 'unexpected empty label key' };
      setOwn(labels, parts[0]!, parts[1]!);
    }
  }
  const env: { name: string; value: string }[] = [];
  for (const e of f.values['env'] ?? []) {
    const eq = e.indexOf('=');
    const name = eq < 0 ? '' : e.slice(0, eq);
    if (eq <= 0 || !ENV_NAME.test(name)) return { ok: false, error: `invalid env: ${e}` };
    env.push({ name, value: e.slice(eq + 1) });
  }
  const restart = flag(f, 'restart') ?? 'Always';
  const stdin = isSet(f, 'stdin');
  const restartPolicy = restart === '' ? (stdin ? 'OnFailure' : 'Always') : restart;
  if (restartPolicy !== 'Always' && restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    return { ok: false, error: `invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never` };
  }
  const pullPolicy = flag(f, 'image-pull-policy') ?? '';
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    return { ok: false, error: `invalid image pull policy: ${pullPolicy}, valid values are: Always, IfNotPresent, Never` };
  }
  const attachFlag = flag(f, 'attach');
  const attach = attachFlag === undefined ? stdin : attachFlag === 'true';
  // Validate.
  const name = f.argsAtDash === 0 ? undefined : f.args[0];
  if (name === undefined) return { ok: false, error: 'NAME is required for run' };
  const image = flag(f, 'image') ?? '';
  if (image === '') return { ok: false, error: '--image is required' };
  if (!REFERENCE.test(image)) return { ok: false, error: `invalid image name "${image}": invalid reference format` };
  const tty = isSet(f, 'tty');
  if (tty && !stdin) return { ok: false, error: '-i/--stdin is required for containers with -t/--tty=true' };
  const port = flag(f, 'port') ?? '';
  if (port !== '' && !/^[+-]?\d+$/.test(port)) return { ok: false, error: '--port must be a number' };
  const remove = isSet(f, 'rm');
  if (!attach && remove) return { ok: false, error: '--rm should only be used for attached containers' };
  if (attach && dryRun) return { ok: false, error: "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)" };
  // createPod: the words after the name (before or after `--`) are args, or the command with --command.
  const words = [...f.args.slice(1), ...f.rest];
  const container = {
    name,
    image,
    ...(words.length ? { [isSet(f, 'command') ? 'command' : 'args']: words } : {}),
    ...(env.length ? { env } : {}),
    ...(port !== '' ? { ports: [{ containerPort: Number(port) }] } : {}),
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    ...(isSet(f, 'privileged') ? { securityContext: { privileged: true } } : {}),
    resources: {},
    ...(stdin ? { stdin: true, ...(isSet(f, 'leave-stdin-open') ? {} : { stdinOnce: true }) } : {}),
    ...(tty ? { tty: true } : {}),
  };
  let pod: unknown = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: labels ?? { run: name },
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ...(ctx.namespaceGiven ? { namespace: ctx.namespace } : {}),
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy },
    status: {},
  };
  const overrides = flag(f, 'overrides') ?? '';
  if (overrides !== '') {
    // The default --override-type is a JSON merge patch (evanphx/json-patch's error for bad JSON).
    let patch: unknown;
    try {
      patch = JSON.parse(overrides);
    } catch {
      return { ok: false, error: 'Invalid JSON Patch' };
    }
    pod = mergePatch(pod, patch);
  }
  return { ok: true, plan: { pod: pod as AnyStored, name, restartPolicy, attach, stdin, tty, remove } };
}

// distribution/reference's ReferenceRegexp: [domain/]path[:tag][@digest], path components lowercase.
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_PART}(?:\\.${DOMAIN_PART})*(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);
