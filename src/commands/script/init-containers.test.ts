// Init containers and native sidecars end to end, through kubectl as a learner types it: the
// kubernetes.io "Configure Pod Initialization" task (an init container writes the page nginx
// serves), the STATUS column through Init:N/M and PodInitializing, a failing init container with
// restartPolicy Never (the pod fails) and Always (Init:CrashLoopBackOff, RESTARTS counting), one
// that never ends, a sidecar beside the app (READY 2/2, its own logs), the duplicate name the API
// server refuses, and `sleep 9999999` over each shape staying quick.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

function pod(name: string, init: string, app = '    command: ["sleep", "3600"]', extra = ''): string {
  return `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${extra}  initContainers:
${init}
  containers:
  - name: app
    image: busybox:1.28
${app}
EOF
`;
}

const INIT_DEMO = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: init-demo}
spec:
  initContainers:
  - name: install
    image: busybox:1.28
    command: ["sh", "-c", "echo hello-from-init > /work-dir/index.html"]
    volumeMounts:
    - {name: workdir, mountPath: /work-dir}
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - {name: workdir, mountPath: /usr/share/nginx/html}
  volumes:
  - {name: workdir, emptyDir: {}}
EOF
`;

describe('the kubernetes.io init-demo', () => {
  it('serves the page its init container wrote into the emptyDir', () => {
    const r = run(`${INIT_DEMO}kubectl get pod init-demo\nkubectl exec init-demo -- cat /usr/share/nginx/html/index.html\nkubectl logs init-demo -c install\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      ['pod/init-demo created', 'NAME        READY   STATUS    RESTARTS   AGE', 'init-demo   1/1     Running   0          0s', 'hello-from-init', ''].join('\n'),
    );
  });

  it('describe shows the init container Terminated, Completed, exit 0, ready', () => {
    const r = run(`${INIT_DEMO}kubectl describe pod init-demo\n`);
    const init = r.stdout.slice(r.stdout.indexOf('Init Containers:'), r.stdout.indexOf('\nContainers:'));
    expect(init).toContain('  install:\n');
    expect(init).toContain(
      ['    State:          Terminated', '      Reason:       Completed', '      Exit Code:    0', '      Started:      Thu, 01 Jan 2026 00:00:00 +0000', '      Finished:     Thu, 01 Jan 2026 00:00:00 +0000', '    Ready:          True', '    Restart Count:  0'].join('\n'),
    );
    expect(init).toContain('      /work-dir from workdir (rw)');
    // Its own pull, create and start, before nginx's.
    const events = r.stdout.slice(r.stdout.indexOf('Events:'));
    expect(events.indexOf('Started container install')).toBeGreaterThan(0);
    expect(events.indexOf('Started container install')).toBeLessThan(events.indexOf('Created container: nginx'));
  });
});

