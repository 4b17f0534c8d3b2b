// The canvas menu's items and their exact commands, read from engine states; and that each
// command runs through the command layer as written.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { runScript } from '../../commands/script/run-script.ts';
import { chaosMenuFor, firstLine, type ChaosMenu } from './chaos-actions.ts';

const run = (state: ClusterState, lines: string) => runScript(lines, { state, quiet: true, files: { read: () => undefined } });
const commands = (menu: ChaosMenu | undefined) => menu?.groups.flat().map((a) => `${a.label}: ${a.command}`);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-a1
  containers:
  - name: nginx
    image: nginx:1.27
  - name: sidecar
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`;

function multiAz(): ClusterState {
  const s = run(createCluster({ preset: 'multi-az' }), 'kubectl create namespace shop\n').state;
  return applyManifest(s, POD, { mode: 'apply' }).state;
}

describe('chaos menu', () => {
  it('a pod: one restart per container (kill 1 where PID 1 handles SIGTERM, else a kill from the node), delete, and waiting', () => {
    expect(commands(chaosMenuFor(multiAz(), { kind: 'Pod', namespace: 'shop', name: 'web' }))).toEqual([
      'Restart container nginx: kubectl exec web -n shop -c nginx -- kill 1',
      'Restart container sidecar: kubesim container kill web -n shop -c sidecar',
      'Delete pod: kubectl delete pod web -n shop',
      'Wait 1 minute: sleep 60',
      'Wait 5 minutes: sleep 300',
    ]);
  });

  it('a pod stuck Terminating on a dead node offers the forced delete instead', () => {
    const s = run(multiAz(), 'kubesim node fail worker-a1\nsleep 6m\n').state;
    const items = commands(chaosMenuFor(s, { kind: 'Pod', namespace: 'shop', name: 'web' }));
    expect(items).toContain('Force delete pod: kubectl delete pod web -n shop --force --grace-period=0');
    expect(items).not.toContain('Delete pod: kubectl delete pod web -n shop');
  });

  it('a node: cordon or uncordon, drain, fail or recover, following its state', () => {
    const s = multiAz();
    expect(commands(chaosMenuFor(s, { kind: 'Node', name: 'worker-a1' }))?.slice(0, 3)).toEqual([
      'Cordon: kubectl cordon worker-a1',
      'Drain: kubectl drain worker-a1 --ignore-daemonsets --delete-emptydir-data',
      'Fail node: kubesim node fail worker-a1',
    ]);
    const after = run(s, 'kubectl cordon worker-a1\nkubesim node fail worker-a1\n').state;
    expect(commands(chaosMenuFor(after, { kind: 'Node', name: 'worker-a1' }))?.slice(0, 3)).toEqual([
      'Uncordon: kubectl uncordon worker-a1',
      'Drain: kubectl drain worker-a1 --ignore-daemonsets --delete-emptydir-data',
      'Recover node: kubesim node recover worker-a1',
    ]);
  });

  it('a zone: down while any node runs, up while any is down', () => {
    const s = multiAz();
    expect(commands(chaosMenuFor(s, { kind: 'Zone', name: 'us-east-1b' }))?.[0]).toBe('Take zone down: kubesim zone down us-east-1b');
    const half = run(s, 'kubesim node fail worker-b1\n').state;
    expect(commands(chaosMenuFor(half, { kind: 'Zone', name: 'us-east-1b' }))?.slice(0, 2)).toEqual(['Take zone down: kubesim zone down us-east-1b', 'Bring zone up: kubesim zone up us-east-1b']);
    expect(chaosMenuFor(s, { kind: 'Zone', name: 'us-east-9z' })).toBeUndefined();
  });

  it('claims and volumes: delete; objects that are gone: no menu', () => {
    const s = applyManifest(createCluster({ preset: 'kind' }), 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n', { mode: 'apply' }).state;
    expect(commands(chaosMenuFor(s, { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' }))?.[0]).toBe('Delete: kubectl delete pvc data');
    expect(chaosMenuFor(s, { kind: 'PersistentVolume', name: 'nope' })).toBeUndefined();
    expect(chaosMenuFor(s, { kind: 'Pod', namespace: 'default', name: 'nope' })).toBeUndefined();
  });

  it('every command it offers runs as written', () => {
    const s = multiAz();
    const menus = [chaosMenuFor(s, { kind: 'Pod', namespace: 'shop', name: 'web' }), chaosMenuFor(s, { kind: 'Node', name: 'worker-c2' }), chaosMenuFor(s, { kind: 'Zone', name: 'us-east-1b' })];
    for (const action of menus.flatMap((m) => m!.groups.flat())) {
      const r = run(s, `${action.command}\n`);
      expect({ command: action.command, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ command: action.command, stderr: '', exitCode: 0 });
    }
  });
});

describe('firstLine', () => {
  it('takes stdout first, stderr first on failure, and skips warnings', () => {
    const chunks = [
      { stream: 'stdout' as const, text: 'pod "web" force deleted\n' },
      { stream: 'stderr' as const, text: 'Warning: Immediate deletion does not wait…\n' },
    ];
    expect(firstLine(chunks, false)).toBe('pod "web" force deleted');
    expect(firstLine([{ stream: 'stderr', text: 'Error from server (NotFound): nodes "x" not found\n' }], true)).toBe('Error from server (NotFound): nodes "x" not found');
    expect(firstLine([], false)).toBe('done');
    expect(firstLine([], false, '1 minute of simulated time passed')).toBe('1 minute of simulated time passed');
  });
});
