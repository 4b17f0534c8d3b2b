// cordon, uncordon and drain take several nodes or a selector, as kubectl's drain command does:
// every node fetched first (a missing one fails the command before anything changes), one line
// per node, and drain's per-node errors with the pending nodes listed at the end.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';
import type { Stored } from '../../../engine/index.ts';

const run = (script: string) => runScript(script, { preset: 'kind-multinode', quiet: true, files: { read: () => undefined } });
const out = (r: ReturnType<typeof run>, stream: 'stdout' | 'stderr') => r.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
const cordoned = (r: ReturnType<typeof run>, name: string) => !!(r.state.objects.Node?.[name] as Stored<'Node'> | undefined)?.spec?.unschedulable;
const POD = (name: string, node: string) => `kubectl run ${name} --image=nginx --overrides='{"spec":{"nodeName":"${node}"}}'\n`;

describe('kubectl cordon / uncordon with several nodes', () => {
  it('prints one line per node, in the order named, "already" for a node that was', () => {
    const r = run('kubectl cordon kind-worker2\nkubectl cordon kind-worker kind-worker2 node/kind-control-plane\n');
    expect(out(r, 'stdout')).toBe('node/kind-worker2 cordoned\nnode/kind-worker cordoned\nnode/kind-worker2 already cordoned\nnode/kind-control-plane cordoned\n');
    expect(r.exitCode).toBe(0);
    expect(['kind-worker', 'kind-worker2', 'kind-control-plane'].every((n) => cordoned(r, n))).toBe(true);
  });

  it('a missing node fails the command and changes no node', () => {
    const r = run('kubectl cordon kind-worker nope kind-worker2\n');
    expect(out(r, 'stderr')).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(out(r, 'stdout')).toBe('');
    expect(r.exitCode).toBe(1);
    expect(cordoned(r, 'kind-worker')).toBe(false);
  });

  it('-l chooses the nodes by label, in name order; none matching prints nothing', () => {
    const r = run('kubectl label node kind-worker2 kind-worker pool=blue\nkubectl cordon -l pool=blue\nkubectl uncordon --selector pool=blue\nkubectl cordon -l pool=green\n');
    expect(out(r, 'stdout')).toBe('node/kind-worker2 labeled\nnode/kind-worker labeled\nnode/kind-worker cordoned\nnode/kind-worker2 cordoned\nnode/kind-worker uncordoned\nnode/kind-worker2 uncordoned\n');
    expect(r.exitCode).toBe(0);
  });

  it('words the usage errors as kubectl does', () => {
    expect(out(run('kubectl cordon\n'), 'stderr')).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect(out(run('kubectl uncordon kind-worker -l a=b\n'), 'stderr')).toBe("error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n");
    expect(out(run("kubectl cordon -l ''\n"), 'stderr')).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });
});

describe('kubectl drain with several nodes', () => {
  it('cordons every node first, then drains each in turn', () => {
    const r = run(POD('a', 'kind-worker') + POD('b', 'kind-worker2') + 'kubectl drain kind-worker kind-worker2 --force\n');
    expect(out(r, 'stdout')).toBe(
      'pod/a created\npod/b created\nnode/kind-worker cordoned\nnode/kind-worker2 cordoned\n' +
        'evicting pod default/a\npod/a evicted\nnode/kind-worker drained\nevicting pod default/b\npod/b evicted\nnode/kind-worker2 drained\n',
    );
    expect(r.exitCode).toBe(0);
    expect(r.state.objects.Pod?.['default/a']).toBeUndefined();
  });

  it('goes on past a node it may not drain, and lists the pending nodes and their errors at the end', () => {
    const r = run(POD('a', 'kind-worker') + 'kubectl drain -l kubernetes.io/os=linux\n');
    expect(out(r, 'stdout')).toBe('pod/a created\nnode/kind-control-plane cordoned\nnode/kind-worker cordoned\nnode/kind-worker2 cordoned\nnode/kind-control-plane drained\nnode/kind-worker2 drained\n');
    expect(out(r, 'stderr')).toBe(
      'error: unable to drain node "kind-worker" due to error: cannot delete Pods that declare no controller (use --force to override): default/a, continuing command...\n' +
        'There are pending nodes to be drained:\n kind-worker\n' +
        'cannot delete Pods that declare no controller (use --force to override): default/a\n',
    );
    expect(r.exitCode).toBe(1);
    expect(cordoned(r, 'kind-worker')).toBe(true);
  });

  it("brackets a node's several errors in its line, and prints them one per line when it is the only node left", () => {
    const pod = `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: e\nspec:\n  nodeName: kind-worker\n  containers:\n  - name: c\n    image: nginx\n  volumes:\n  - name: v\n    emptyDir: {}\nEOF\n`;
    const r = run(pod + 'kubectl drain kind-worker\n');
    const a = 'cannot delete Pods that declare no controller (use --force to override): default/e';
    const b = 'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/e';
    expect(out(r, 'stderr')).toBe(`error: unable to drain node "kind-worker" due to error: [${a}, ${b}], continuing command...\nThere are pending nodes to be drained:\n kind-worker\n${a}\n${b}\n`);
  });
});
