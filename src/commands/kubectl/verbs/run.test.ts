// `kubectl run`: the pod it builds (run.go createPod; the --dry-run=client output as the kubectl
// client prints it, less 1.34's dropped `creationTimestamp: null`), its checks in order, and the
// attached forms a learner types: `--rm -it --restart=Never -- CMD`.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';
import { createHostSession } from '../../shell/host-shell.ts';
import { finishInteractive } from '../../interactive/launch.ts';
import { createCluster } from '../../../engine/index.ts';
import { interactiveLine, interactivePrompt } from '../../../engine/containers/interactive.ts';

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

  const NOTES =
    'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
    "If you don't see a command prompt, try pressing enter.\n";
  const text = (r: { chunks?: { text: string }[]; stdout: string; stderr: string }) => (r.chunks ? r.chunks.map((c) => c.text).join('') : r.stdout + r.stderr);

  it('-i -- sh: the main process waits on its stdin and runs the here-document, then stdin closes (stdinOnce) and it exits', () => {
    const r = run("kubectl run a -i --rm --image=busybox --restart=Never -- sh <<'EOF'\nx=5; echo $x > /tmp/f\ncat /tmp/f; echo to stderr >&2\nEOF\n");
    // In kubectl's order: attach's notes, the stream, then --rm's deletion.
    expect(text(r)).toBe(`${NOTES}5\nto stderr\npod "a" deleted from default namespace\n`);
    expect(r.exitCode).toBe(0);
  });

  it('-it with a here-document: no TTY for kubectl, but the container’s own pseudo-terminal echoes each line and prompts', () => {
    const r = run("kubectl run b -it --rm --image=busybox --restart=Never -- sh <<'EOF'\necho hi\nls /nope\nexit 3\nEOF\n");
    expect(r.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n' + NOTES + 'pod default/b terminated (Error)\n');
    expect(r.stdout).toBe('echo hi\nhi\n/ # ls /nope\nls: /nope: No such file or directory\n/ # exit 3\npod "b" deleted from default namespace\n');
    // The deletion (deferred) comes before the pod's failure.
    expect(text(r).indexOf('deleted')).toBeLessThan(text(r).indexOf('terminated'));
    expect(r.exitCode).toBe(1);
  });

  it('-i without --rm: the output is the container’s log; the pod completes', () => {
    const r = run("kubectl run d -i --image=busybox --restart=Never -- cat <<'EOF'\none\ntwo\nEOF\nkubectl logs d\nkubectl get pod d --no-headers\n");
    expect(r.stdout).toMatch(/^one\ntwo\none\ntwo\nd +0\/1 +Completed +0 +0s\n$/);
  });

  it('-i -t set stdin, stdinOnce and tty as kubectl does; --leave-stdin-open leaves out stdinOnce', () => {
    const spec = (line: string) => {
      const r = run(`kubectl run x --image=busybox ${line} --dry-run=client -o json\n`);
      return JSON.parse(r.stdout || '{}').spec?.containers?.[0];
    };
    // --dry-run refuses attached runs: --attach=false keeps the spec without attaching.
    expect(spec('-i --attach=false')).toMatchObject({ stdin: true, stdinOnce: true });
    expect(spec('-i --attach=false').tty).toBeUndefined();
    expect(spec('-it --attach=false')).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
    expect(spec('-i --leave-stdin-open --attach=false').stdinOnce).toBeUndefined();
    expect(spec('--attach=false')?.stdin).toBeUndefined();
  });

  it('busybox with no command: with stdin it waits, Running; without, its shell reads end of input and crash-loops', () => {
    const r = run('kubectl run open --image=busybox -i --attach=false\nkubectl run closed --image=busybox\nsleep 30\nkubectl get pods --no-headers\n');
    expect(r.stdout).toMatch(/closed +0\/1 +CrashLoopBackOff +\d+ \(\d+s ago\) +30s\nopen +1\/1 +Running +0 +30s\n$/);
  });

  it('an attached shell that fails under OnFailure is started again, waiting: kubectl times out', () => {
    const r = run("kubectl run f -i --image=busybox --restart=OnFailure -- sh <<'EOF'\nexit 4\nEOF\n");
    expect(r.stderr).toBe(NOTES + 'error: timed out waiting for the condition\n');
  });

  it('-it at the browser terminal: only the attach notes, then the terminal is in the pod’s main process; its end is the pod’s, then --rm', () => {
    const files = { read: () => undefined };
    const state = createCluster({ preset: 'kind', seed: 1 });
    const session = createHostSession(state, files, { browserTerminal: true });
    const r = runScript('kubectl run t -it --rm --restart=Never --image=busybox -- sh\n', { state, quiet: true, files, session });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(NOTES);
    const launch = session.interactive;
    expect(launch).toMatchObject({ via: 'kubectl', podMain: { pod: 't', container: 't', restartPolicy: 'Never', remove: true } });
    if (!launch) throw new Error('no process');
    expect(interactivePrompt(launch.session)).toBe('/ # ');
    const line = interactiveLine(r.state, launch.session, 'echo hi > /tmp/x; cat /tmp/x; exit 3');
    expect([line.output.stdout, line.ended]).toEqual(['hi\n', 3]);
    const fin = finishInteractive(line.state, launch, 3);
    expect(fin.stderr).toBe('pod "t" deleted from default namespace\npod default/t terminated (Error)\n');
    expect(fin.state.objects.Pod?.['default/t']).toBeUndefined();
    // restartPolicy Always: attach's note; the kubelet starts the shell again, waiting.
    const s2 = createHostSession(state, files, { browserTerminal: true });
    const opened = runScript('kubectl run v -it --image=busybox\n', { state, quiet: true, files, session: s2 });
    const end = finishInteractive(opened.state, s2.interactive!, 0);
    expect(end.stderr).toBe("Session ended, resume using 'kubectl attach v -c v -i -t' command when the pod is running\n");
    const pod = getObject(readerOf(end.state), 'Pod', 'default', 'v');
    expect(pod.ok && pod.value.kind === 'Pod' ? [pod.value.status?.phase, pod.value.status?.containerStatuses?.[0]?.restartCount] : undefined).toEqual(['Running', 1]);
  });

  it('--dry-run=server checks the pod and keeps nothing', () => {
    const r = run('kubectl run web --image=nginx --dry-run=server\nkubectl get pods\n');
    expect(r.stdout).toBe('pod/web created (server dry run)\n');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });
});
