// kubectl's command-line checks and the verbs' flags, through the script runner as a learner types them.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const POD = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: c
    image: busybox
    command: [sh, -c, 'echo one; echo two; echo three; sleep 3600']
EOF
`;

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });

describe('kubectl command lines', () => {
  it('delete -l sends the selector to the server and prints its refusal as get does', () => {
    const r = run("kubectl delete pods -l 'a=b=c'\nkubectl delete pods --field-selector foo=bar\n");
    expect(r.stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a=b=c", field selector "": found \'=\', expected: \',\' or \'end of string\'\n' +
        'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
    );
  });

  it('delete -l with a good selector deletes what matches', () => {
    const r = run(`${POD}kubectl delete pods -l app=web --grace-period=0 --force\nkubectl get pods\n`);
    expect(r.stdout).toContain('pod "web" force deleted from default namespace\n');
    expect(r.stderr).toContain('No resources found in default namespace.\n');
  });

  it('create serviceaccount (and sa) makes one; a missing name is a usage error under the command name', () => {
    const r = run('kubectl create serviceaccount builder\nkubectl create sa builder\nkubectl create sa\n');
    expect(r.stdout).toBe('serviceaccount/builder created\n');
    expect(r.stderr).toBe(
      // create_serviceaccount.go wraps the server's refusal in its own error.
      'error: failed to create serviceaccount: serviceaccounts "builder" already exists\nerror: exactly one NAME is required, got 0\nSee \'kubectl create serviceaccount -h\' for help and examples\n',
    );
  });

  it('exec: the pod comes before `--`, the command after it', () => {
    const r = run(`${POD}kubectl exec web\nkubectl exec web --\nkubectl exec -- ls\nkubectl exec web ls\nkubectl exec web ignored -- echo hi\n`);
    expect(r.stderr).toBe(
      'error: you must specify at least one command for the container\n' +
        'error: you must specify at least one command for the container\n' +
        'error: pod, type/name or --filename must be specified\n' +
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    expect(r.stdout).toBe('pod/web created\nhi\n');
  });

  it('logs --tail keeps the last lines; a bad number fails before the pod is looked up', () => {
    const r = run(`${POD}kubectl logs web --tail=2\nkubectl logs web --tail 0\nkubectl logs nope --tail=x\n`);
    expect(r.stdout).toBe('pod/web created\ntwo\nthree\n');
    expect(r.stderr).toBe('Error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl logs --help\' for usage.\n');
  });

  it('get --ignore-not-found and --watch-only', () => {
    const r = run('kubectl get pod nope --ignore-not-found\nkubectl get pods --watch-only\nkubectl get pods --chunk-size=0x10\n');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it('label checks its pairs before asking for the object', () => {
    const r = run('kubectl label pods nope a=b a-\nkubectl label pods a=b nope\nkubectl annotate pods nope a=b =x\nkubectl annotate pods nope a=1 a-\n');
    expect(r.stderr).toBe(
      'error: can not both modify and remove a label in the same command\n' +
        'error: all resources must be specified before label changes: nope\n' +
        'error: all resources must be specified before annotation changes: =x\n' +
        'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    );
  });

  it('version and api-resources refuse what they do not take', () => {
    const r = run('kubectl version extra\nkubectl version -o xml\nkubectl api-resources pods pvc\nkubectl version --client\n');
    expect(r.stderr).toBe(
      "error: extra arguments: [extra]\nerror: --output must be 'yaml' or 'json'\nerror: unexpected arguments: [pods pvc]\nSee 'kubectl api-resources -h' for help and examples\n",
    );
    expect(r.stdout).toBe('Client Version: v1.34.0\nKustomize Version: v5.7.1\n');
  });

  it('api-resources filters by scope and group only when asked, and sorts by name or kind', () => {
    const r = run('kubectl api-resources --api-group=storage.k8s.io --namespaced=false --sort-by=kind --no-headers\nkubectl api-resources --sort-by=age\n');
    expect(r.stdout).toBe(
      'csidrivers                storage.k8s.io/v1   false   CSIDriver\nstorageclasses      sc    storage.k8s.io/v1   false   StorageClass\nvolumeattachments         storage.k8s.io/v1   false   VolumeAttachment\n',
    );
    expect(r.stderr).toBe('error: --sort-by accepts only name or kind\n');
  });
});

describe('usage errors name the subcommand, as cobra does', () => {
  it.each([
    ['kubectl rollout undo deployment/x --to-revision=99999999999999999999', 'rollout undo'],
    ['kubectl create configmap x --bogus', 'create configmap'],
    ['kubectl create cm x --bogus', 'create configmap'],
    ['kubectl create secret generic x --bogus', 'create secret generic'],
    ['kubectl get pods --bogus', 'get'],
  ])('%s', (line, path) => {
    const r = runScript(`${line}\n`, { preset: 'kind', quiet: true, files: { read: () => undefined } });
    expect(r.stderr).toMatch(new RegExp(`\\nSee 'kubectl ${path} --help' for usage\\.\\n$`));
  });
});
