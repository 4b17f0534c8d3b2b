// `kubectl create job`: the Job kubectl builds (one container named after it, restartPolicy
// Never), run to completion; --from needs a CronJob, which the simulated server does not serve.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });

describe('kubectl create job', () => {
  it('prints the Job it would create, as kubectl 1.34 does', () => {
    const r = run('kubectl create job hello --image=busybox:1.36 --dry-run=client -o yaml -- echo hi\n');
    expect(r.stdout).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hello\nspec:\n  template:\n    metadata: {}\n    spec:\n      containers:\n      - command:\n        - echo\n        - hi\n        image: busybox:1.36\n        name: hello\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
  });

  it('creates it; it runs to Complete and logs its output', () => {
    const r = run('kubectl create job hello --image=busybox:1.36 -- echo hi\nkubectl wait --for=condition=complete job/hello\nkubectl logs job/hello\nkubectl create job hello --image=busybox:1.36\n');
    expect(r.stdout).toBe('job.batch/hello created\njob.batch/hello condition met\nhi\n');
    expect(r.stderr).toBe('error: failed to create job: jobs.batch "hello" already exists\n');
  });

  it("kubectl's errors", () => {
    const r = run('kubectl create job x\nkubectl create job --image=busybox\nkubectl create job x --image=busybox --from=cronjob/y\nkubectl create job x --from=cronjob/y\nkubectl create job x --from=cronjob/y -- echo\n');
    expect(r.stderr).toBe(
      [
        'error: either --image or --from must be specified',
        'error: exactly one NAME is required, got 0',
        "See 'kubectl create job -h' for help and examples",
        'error: either --image or --from must be specified',
        'error: the server doesn\'t have a resource type "cronjob"',
        'error: cannot specify --from and command',
        '',
      ].join('\n'),
    );
  });
});
