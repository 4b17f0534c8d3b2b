// The check primitives, each against a real run: met for the right state and history, not met
// (with a detail that says why) otherwise. Checks are pure: they never change the state.
import { describe, expect, it } from 'vitest';
import { evaluateCheck } from './checks/index.ts';
import { invocations } from './checks/commands.ts';
import { readPaths } from './checks/path.ts';
import { contextOf, hintsFor, runLines, startLesson, type LessonRun } from './run.ts';
import type { Check, Lesson } from './types.ts';

function lesson(preset: Lesson['preset'], setup?: string): Lesson {
  return { id: 't', title: 't', summary: 't', topic: 't', preset, seed: 1, ...(setup ? { setup } : {}), steps: [{ title: 's', prose: 'p', goals: [], solution: 'true', hints: ['one', 'two'] }] };
}

const PV = (name: string, size: string, policy = 'Retain') =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}, labels: {topology.kubernetes.io/tier: gold}}\nspec:\n  capacity: {storage: ${size}}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: ${policy}\n  hostPath: {path: /mnt/${name}}\nEOF\n`;
const PVC = (name: string, size: string) =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: ${size}}}\nEOF\n`;
const POD = (name: string, claim: string, zone?: string) =>
  `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${name}}}\nspec:\n${zone ? `  nodeSelector: {topology.kubernetes.io/zone: ${zone}}\n` : ''}  containers:\n  - name: main\n    image: busybox\n    command: [sleep, "3600"]\n    env: [{name: GREETING, value: hi}]\n    volumeMounts: [{name: d, mountPath: /d}]\n  - name: side\n    image: busybox\n    command: [sleep, "3600"]\n  volumes: [{name: d, persistentVolumeClaim: {claimName: ${claim}}}]\nEOF\n`;

function run(preset: Lesson['preset'], script: string): LessonRun {
  const r = startLesson(lesson(preset));
  runLines(r, script);
  return r;
}

const met = (r: LessonRun, check: Check) => evaluateCheck(contextOf(r), check);

describe('object checks', () => {
  const r = run('bare', `${PV('small', '1Gi')}${PV('big', '5Gi', 'Delete')}${PVC('data', '2048Mi')}kubectl get pvc\n`);

  it('exists and absent, by name, selector and field conditions', () => {
    expect(met(r, { exists: { kind: 'pv', name: 'big' } })).toEqual({ ok: true });
    expect(met(r, { exists: { kind: 'PersistentVolume', selector: 'topology.kubernetes.io/tier=gold' } })).toEqual({ ok: true });
    expect(met(r, { exists: { kind: 'pv', selector: 'tier=silver' } })).toMatchObject({ ok: false });
    expect(met(r, { exists: { kind: 'pvc', name: 'nope' } })).toEqual({ ok: false, why: 'there is no persistentvolumeclaim "nope"' });
    expect(met(r, { absent: { kind: 'pvc', name: 'nope' } })).toEqual({ ok: true });
    expect(met(r, { absent: { kind: 'pvc', name: 'data' } })).toEqual({ ok: false, why: 'persistentvolumeclaim "data" still exists' });
    expect(met(r, { exists: { kind: 'pvc', namespace: 'kube-system' } })).toMatchObject({ ok: false });
  });

  it('field values with equals, in, matches, exists and quantities', () => {
    expect(met(r, { field: { kind: 'pvc', name: 'data', path: 'status.phase', equals: 'Bound' } })).toEqual({ ok: true });
    // 2048Mi is 2Gi; the claim got the 5Gi volume, the smallest that fits.
    expect(met(r, { field: { kind: 'pvc', name: 'data', path: 'spec.resources.requests.storage', equals: '2Gi' } })).toEqual({ ok: true });
    expect(met(r, { field: { kind: 'pvc', name: 'data', path: 'status.capacity.storage', atLeast: '5Gi', atMost: '5120Mi' } })).toEqual({ ok: true });
    expect(met(r, { field: { kind: 'pvc', name: 'data', path: 'spec.volumeName', in: ['big', 'huge'] } })).toEqual({ ok: true });
    expect(met(r, { field: { kind: 'pv', name: 'small', path: 'status.phase', equals: 'Bound' } })).toEqual({ ok: false, why: 'persistentvolume "small": status.phase is "Available", not "Bound"' });
    expect(met(r, { field: { kind: 'pv', name: 'big', path: 'metadata.labels[topology.kubernetes.io/tier]', matches: '^go' } })).toEqual({ ok: true });
    expect(met(r, { field: { kind: 'pv', name: 'big', path: 'spec.nfs', exists: false } })).toEqual({ ok: true });
    expect(met(r, { field: { kind: 'pv', name: 'big', path: 'spec.hostPath.path', exists: false } })).toMatchObject({ ok: false });
    // Without a name, any object that fits will do.
    expect(met(r, { field: { kind: 'pv', where: [{ path: 'spec.persistentVolumeReclaimPolicy', equals: 'Delete' }], path: 'status.phase', equals: 'Bound' } })).toEqual({ ok: true });
  });

  it('counts objects that fit', () => {
    expect(met(r, { count: { kind: 'pv', equals: 2 } })).toEqual({ ok: true });
    expect(met(r, { count: { kind: 'pv', where: [{ path: 'status.phase', equals: 'Bound' }], atLeast: 2 } })).toEqual({ ok: false, why: 'found 1 that fit, fewer than 2' });
    expect(met(r, { count: { kind: 'pvc', atMost: 0 } })).toMatchObject({ ok: false });
  });

  it('with ever, finds what held at some moment since the start', () => {
    const later = run('bare', `${PV('keep', '1Gi')}${PVC('c', '1Gi')}kubectl delete pvc c\nkubectl patch pv keep -p '{"spec":{"claimRef":null}}'\n`);
    expect(met(later, { field: { kind: 'pv', name: 'keep', path: 'status.phase', equals: 'Released' } })).toMatchObject({ ok: false });
    expect(met(later, { field: { kind: 'pv', name: 'keep', path: 'status.phase', equals: 'Released', ever: true } })).toEqual({ ok: true });
    expect(met(later, { exists: { kind: 'pvc', name: 'c', ever: true } })).toEqual({ ok: true });
    expect(met(later, { exists: { kind: 'pvc', name: 'c' } })).toMatchObject({ ok: false });
  });
});

