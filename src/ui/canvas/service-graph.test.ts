// The canvas shows the learner's Services with a `selects` edge to each pod their EndpointSlices list.
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../engine/testing/harness.ts';
import { toFlowGraph } from './graph.ts';

const pod = (name: string, app: string, command?: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app } },
  spec: { containers: [{ name: 'c', image: command ? 'busybox' : 'nginx', ...(command ? { command } : {}) }] },
});

describe('Services on the canvas', () => {
  it('a Service card sends to the pods it selects, ready or not; the kubernetes Service is not drawn', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a', 'web'), pod('b', 'web'), pod('crash', 'web', ['sh', '-c', 'exit 1']), pod('db', 'db'));
    tc.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } });
    const g = toFlowGraph(tc.state);
    const ip = tc.get('Service', 'default/web')!.spec!.clusterIP;
    expect(g.nodes.find((n) => n.id === 'Service:default/web')?.data).toMatchObject({
      kind: 'Service',
      status: 'NodePort',
      tone: 'green',
      detail: '80:30080/TCP',
      note: `${ip} · 2/3 ready`,
    });
    expect(g.nodes.some((n) => n.id === 'Service:default/kubernetes')).toBe(false);
    expect(g.nodes.find((n) => n.id === 'heading:services' || (n.type === 'heading' && (n.data as { title?: string }).title === 'Services'))).toBeDefined();
    const selects = g.edges.filter((e) => e.data?.relation === 'selects');
    expect(selects.map((e) => `${e.source} -> ${e.target}`).sort()).toEqual([
      'Service:default/web -> Pod:default/a',
      'Service:default/web -> Pod:default/b',
      'Service:default/web -> Pod:default/crash',
    ]);
    expect(selects.find((e) => e.target === 'Pod:default/crash')?.ariaLabel).toBe('Service web sends to pod crash (not ready)');
  });

  it('a Service with no ready endpoints is amber, one without a selector grey', () => {
    const tc = TestCluster.of('kind');
    tc.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lonely' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    tc.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } });
    const g = toFlowGraph(tc.state);
    expect(g.nodes.find((n) => n.id === 'Service:default/lonely')?.data).toMatchObject({ tone: 'amber', note: expect.stringMatching(/ · 0\/0 ready$/) });
    expect(g.nodes.find((n) => n.id === 'Service:default/manual')?.data).toMatchObject({ tone: 'grey', note: expect.stringMatching(/ · no selector$/) });
  });
});
