// `kubectl get -w` in `kubesim run`: the first table, then a row per change while the simulated
// clock runs for --request-timeout (kubectl's own timer, which ends a watch with exit 0); the
// EVENT column of --output-watch-events padded as kubectl's formatEventType pads it; columns that
// only ever widen (the tabwriter's RememberWidths); the refusals kubectl 1.34 gives.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const JOB = `kubectl apply -f - <<EOF
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  ttlSecondsAfterFinished: 3
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, "sleep 5"]}]
EOF
`;

function run(script: string) {
  return runScript(script, { preset: 'kind', seed: 1, quiet: true, files: { read: () => undefined } });
}

describe('kubectl get -w', () => {
  it('prints each change while --request-timeout runs on the simulated clock, with EVENT and widening columns', () => {
    const r = run(`${JOB}kubectl get pods -w --output-watch-events --request-timeout=20s\n`);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = r.stdout.split('\n').slice(1);
    const pod = /once-[a-z0-9]{5}/.exec(r.stdout)![0];
    // The pod runs, completes at 5 s (STATUS widens for "Completed" and stays wide), and the
    // Job's TTL removes it with the Job 3 s later.
    expect(out[0]).toBe(`EVENT      NAME         READY   STATUS    RESTARTS   AGE`);
    expect(out[1]).toBe(`ADDED      ${pod}   1/1     Running   0          0s`);
    expect(out).toContain(`MODIFIED   ${pod}   0/1     Completed   0          5s`);
    expect(out.at(-2)).toMatch(new RegExp(`^DELETED    ${pod}   0/1     Completed   0          [89]s$`));
    // The watch took the simulated time: the Job is gone afterwards.
    expect(run(`${JOB}kubectl get pods -w --request-timeout=20s\nkubectl get jobs\n`).stderr).toBe('No resources found in default namespace.\n');
  });

  it('without --output-watch-events the rows come bare under the first header', () => {
    const r = run(`${JOB}kubectl get pods -w --request-timeout=6s\n`);
    const lines = r.stdout.trimEnd().split('\n').slice(1);
    expect(lines[0]).toBe('NAME         READY   STATUS    RESTARTS   AGE');
    expect(lines.slice(1).every((l) => /^once-[a-z0-9]{5}   /.test(l))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('without a timeout a script watches no further than the first table (it could not go on otherwise)', () => {
    const r = run(`${JOB}kubectl get pods -w --output-watch-events\nkubectl get pods\n`);
    expect(r.stdout.split('\n')[1]).toMatch(/^EVENT {6}NAME/);
    expect(r.stdout.split('\n')[2]).toMatch(/^ADDED {6}once-/);
    expect(r.stdout).toContain('Running');
    expect(r.stdout).not.toContain('Completed');
  });

  it('--watch-only prints only the changes, with the header on the first', () => {
    const r = run(`${JOB}kubectl get pods --watch-only --output-watch-events --request-timeout=6s\n`);
    expect(r.stdout).toMatch(/^job.batch\/once created\nEVENT      NAME         READY   STATUS      RESTARTS   AGE\nMODIFIED   once-[a-z0-9]{5}   0\/1     Completed   0          5s\n$/);
  });

  it('-o yaml prints each WatchEvent as its own document', () => {
    const r = run('kubectl create configmap a --from-literal=x=1\nkubectl get cm a -o yaml -w --output-watch-events --request-timeout=2s\n');
    expect(r.stdout).toMatch(/^configmap\/a created\nobject:\n  apiVersion: v1\n[\s\S]*\ntype: ADDED\n$/);
    expect(run('kubectl create configmap a --from-literal=x=1\nkubectl get cm a -o name -w --output-watch-events\n').stdout).toBe('configmap/a created\nconfigmap/a\n');
  });

  it('refuses several kinds and a bad timeout as kubectl does', () => {
    expect(run('kubectl get cm,sa -w\n')).toMatchObject({ stdout: '', stderr: 'error: you may only specify a single resource type\n', exitCode: 1 });
    expect(run('kubectl get cm -w --request-timeout=abc\n').stderr).toBe('error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n');
    expect(run('kubectl get cm nope -w\n')).toMatchObject({ stderr: 'Error from server (NotFound): configmaps "nope" not found\n', exitCode: 1 });
  });
});
