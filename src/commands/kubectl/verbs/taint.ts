// `kubectl taint nodes NODE KEY[=VALUE]:EFFECT … [--overwrite]`, and `KEY[:EFFECT]-` to remove.
// The node.kubernetes.io/out-of-service taint is how an administrator says a silent node is
// really gone (non-graceful node shutdown): its pods are then deleted and their disks detached.
import type { Taint } from 'kubernetes-types/core/v1';
import { act, getObject, rfc3339, updateObject } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { formatApiError } from '../errors.ts';
import { isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

type Change = { remove: false; taint: Taint } | { remove: true; key: string; effect?: string };

function parseSpec(spec: string): Change | string {
  const removing = spec.endsWith('-');
  const body = removing ? spec.slice(0, -1) : spec;
  const colon = body.lastIndexOf(':');
  const keyValue = colon >= 0 ? body.slice(0, colon) : body;
  const effect = colon >= 0 ? body.slice(colon + 1) : undefined;
  const [key, value] = keyValue.split('=', 2) as [string, string | undefined];
  if (!key) return `invalid taint spec: ${spec}`;
  if (effect !== undefined && !EFFECTS.includes(effect)) return `invalid taint spec: ${spec}, unsupported taint effect: ${effect}`;
  if (removing) return { remove: true, key, ...(effect ? { effect } : {}) };
  if (!effect) return `invalid taint spec: ${spec}`;
  return { remove: false, taint: { key, ...(value ? { value } : {}), effect } };
}

export function taintVerb(ctx: KubectlContext): CommandOutput {
  const [resource, name, ...specs] = ctx.flags.args;
  const slash = resource?.match(/^(nodes?|no)\/(.+)$/);
  const nodeName = slash ? slash[2] : name;
  const rest = slash ? [name, ...specs].filter((s): s is string => s !== undefined) : specs;
  if (!resource || !nodeName || (!slash && !['node', 'nodes', 'no'].includes(resource))) {
    return output(ctx.state, { stderr: "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples\n", exitCode: 1 });
  }
  if (rest.length === 0) return output(ctx.state, { stderr: "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples\n", exitCode: 1 });
  const changes: Change[] = [];
  for (const spec of rest) {
    const c = parseSpec(spec);
    if (typeof c === 'string') return output(ctx.state, { stderr: `error: ${c}\n`, exitCode: 1 });
    changes.push(c);
  }
  const stdout: string[] = [];
  const stderr: string[] = [];
  const r = act(ctx.state, `user ran kubectl taint nodes ${nodeName} ${rest.join(' ')}`, (txn) => {
    const got = getObject(txn, 'Node', undefined, nodeName);
    if (!got.ok) return stderr.push(formatApiError(got.error));
    const node = got.value;
    let taints = [...(node.spec?.taints ?? [])];
    let added = false;
    let removed = false;
    for (const c of changes) {
      if (c.remove) {
        const left = taints.filter((t) => !(t.key === c.key && (!c.effect || t.effect === c.effect)));
        if (left.length === taints.length) return stderr.push(`error: taint "${c.effect ? `${c.key}:${c.effect}` : c.key}" not found`);
        taints = left;
        removed = true;
        continue;
      }
      const same = taints.findIndex((t) => t.key === c.taint.key && t.effect === c.taint.effect);
      if (same >= 0 && !isSet(ctx.flags, 'overwrite')) {
        return stderr.push(`error: node ${nodeName} already has ${c.taint.key} taint(s) with same effect(s) and --overwrite is false`);
      }
      // NoExecute taints carry the time they were added: the taint-eviction-controller counts from it.
      const taint = c.taint.effect === 'NoExecute' ? { ...c.taint, timeAdded: rfc3339(txn.state.now) } : c.taint;
      taints = same >= 0 ? taints.map((t, i) => (i === same ? taint : t)) : [...taints, taint];
      added = true;
    }
    const spec = { ...node.spec };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    const res = updateObject(txn, node, { ...node, spec });
    if (!res.ok) return stderr.push(formatApiError(res.error));
    return stdout.push(`node/${nodeName} ${added && removed ? 'modified' : added ? 'tainted' : 'untainted'}`);
  });
  return output(stderr.length ? ctx.state : r.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: stderr.length ? 1 : 0, steps: stderr.length ? [] : r.steps });
}
