// The chaos commands as a learner types them: kubesim node/zone/container, kill 1 through
// kubectl exec, a pod on a dead node through exec and logs, and a forced delete.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

function run(script: string, preset: 'kind' | 'multi-az' = 'multi-az') {
  return runScript(script, { preset, quiet: true, files: { read: () => undefined } });
}

const nginxOn = (node: string) => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  containers:
  - name: nginx
    image: nginx:1.27
EOF
`;

describe('kubesim node', () => {
  it('fail and recover print kubectl-style confirmations; the node goes NotReady only after the grace period', () => {
    const r = run('kubesim node fail worker-a1\nkubectl get node worker-a1\nsleep 50\nkubectl get node worker-a1\nkubesim node fail worker-a1\nkubesim node recover worker-a1\nkubectl get node worker-a1\nkubesim node recover worker-a1\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'node/worker-a1 failed (powered off: its kubelet stopped posting status)',
        'NAME        STATUS   ROLES    AGE   VERSION',
        'worker-a1   Ready    <none>   0s    v1.34.0',
        'NAME        STATUS     ROLES    AGE   VERSION',
        'worker-a1   NotReady   <none>   50s   v1.34.0',
        'node/worker-a1 already failed',
        'node/worker-a1 recovered (powered on: its kubelet posts status again)',
        'NAME        STATUS   ROLES    AGE   VERSION',
        'worker-a1   Ready    <none>   50s   v1.34.0',
        'node/worker-a1 already running',
        '',
      ].join('\n'),
    );
    expect(r.exitCode).toBe(0);
  });

  it('unknown nodes and bad usage are errors', () => {
    const r = run('kubesim node fail nope\nkubesim node reboot worker-a1\nkubesim node fail\n');
    expect(r.stderr).toContain('Error from server (NotFound): nodes "nope" not found\n');
    expect(r.stderr.match(/Usage: kubesim explain/g)).toHaveLength(2);
    expect(r.exitCode).toBe(1);
  });

  it('a cordoned node that fails shows both: NotReady,SchedulingDisabled', () => {
    const r = run('kubectl cordon worker-a1\nkubesim node fail worker-a1\nsleep 1m\nkubectl get node worker-a1 --no-headers\n');
    expect(r.stdout).toContain('worker-a1   NotReady,SchedulingDisabled   <none>   60s   v1.34.0');
  });
});

describe('kubesim zone', () => {
  it('down fails every node labelled with the zone; up brings them back', () => {
    const r = run('kubesim zone down us-east-1c\nsleep 1m\nkubectl get nodes --no-headers\nkubesim zone up us-east-1c\n');
    expect(r.stdout).toContain('node/worker-c1 failed (powered off: its kubelet stopped posting status)\nnode/worker-c2 failed (powered off: its kubelet stopped posting status)\n');
    expect(r.stdout).toMatch(/worker-b2 +Ready .*\nworker-c1 +NotReady .*\nworker-c2 +NotReady /);
    expect(r.stdout).toContain('node/worker-c1 recovered (powered on: its kubelet posts status again)\nnode/worker-c2 recovered');
  });

  it('an unknown zone is an error naming the label', () => {
    const r = run('kubesim zone down us-east-9z\n');
    expect(r.stderr).toBe('error: zone "us-east-9z" not found: no node has the label topology.kubernetes.io/zone=us-east-9z\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('restarting a container', () => {
  it('kubectl exec … -- kill 1 stops nginx and the kubelet restarts it: RESTARTS 1', () => {
    const r = run(`${nginxOn('worker-a1')}kubectl exec web -- sh -c 'echo x > /tmp/x'\nkubectl exec web -- kill 1\nkubectl get pod web\nkubectl exec web -- ls /tmp\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('NAME   READY   STATUS    RESTARTS     AGE\nweb    1/1     Running   1 (0s ago)   0s\n');
    expect(r.stdout).not.toContain('x\n');
  });

  it('kubesim container kill works for any container, and says why it cannot', () => {
    const r = run(`${nginxOn('worker-a1')}kubesim container kill web\nkubectl get pod web --no-headers\nkubesim container kill web -c nope\nkubesim container kill ghost\n`);
    expect(r.stdout).toContain('pod/web container nginx killed (SIGKILL, exit code 137)\n');
    expect(r.stdout).toContain('web   1/1   Running   1 (0s ago)   0s');
    expect(r.stderr).toBe('error: container nope is not valid for pod web\nError from server (NotFound): pods "ghost" not found\n');
  });
});