describe('zone, file and env checks', () => {
  it('the zone of a pod, of its claim and of the provisioned volume', () => {
    const r = run('multi-az', `${PVC('db', '1Gi')}${POD('app', 'db', 'us-east-1b')}`);
    expect(met(r, { zone: { kind: 'pod', name: 'app', equals: 'us-east-1b' } })).toEqual({ ok: true });
    expect(met(r, { zone: { kind: 'pvc', name: 'db', equals: 'us-east-1b' } })).toEqual({ ok: true });
    expect(met(r, { zone: { kind: 'pv', in: ['us-east-1b'] } })).toEqual({ ok: true });
    expect(met(r, { zone: { kind: 'pod', name: 'app', equals: 'us-east-1a' } })).toEqual({ ok: false, why: 'pod "app": its zone is "us-east-1b", not "us-east-1a"' });
  });

  it('a pod that has no node has no zone', () => {
    const r = run('multi-az', POD('lost', 'missing-claim', 'us-east-1a'));
    expect(met(r, { zone: { kind: 'pod', name: 'lost', exists: true } })).toEqual({ ok: false, why: 'pod "lost": its zone is not set' });
  });

  it('reads files through exec, per container, without changing the state', () => {
    const r = run('bare', `${PV('v', '1Gi')}${PVC('c', '1Gi')}${POD('p', 'c')}kubectl exec p -c main -- sh -c 'echo saved > /d/note'\n`);
    const before = JSON.stringify(r.session.state);
    expect(met(r, { file: { pod: 'p', path: '/d/note', equals: 'saved' } })).toEqual({ ok: true });
    expect(met(r, { file: { selector: 'app=p', container: 'main', path: '/d/note', contains: 'ave' } })).toEqual({ ok: true });
    // The side container does not mount the volume.
    expect(met(r, { file: { pod: 'p', path: '/d/note', allContainers: true, equals: 'saved' } })).toMatchObject({ ok: false });
    expect(met(r, { file: { pod: 'p', container: 'side', path: '/d/note', exists: false } })).toEqual({ ok: true });
    expect(met(r, { file: { pod: 'p', container: 'main', path: '/d/note', equals: 'lost' } })).toEqual({ ok: false, why: '"/d/note" in pod "p" is "saved", not "lost"' });
    expect(met(r, { file: { pod: 'nobody', path: '/d/note' } })).toEqual({ ok: false, why: 'there is no pod "nobody"' });
    expect(met(r, { env: { pod: 'p', container: 'main', name: 'GREETING', equals: 'hi' } })).toEqual({ ok: true });
    expect(met(r, { env: { pod: 'p', container: 'side', name: 'GREETING', exists: false } })).toEqual({ ok: true });
    expect(JSON.stringify(r.session.state)).toBe(before);
  });

  it('a pod that is not running cannot be read', () => {
    const r = run('bare', POD('p', 'none'));
    expect(met(r, { file: { pod: 'p', path: '/etc/hostname' } })).toEqual({ ok: false, why: 'pod "p" (container main) is not running' });
  });
});

