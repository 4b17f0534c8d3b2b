// `kubectl run`: the pod it builds (run.go createPod; the --dry-run=client output as the kubectl
// client prints it, less 1.34's dropped `creationTimestamp: null`), its checks in order, and the
// attached forms a learner types: `--rm -it --restart=Never -- CMD`.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });

describe('kubectl run', () => {
  it('builds a pod labelled run=NAME whose container is named after it, args after the name', () => {
    const r = run('kubectl run box --image=busybox --dry-run=client -o yaml -- sleep 1\n');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: box\n  name: box\nspec:\n  containers:\n  - args:\n    - sleep\n    - "1"\n    image: busybox\n    name: box\n    resources: {}\n' +
        '  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it('--command, --env, --port, --labels, --restart and --overrides shape the pod', () => {
    const r = run(
      `kubectl run box --image=busybox --command --env=A=1 --env=B=x=y --port=8080 --labels=app=web,tier=front --restart=Never --overrides='{"spec":{"nodeName":"kind-control-plane"}}' --dry-run=client -o json -- sh -c 'echo hi'\n`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'box', labels: { app: 'web', tier: 'front' } },
      spec: {
        containers: [{ name: 'box', image: 'busybox', command: ['sh', '-c', 'echo hi'], ports: [{ containerPort: 8080 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }], resources: {} }],
        restartPolicy: 'Never',
        dnsPolicy: 'ClusterFirst',
        nodeName: 'kind-control-plane',
      },
      status: {},
    });
    // Go struct order: kind before apiVersion, name before labels, containers before restartPolicy.
    expect(r.stdout.indexOf('"kind"')).toBeLessThan(r.stdout.indexOf('"apiVersion"'));
    expect(r.stdout.indexOf('"containers"')).toBeLessThan(r.stdout.indexOf('"restartPolicy"'));
  });

  it('creates the pod and prints pod/NAME created; a second one is the server refusal', () => {
    const r = run('kubectl run web --image=nginx\nkubectl get pod web --no-headers\nkubectl run web --image=nginx\n');
    expect(r.stdout).toMatch(/^pod\/web created\nweb +1\/1 +Running +0 +0s\n$/);
    expect(r.stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
  });

  it.each([
    ['run', 'error: required flag(s) "image" not set'],
    ['run --image=nginx', 'error: NAME is required for run'],
    ['run x --image=nginx --restart=Sometimes', 'error: invalid restart policy: Sometimes, valid values are: Always, OnFailure, Never'],
    ['run x --image=nginx --env=1A=b', 'error: invalid env: 1A=b'],
    ['run x --image=nginx --labels=app', 'error: unexpected label spec: app'],
    ['run x --image=Nginx', 'error: invalid image name "Nginx": invalid reference format'],
    ['run x --image=nginx -t', 'error: -i/--stdin is required for containers with -t/--tty=true'],
    ['run x --image=nginx --port=http', 'error: --port must be a number'],
    ['run x --image=nginx --rm', 'error: --rm should only be used for attached containers'],
    ['run x --image=nginx -i --dry-run=client', "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)"],
    ["run x --image=nginx --overrides='{'", 'error: Invalid JSON Patch'],
  ])('kubectl %s is refused', (line, message) => {
    const r = run(`kubectl ${line}\n`);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stdout).toBe('');
    expect(r.state.objects.Pod?.['default/x']).toBeUndefined();
  });

  it('--rm -it --restart=Never prints what the command printed, then deletes the pod', () => {
    const r = run('kubectl run tmp --image=busybox --rm -it --restart=Never -- echo hello\nkubectl get pods\n');
    expect(r.stdout).toBe('hello\npod "tmp" deleted from default namespace\n');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it("a failing command's exit code is kubectl's, after the pod is deleted", () => {
    const r = run("kubectl run tmp --image=busybox --rm -i --restart=Never -- sh -c 'echo oops; exit 3'\n");
    expect(r.stdout).toBe('oops\npod "tmp" deleted from default namespace\n');
    expect(r.stderr).toBe('pod default/tmp terminated (Error)\n');
    expect(r.exitCode).toBe(1);
  });

  it('attaching to a pod still running: its output so far, the TTY fallback and attach notes', () => {
    const r = run("kubectl run srv -it --image=busybox -- sh -c 'echo up; sleep 3600'\n");
    expect(r.stdout).toBe('up\n');
    expect(r.stderr).toBe(
      'Unable to use a TTY - input is not a terminal or the right kind of file\n' +
        'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n",
    );
    const pod = getObject(readerOf(r.state), 'Pod', 'default', 'srv');
    expect(pod.ok && pod.value.kind === 'Pod' ? pod.value.spec?.containers[0] : undefined).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
  });

  it('--dry-run=server checks the pod and keeps nothing', () => {
    const r = run('kubectl run web --image=nginx --dry-run=server\nkubectl get pods\n');
    expect(r.stdout).toBe('pod/web created (server dry run)\n');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });
});
