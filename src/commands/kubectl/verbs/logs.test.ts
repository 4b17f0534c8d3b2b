// `kubectl logs TYPE/NAME`, `-l`, `--all-containers`, `--prefix`, `--all-pods`, `-f` in a script,
// with kubectl's notes on stderr and its errors word for word (pkg/cmd/logs, logsforobject.go).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const TWO = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - name: a\n    image: busybox\n    command: ["sh", "-c", "echo from a; sleep 3600"]\n  - name: b\n    image: busybox\n    command: ["sh", "-c", "echo from b; echo more b; sleep 3600"]\n';
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: hello\n        image: busybox\n        command: ["sh", "-c", "echo hi from the job"]\n';
const files = { read: (p: string) => ({ 'two.yaml': TWO, 'job.yaml': JOB })[p] };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });
const WEB = `kubectl create deployment web --image=busybox --replicas=3 -- sh -c 'echo hello from $HOSTNAME; echo second line; sleep 3600'\n`;

describe('kubectl logs TYPE/NAME', () => {
  it("a deployment's logs are its first pod's, named on stderr when it has several", () => {
    const r = run(`${WEB}kubectl logs deployment/web\nkubectl logs deploy/web -f --prefix\n`);
    const first = /Found 3 pods, using pod\/(web-\w+-\w{5})\n/.exec(r.stderr)?.[1];
    expect(first).toBeDefined();
    expect(r.stderr).toBe(`Found 3 pods, using pod/${first}\n`.repeat(2));
    expect(r.stdout).toBe(`deployment.apps/web created\nhello from ${first}\nsecond line\n[pod/${first}/busybox] hello from ${first}\n[pod/${first}/busybox] second line\n`);
  });

  it('a job with one pod names no pod; -l shows every pod, ten lines each unless --tail says', () => {
    const r = run(`kubectl apply -f job.yaml\nkubectl logs job/hello\n${WEB}kubectl logs -l app=web --tail=1\nkubectl logs -l app=web --prefix --tail=-1\nkubectl logs deploy/web --all-pods | wc -l\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^job\.batch\/hello created\nhi from the job\ndeployment\.apps\/web created\nsecond line\nsecond line\nsecond line\n(\[pod\/web-\w+-\w{5}\/busybox\] (hello from web-\w+-\w{5}|second line)\n){6}6\n$/);
  });

  it('several containers: the first by default (said on stderr), one by name, or all with --prefix', () => {
    const r = run('kubectl apply -f two.yaml\nkubectl logs two\nkubectl logs two b\nkubectl logs pod/two --all-containers --prefix\nkubectl logs two -c b --tail=1\n');
    expect(r.stdout).toBe('pod/two created\nfrom a\nfrom b\nmore b\n[pod/two/a] from a\n[pod/two/b] from b\n[pod/two/b] more b\nmore b\n');
    expect(r.stderr).toBe('Defaulted container "a" out of: a, b\n');
  });

  it("refuses what kubectl refuses, in kubectl's words", () => {
    const lines = ['kubectl logs', 'kubectl logs nope', 'kubectl logs deploy/nope', 'kubectl logs two -l app=x', 'kubectl logs two --all-containers -c a', 'kubectl logs two c -c a', 'kubectl logs two nope', 'kubectl logs pvc/x', 'kubectl logs -l app=none'];
    const r = run(`kubectl apply -f two.yaml\nkubectl create deployment web --image=nginx\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: x}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\nEOF\n${lines.join('\n')}\n`);
    expect(r.stderr).toBe(
      [
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
        'error: error from server (NotFound): pods "nope" not found in namespace "default"',
        'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"',
        "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples",
        'error: --all-containers=true should not be specified with container name a',
        'error: only one of -c or an inline [CONTAINER] arg is allowed',
        'error: container nope is not valid for pod two',
        'error: cannot get the logs from *v1.PersistentVolumeClaim: selector for *v1.PersistentVolumeClaim not implemented',
        'No resources found in default namespace.',
      ].join('\n') + '\n',
    );
  });
});