describe('history checks', () => {
  const r = run('bare', `${PV('v', '1Gi')}kubectl get persistentvolumes -o wide\nkubectl -n default get pvc/x pv/y\nkubectl describe pod ghost | grep -c x\nfor i in 1; do kubectl delete configmap gone; done\n`);

  it('a command used, by verb and resource however it was spelled', () => {
    expect(met(r, { used: { verb: 'get', resource: 'pv' } })).toEqual({ ok: true });
    expect(met(r, { used: { verb: 'get', resource: 'persistentvolumeclaims' } })).toEqual({ ok: true });
    expect(met(r, { used: { verb: 'describe', resource: 'po' } })).toEqual({ ok: true });
    expect(met(r, { used: { verb: 'delete', resource: 'cm' } })).toEqual({ ok: true });
    expect(met(r, { used: { verb: 'get', resource: 'sc' } })).toEqual({ ok: false, why: '`kubectl get sc` has not been run' });
    expect(met(r, { used: { program: 'docker' } })).toMatchObject({ ok: false });
  });

  it('a command\'s output and an error having happened', () => {
    expect(met(r, { output: { command: { verb: 'get', resource: 'pv' }, matches: 'v +1Gi +RWO' } })).toEqual({ ok: true });
    expect(met(r, { output: { contains: 'no such thing' } })).toMatchObject({ ok: false });
    expect(met(r, { error: { contains: 'configmaps "gone" not found' } })).toEqual({ ok: true });
    expect(met(r, { error: { command: { verb: 'describe' } } })).toEqual({ ok: true });
    expect(met(r, { error: { command: { verb: 'get', resource: 'pv' } } })).toEqual({ ok: false, why: 'no command `kubectl get pv` has failed' });
  });

  it('an event\'s reason on an object', () => {
    const e = run('bare', PVC('orphan', '1Gi'));
    expect(met(e, { event: { kind: 'pvc', name: 'orphan', reason: 'FailedBinding' } })).toEqual({ ok: true });
    expect(met(e, { event: { kind: 'pvc', name: 'orphan', reason: 'ProvisioningSucceeded' } })).toEqual({ ok: false, why: 'no ProvisioningSucceeded event on persistentvolumeclaim "orphan" (its events: FailedBinding)' });
  });

  it('all, any and not', () => {
    const yes: Check = { used: { verb: 'get' } };
    const no: Check = { used: { verb: 'scale' } };
    expect(met(r, { all: [yes, no] })).toMatchObject({ ok: false });
    expect(met(r, { any: [no, yes] })).toEqual({ ok: true });
    expect(met(r, { not: no })).toEqual({ ok: true });
    expect(met(r, { not: yes })).toMatchObject({ ok: false });
  });

  it('the setup is not part of the learner\'s history', () => {
    const s = startLesson(lesson('bare', 'kubectl get pv\n'));
    expect(s.history).toEqual([]);
    expect(evaluateCheck(contextOf(s), { used: { verb: 'get' } })).toMatchObject({ ok: false });
  });
});

describe('helpers', () => {
  it('finds each tool a command line runs', () => {
    expect(invocations('kubectl -n x get pvc/data -o wide')).toEqual([{ program: 'kubectl', verb: 'get', kinds: ['PersistentVolumeClaim'] }]);
    expect(invocations('kubectl get pv,sc && sudo docker ps -a | grep x; echo "kubectl get pods"')).toEqual([
      { program: 'kubectl', verb: 'get', kinds: ['PersistentVolume', 'StorageClass'] },
      { program: 'docker', verb: 'ps', kinds: [] },
      { program: 'grep', verb: 'x', kinds: [] },
      { program: 'echo', verb: 'kubectl get pods', kinds: [] },
    ]);
    expect(invocations('x=$(kubectl get pod -l app=web -o name)')[1]).toEqual({ program: 'kubectl', verb: 'get', kinds: ['Pod'] });
  });

  it('reads paths with [*] and bracketed keys', () => {
    const o = { spec: { volumes: [{ a: { n: 1 } }, { b: 2 }, { a: { n: 3 } }] }, metadata: { labels: { 'x.io/y': 'z' } } };
    expect(readPaths(o, 'spec.volumes[*].a.n')).toEqual([1, 3]);
    expect(readPaths(o, 'spec.volumes[1].b')).toEqual([2]);
    expect(readPaths(o, 'metadata.labels[x.io/y]')).toEqual(['z']);
    expect(readPaths(o, 'metadata.labels.constructor')).toEqual([]);
  });

  it('reveals one more hint after each failed attempt', () => {
    const step = lesson('bare').steps[0]!;
    expect(hintsFor(step, 0)).toEqual([]);
    expect(hintsFor(step, 1)).toEqual(['one']);
    expect(hintsFor(step, 5)).toEqual(['one', 'two']);
  });
});
