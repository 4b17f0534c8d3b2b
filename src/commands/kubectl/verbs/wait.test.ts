// `kubectl wait`: each object in turn within one timeout, `condition met` per object, kubectl's
// errors word for word (pkg/cmd/wait); waiting advances the simulated clock, so a Job that runs
// for 7 s is Complete after the wait and its pod is 7 s old.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';
import { parseGoDuration } from '../go-duration.ts';

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: slow\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: work\n        image: busybox\n        command: ["sh", "-c", "echo working; sleep 7; echo done"]\n';
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n';
const files = { read: (p: string) => ({ 'job.yaml': JOB, 'web.yaml': DEPLOY })[p] };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });

describe('kubectl wait', () => {
  it('waits on the simulated clock until the condition holds, and times out in kubectl words', () => {
    const r = run('kubectl apply -f job.yaml\nkubectl wait --for=condition=Complete job/slow --timeout=3s\nkubectl wait --for=condition=complete job/slow --timeout=1m\nkubectl get pods --no-headers\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on jobs/slow\n');
    expect(r.stdout).toMatch(/^job\.batch\/slow created\njob\.batch\/slow condition met\nslow-\w{5} +0\/1 +Completed +0 +7s\n$/);
    expect(r.exitCode).toBe(1);
  });

  it('condition=NAME=VALUE, jsonpath with and without a value, -l and --all, -o name', () => {
    const r = run(
      'kubectl apply -f web.yaml\nkubectl wait --for=condition=Ready=False pod -l app=web --timeout=0\n' +
        "kubectl wait --for=jsonpath='{.status.phase}'=Running pod -l app=web\nkubectl wait --for=jsonpath=.status.readyReplicas deploy/web -o name\n" +
        'kubectl wait --for=condition=Available deployments --all\n',
    );
    expect(r.stderr).toMatch(/^error: condition not met for pods\/web-\w+-\w{5}\n$/);
    expect(r.stdout).toMatch(/^deployment\.apps\/web created\npod\/web-\S+ condition met\npod\/web-\S+ condition met\ndeployment\.apps\/web\ndeployment\.apps\/web condition met\n$/);
  });

  it('--for=delete ends when the object is gone, and is met at once for one that never was', () => {
    const r = run('kubectl run p --image=nginx\nkubectl wait --for=delete pod/p --timeout=1s\nkubectl delete pod p --wait=false\nkubectl wait --for=delete pod/p pod/never\nkubectl wait --for=delete pods -l run=none\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/p\n');
    expect(r.stdout).toBe('pod/p created\npod "p" deleted from default namespace\n');
  });

  it('--for=delete waits out a grace period: sleep ignores SIGTERM, so the pod goes after 30 s', () => {
    const r = run('kubectl run p --image=busybox -- sleep 3600\nkubectl delete pod p --wait=false\nkubectl wait --for=delete pod/p --timeout=10s\nkubectl wait --for=delete pod/p --timeout=60s\nkubectl get pods\n');
    expect(r.stdout).toBe('pod/p created\npod "p" deleted from default namespace\npod/p condition met\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/p\nNo resources found in default namespace.\n');
  });

  it('--for=create waits for the object to exist', () => {
    const r = run('kubectl wait --for=create pod/later --timeout=2s\nkubectl run later --image=nginx\nkubectl wait --for=create pod/later\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.stdout).toBe('pod/later created\npod/later condition met\n');
  });

  it("refuses what kubectl refuses, with kubectl's words", () => {
    const lines = [
      'kubectl wait pod/x',
      'kubectl wait --for=foo pod/x',
      "kubectl wait --for=jsonpath='{.a}=' pod/x",
      'kubectl wait --for=jsonpath= pod/x',
      'kubectl wait --for=condition=Ready pod/x',
      'kubectl wait --for=condition=Ready pods',
      'kubectl wait --for=condition=Ready pods -l app=none',
      'kubectl wait --for=condition=Ready',
      'kubectl wait --for=condition=Ready pod/x --timeout=5',
    ];
    const r = run(lines.join('\n') + '\n');
    expect(r.stderr).toBe(
      [
        'error: unrecognized condition: []',
        'error: unrecognized condition: "foo"',
        "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
        'error: jsonpath expression cannot be empty',
        'Error from server (NotFound): pods "x" not found',
        'error: resource(s) were provided, but no name was specified',
        'error: no matching resources found',
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        'Error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl wait --help\' for usage.',
      ].join('\n') + '\n',
    );
  });

  it('-f names the objects to wait for', () => {
    const r = run('kubectl apply -f job.yaml\nkubectl wait -f job.yaml --for=condition=Complete\nkubectl wait -f nope.yaml --for=condition=Complete\n');
    expect(r.stdout).toBe('job.batch/slow created\njob.batch/slow condition met\n');
    expect(r.stderr).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('jsonpath that selects a list or several values is an error', () => {
    const r = run("kubectl apply -f web.yaml\nkubectl wait --for=jsonpath='{.status}'=x deploy/web\nkubectl wait --for=jsonpath='{.status.conditions[*].type}'=x deploy/web\n");
    expect(r.stderr).toBe('error: jsonpath leads to a nested object or list which is not supported\nerror: given jsonpath expression matches more than one value\n');
  });
});

describe("Go's time.ParseDuration", () => {
  it('reads what kubectl --timeout accepts and words what it refuses as Go does', () => {
    expect(parseGoDuration('30s')).toEqual({ ok: true, ms: 30_000 });
    expect(parseGoDuration('1m30s')).toEqual({ ok: true, ms: 90_000 });
    expect(parseGoDuration('1.5h')).toEqual({ ok: true, ms: 5_400_000 });
    expect(parseGoDuration('-1s')).toEqual({ ok: true, ms: -1000 });
    expect(parseGoDuration('0')).toEqual({ ok: true, ms: 0 });
    expect(parseGoDuration('abc')).toEqual({ ok: false, error: 'time: invalid duration "abc"' });
    expect(parseGoDuration('5x')).toEqual({ ok: false, error: 'time: unknown unit "x" in duration "5x"' });
    expect(parseGoDuration('')).toEqual({ ok: false, error: 'time: invalid duration ""' });
  });
});
