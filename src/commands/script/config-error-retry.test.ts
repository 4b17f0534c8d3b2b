// A pod in CreateContainerConfigError is tried again at the kubelet's later syncs, whether the
// object it needs was missing or only one of its keys: once the key is there, whichever way it was
// written, the next sync starts the container. Both cases retry on the same clock.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import type { Stored } from '../../engine/api/objects.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
const POD = (ref: string) =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: [sleep, "3600"]\n    env:\n    - name: K\n      valueFrom:\n        ${ref}: {name: s, key: k}\nEOF\n`;
const podOf = (r: ReturnType<typeof run>) => r.state.objects.Pod?.['default/p'] as Stored<'Pod'> | undefined;
const phaseOf = (r: ReturnType<typeof run>) => podOf(r)?.status?.phase;
const waitingOf = (r: ReturnType<typeof run>) => podOf(r)?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
const failedCount = (r: ReturnType<typeof run>) =>
  (Object.values(r.state.objects.Event ?? {}) as Stored<'Event'>[]).find((e) => e.reason === 'Failed' && e.involvedObject.name === 'p')?.count;

describe('CreateContainerConfigError is retried when a missing key is added', () => {
  const adds: [string, string, string][] = [
    ['Secret data by merge patch', 'secretKeyRef', `kubectl patch secret s --type merge -p '{"data":{"k":"dg=="}}'`],
    ['Secret stringData by patch', 'secretKeyRef', `kubectl patch secret s -p '{"stringData":{"k":"v"}}'`],
    ['Secret by apply', 'secretKeyRef', 'kubectl create secret generic s --from-literal=a=b --from-literal=k=v --dry-run=client -o yaml | kubectl apply -f -'],
    ['ConfigMap data by patch', 'configMapKeyRef', `kubectl patch configmap s -p '{"data":{"k":"v"}}'`],
  ];
  for (const [name, ref, add] of adds) {
    it(`starts the pod after ${name}`, () => {
      const make = ref === 'secretKeyRef' ? 'kubectl create secret generic s --from-literal=a=b\n' : 'kubectl create configmap s --from-literal=a=b\n';
      const before = run(make + POD(ref) + 'sleep 20\n');
      expect(waitingOf(before)).toBe('CreateContainerConfigError');
      const after = run(make + POD(ref) + 'sleep 20\n' + add + '\n');
      expect(after.exitCode).toBe(0);
      expect(phaseOf(after)).toBe('Running');
      const out = run(make + POD(ref) + 'sleep 20\n' + add + '\nkubectl exec p -- printenv K\n').chunks.map((c) => c.text).join('');
      expect(out.endsWith('v\n')).toBe(true);
    });
  }

  it('tries as often for a missing key as for a missing object', () => {
    const missingKey = run('kubectl create secret generic s --from-literal=a=b\n' + POD('secretKeyRef') + 'sleep 60\n');
    const missingObject = run(POD('secretKeyRef') + 'sleep 60\n');
    expect(failedCount(missingKey)).toBeGreaterThan(1);
    expect(failedCount(missingKey)).toBe(failedCount(missingObject));
  });

  it('a key named like an Object member is still missing', () => {
    const r = run('kubectl create secret generic s --from-literal=a=b\n' + POD('secretKeyRef').replace('key: k', 'key: constructor'));
    expect(waitingOf(r)).toBe('CreateContainerConfigError');
  });
});
