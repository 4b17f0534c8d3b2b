// `kubectl get all`: the "all" category in discovery order, one table per kind with kubectl's
// `kind.group/name` prefix, a blank line between tables (pkg/cmd/get: printWithKind when the
// request spans several kinds).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';
import { ALL_RESOURCES, expandAllCategory } from './get-all.ts';

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: [sh, -c, "sleep 3600"]\n';
const files = { read: (p: string) => ({ 'job.yaml': JOB })[p] };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });

describe('kubectl get all', () => {
  it('expands to the modeled members of the category, in kubectl order', () => {
    expect(ALL_RESOURCES).toEqual(['pods', 'services', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'jobs.batch']);
    expect(expandAllCategory(['all'])).toEqual(['pods,services,deployments.apps,replicasets.apps,statefulsets.apps,jobs.batch']);
    expect(expandAllCategory(['pvc,all,po', 'x'])).toEqual(['pvc,pods,services,deployments.apps,replicasets.apps,statefulsets.apps,jobs.batch', 'x']);
    expect(expandAllCategory(['pod/all'])).toEqual(['pod/all']);
  });

  it('says nothing was found in the namespace when it is empty', () => {
    // The default namespace always holds the API server's kubernetes Service.
    // (kube-system holds the kube-dns Service.)
    const r = run('kubectl get all -n kube-public\nkubectl get all -n kube-node-lease\n');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in kube-public namespace.\nNo resources found in kube-node-lease namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it('prints one prefixed table per kind, with a blank line between them', () => {
    const r = run('kubectl create deployment web --image=nginx --replicas=1\nkubectl apply -f job.yaml\nkubectl get all --no-headers | wc -l\nkubectl get all\n');
    const out = r.stdout.split('\n').slice(3).join('\n');
    expect(out).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\npod\/once-\w{5} +1\/1 +Running +0 +0s\npod\/web-\w+-\w{5} +1\/1 +Running +0 +0s\n\nNAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/kubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP +0s\n\nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/web +1\/1 +1 +1 +0s\n\nNAME +DESIRED +CURRENT +READY +AGE\nreplicaset\.apps\/web-\w+ +1 +1 +1 +0s\n\nNAME +STATUS +COMPLETIONS +DURATION +AGE\njob\.batch\/once +Running +0\/1 +0s +0s\n$/,
    );
  });

  it('follows -A, -o wide and -l like any multi-kind get', () => {
    const r = run('kubectl create deployment web --image=nginx\nkubectl run solo --image=nginx\nkubectl get all -A -l app=web\nkubectl get all -o wide -l run=solo\n');
    const [, , ...rest] = r.stdout.split('\n');
    const text = rest.join('\n');
    expect(text).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE\ndefault +pod\/web-\w+-\w{5} +1\/1 +Running/);
    expect(text).toMatch(/\n\nNAMESPACE +NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndefault +deployment\.apps\/web +1\/1/);
    expect(text).toMatch(/\nNAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES\npod\/solo +1\/1 +Running +0 +0s +[\d.]+ +kind-control-plane +<none> +<none>\n$/);
  });
});