describe('init containers run in order, each to completion', () => {
  const TWO = pod(
    'two',
    `  - name: first
    image: busybox:1.28
    command: ["sh", "-c", "echo waiting; sleep 10; echo one >> /d/log"]
    volumeMounts: [{name: d, mountPath: /d}]
  - name: second
    image: busybox:1.28
    command: ["sh", "-c", "sleep 5; echo two >> /d/log"]
    volumeMounts: [{name: d, mountPath: /d}]`,
    `    command: ["sh", "-c", "cat /d/log; sleep 3600"]
    volumeMounts: [{name: d, mountPath: /d}]
  volumes: [{name: d, emptyDir: {}}]`,
  );

  it('Init:0/2, Init:1/2, then Running; the app sees both writes; the app waits in PodInitializing', () => {
    const r = run(
      `${TWO}kubectl get pods\nkubectl get pod two -o jsonpath='{.status.phase} {.status.conditions[?(@.type=="Initialized")].message}{"\\n"}'\nkubectl logs two -c first\nkubectl logs two\nsleep 10\nkubectl get pods\nsleep 5\nkubectl get pods\nkubectl logs two\n`,
    );
    expect(r.stdout).toBe(
      [
        'pod/two created',
        'NAME   READY   STATUS     RESTARTS   AGE',
        'two    0/1     Init:0/2   0          0s',
        'Pending containers with incomplete status: [first second]',
        'waiting',
        'NAME   READY   STATUS     RESTARTS   AGE',
        'two    0/1     Init:1/2   0          10s',
        'NAME   READY   STATUS    RESTARTS   AGE',
        'two    1/1     Running   0          15s',
        'one',
        'two',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('Error from server (BadRequest): container "app" in pod "two" is waiting to start: PodInitializing\n');
  });

  it('one that never ends keeps the pod Init:0/1', () => {
    const r = run(`${pod('forever', `  - name: wait\n    image: busybox:1.28\n    command: ["sh", "-c", "until test -f /tmp/db; do echo waiting; sleep 2; done"]`)}sleep 600\nkubectl get pods\nkubectl logs forever -c wait --tail=1\n`);
    expect(r.stdout).toBe(['pod/forever created', 'NAME      READY   STATUS     RESTARTS   AGE', 'forever   0/1     Init:0/1   0          10m', 'waiting', ''].join('\n'));
  });
});

describe('a failing init container', () => {
  const FAIL = `  - name: fail\n    image: busybox:1.28\n    command: ["sh", "-c", "echo oops; exit 3"]`;

  it('restartPolicy Never: Init:Error, and the pod is Failed', () => {
    const r = run(`${pod('never', FAIL, undefined, '  restartPolicy: Never\n')}kubectl get pods\nkubectl get pod never -o jsonpath='{.status.phase} {.status.initContainerStatuses[0].state.terminated.exitCode}{"\\n"}'\nkubectl logs never -c fail\n`);
    expect(r.stdout).toBe(['pod/never created', 'NAME    READY   STATUS       RESTARTS   AGE', 'never   0/1     Init:Error   0          0s', 'Failed 3', 'oops', ''].join('\n'));
  });

  it('restartPolicy Always: restarted with the crash loop back-off, Init:CrashLoopBackOff, RESTARTS counting', () => {
    const r = run(`${pod('always', FAIL)}kubectl get pods\nsleep 35\nkubectl get pods\nkubectl get pod always -o jsonpath='{.status.phase} {.status.initContainerStatuses[0].lastState.terminated.reason}{"\\n"}'\nkubectl get events --field-selector reason=BackOff -o jsonpath='{.items[0].message}{"\\n"}'\n`);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toMatch(/^always {3}0\/1 {5}Init:CrashLoopBackOff {3}1 \(0s ago\) {3}0s$/);
    expect(lines[4]).toMatch(/^always {3}0\/1 {5}Init:CrashLoopBackOff {3}3 \(\d+s ago\) {3}35s$/);
    expect(lines[5]).toBe('Pending Error');
    expect(lines[6]).toMatch(/^Back-off restarting failed container fail in pod always_default\(.+\)$/);
  });
});

describe('a native sidecar (restartPolicy: Always on an init container)', () => {
  const SIDE = pod(
    'side',
    `  - name: log
    image: busybox:1.28
    restartPolicy: Always
    command: ["sh", "-c", "while true; do echo tick; sleep 10; done"]`,
    '    command: ["sh", "-c", "while true; do sleep 3600; done"]',
  );

  it('runs beside the app: READY 2/2, its own logs, exec -c', () => {
    const r = run(`${SIDE}sleep 25\nkubectl get pods\nkubectl logs side -c log\nkubectl exec side -c log -- echo hi\nkubectl get pod side -o jsonpath='{.status.initContainerStatuses[0].started} {.status.initContainerStatuses[0].ready}{"\\n"}'\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(['pod/side created', 'NAME   READY   STATUS    RESTARTS   AGE', 'side   2/2     Running   0          25s', 'tick', 'tick', 'tick', 'hi', 'true true', ''].join('\n'));
  });
});

describe('validation', () => {
  it('an init container may not take an app container name', () => {
    const r = run(`kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: {name: dup}\nspec:\n  initContainers:\n  - {name: app, image: busybox}\n  containers:\n  - {name: app, image: busybox}\nEOF\n`);
    expect(r.stderr).toBe('The Pod "dup" is invalid: spec.initContainers[0].name: Duplicate value: "app"\n');
  });
});

describe('sleep 9999999 over each shape stays quick', () => {
  const shapes: Record<string, string> = {
    'a crash-looping init container': pod('a', `  - name: fail\n    image: busybox:1.28\n    command: ["sh", "-c", "exit 1"]`),
    'an init container that never ends': pod('b', `  - name: wait\n    image: busybox:1.28\n    command: ["sh", "-c", "until test -f /x; do sleep 2; done"]`),
    'a sleeping init container': pod('c', `  - name: wait\n    image: busybox:1.28\n    command: ["sleep", "3600"]`),
    'a logging sidecar': pod('d', `  - name: log\n    image: busybox:1.28\n    restartPolicy: Always\n    command: ["sh", "-c", "while true; do echo tick; sleep 10; done"]`, '    command: ["sh", "-c", "while true; do sleep 3600; done"]'),
    'a crash-looping sidecar beside nginx': `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: {name: e}\nspec:\n  initContainers:\n  - name: log\n    image: busybox:1.28\n    restartPolicy: Always\n    command: ["sh", "-c", "sleep 5; exit 1"]\n  containers:\n  - {name: app, image: nginx}\nEOF\n`,
  };
  for (const [name, script] of Object.entries(shapes)) {
    it(name, () => {
      const t0 = performance.now();
      const r = run(`${script}sleep 9999999\nkubectl get pods\n`);
      expect(performance.now() - t0).toBeLessThan(4000);
      expect(r.stderr).toBe('');
    });
  }
});