describe('a pod on a node that is off', () => {
  it('exec and logs cannot reach its kubelet', () => {
    const r = run(`${nginxOn('worker-b1')}kubesim node fail worker-b1\nkubectl exec web -- ls\nkubectl logs web\nkubesim container kill web\n`);
    expect(r.stderr).toBe(
      'Error from server: error dialing backend: dial tcp 10.0.2.11:10250: i/o timeout\n'.repeat(2) +
        'error: pod web is on node worker-b1, which is powered off: nothing runs there\n',
    );
  });

  it('stays Terminating after eviction until it is force deleted', () => {
    const r = run(`${nginxOn('worker-b1')}kubesim node fail worker-b1\nsleep 6m\nkubectl get pod web --no-headers\nkubectl delete pod web --force --grace-period=0\nkubectl get pods\n`);
    expect(r.stdout).toContain('web   1/1   Terminating   0     6m\n');
    expect(r.stdout).toContain('pod "web" force deleted from default namespace\n');
    expect(r.stderr).toContain('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\nNo resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it("describe shows the eviction as a graceful delete: the pod's 30 s grace, the timestamp when it ends (<invalid> until then)", () => {
    // Evicted as the first sleep ends (NotReady and tainted after 50 s, tolerated for 300 s more); 30 s of grace follow.
    const r = run(`${nginxOn('worker-b1')}kubesim node fail worker-b1\nsleep 6m\nkubectl describe pod web\nsleep 1m\nkubectl describe pod web\n`);
    const [, during, after] = r.stdout.split(/(?=^Name:)/m);
    expect(during).toMatch(/\nStatus:\s+Terminating \(lasts <invalid>\)\nTermination Grace Period:\s+30s\n/);
    expect(after).toMatch(/\nStatus:\s+Terminating \(lasts 30s\)\nTermination Grace Period:\s+30s\n/);
  });

  it('kubectl delete --grace-period=N sets the grace the pod is given', () => {
    const r = run(`${nginxOn('worker-b1')}kubesim node fail worker-b1\nkubectl delete pod web --grace-period=10\nkubectl describe pod web\n`);
    expect(r.stdout).toContain('pod "web" deleted from default namespace\n');
    expect(r.stdout).toMatch(/\nTermination Grace Period:\s+10s\n/);
  });
});

describe('kubectl taint', () => {
  it('adds, refuses a duplicate without --overwrite, removes, and reports what it cannot find', () => {
    const r = run(
      [
        'kubectl taint nodes worker-a1 dedicated=db:NoSchedule',
        'kubectl taint nodes worker-a1 dedicated=web:NoSchedule',
        'kubectl taint nodes worker-a1 dedicated=web:NoSchedule --overwrite',
        'kubectl describe node worker-a1 | grep dedicated',
        'kubectl taint node/worker-a1 dedicated:NoSchedule-',
        'kubectl taint nodes worker-a1 dedicated-',
        'kubectl taint nodes nope a=b:NoSchedule',
        'kubectl taint nodes worker-a1 a=b:Sometimes',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe('node/worker-a1 tainted\nnode/worker-a1 tainted\nTaints:             dedicated=web:NoSchedule\nnode/worker-a1 untainted\n');
    expect(r.stderr).toBe(
      [
        'error: node worker-a1 already has dedicated taint(s) with same effect(s) and --overwrite is false',
        'error: taint "dedicated" not found',
        'Error from server (NotFound): nodes "nope" not found',
        'error: invalid taint spec: a=b:Sometimes, unsupported taint effect: Sometimes',
        '',
      ].join('\n'),
    );
  });

  it('out-of-service on a failed node: its Terminating pod is deleted at once', () => {
    const r = run(`${nginxOn('worker-b1')}kubesim node fail worker-b1\nsleep 1m\nkubectl taint nodes worker-b1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute\nkubectl get pods\n`);
    expect(r.stdout).toContain('node/worker-b1 tainted\n');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });
});
