import { describe, expect, it } from 'vitest';
import { runScript } from '../../commands/script/run-script.ts';
import { createCluster } from '../../engine/index.ts';
import { barScaleBytes, SHOWN_LAYERS, toDockerGraph, type DockerContainerNode, type DockerImageNode, type DockerVolumeNode } from './docker-graph.ts';

function host(script: string) {
  return runScript(script, { preset: 'empty', quiet: true, files: { read: () => undefined } }).state;
}

describe('the Docker view-model', () => {
  it('draws a lone 10 MB writable layer and a lone 31 MB one at different lengths (one fixed scale)', () => {
    const alone = (mb: number) => {
      const g = toDockerGraph(host(`docker run -d --name c busybox sh -c 'dd if=/dev/zero of=/d bs=1000000 count=${mb}; sleep 3600'\n`));
      return g.nodes.find((n): n is DockerContainerNode => n.type === 'dockerContainer')!.data;
    };
    const ten = alone(10);
    const big = alone(31);
    expect([ten.upper, big.upper]).toEqual(['10MB', '31MB']);
    expect(big.barFraction).toBeGreaterThan(ten.barFraction * 3);
    expect(barScaleBytes(1)).toBe(50e6);
    expect(barScaleBytes(60e6)).toBe(100e6);
    expect(barScaleBytes(150e6)).toBe(200e6);
    expect(barScaleBytes(600e6)).toBe(1e9);
  });

  it("on an empty host, the pods' containers go below the empty columns' hints, with a hint of their own", () => {
    const g = toDockerGraph(createCluster({ preset: 'empty' }), { podContainers: true });
    const hints = g.nodes.filter((n) => n.id.startsWith('p:') && n.id !== 'p:podcontainers');
    const lowest = Math.max(...hints.map((n) => n.position.y + n.height!));
    const headings = g.nodes.filter((n) => n.id === 'h:podimages' || n.id === 'h:podcontainers');
    expect(headings).toHaveLength(2);
    for (const h of headings) expect(h.position.y).toBeGreaterThan(lowest);
    const own = g.nodes.find((n) => n.id === 'p:podcontainers')!;
    expect(own.position.y).toBeGreaterThan(headings[0]!.position.y + headings[0]!.height!);
  });

  it('an empty host shows three empty columns with a hint each', () => {
    const g = toDockerGraph(createCluster({ preset: 'empty' }));
    expect(g.nodes.filter((n) => n.type === 'placeholder').map((n) => n.id)).toEqual(['p:images', 'p:containers', 'p:volumes']);
    expect(g.edges).toEqual([]);
  });

  it('one image shared by three containers, each with its own writable layer; volumes beside them', () => {
    const state = host(`docker volume create my-vol
docker run -d --name c1 -v my-vol:/data busybox sh -c 'dd if=/dev/zero of=/d bs=1000000 count=4; sleep 3600'
docker run -d --name c2 busybox sh -c 'dd if=/dev/zero of=/d bs=1000000 count=10; sleep 3600'
docker run -d --name c3 -v /srv:/srv busybox sh -c 'dd if=/dev/zero of=/d bs=1000000 count=6; sleep 3600'
docker stop c3
`);
    const g = toDockerGraph(state);
    const images = g.nodes.filter((n): n is DockerImageNode => n.type === 'dockerImage');
    expect(images.map((n) => [n.ariaLabel, n.data.containers])).toEqual([['Image busybox 4.27MB', 3]]);
    const containers = g.nodes.filter((n): n is DockerContainerNode => n.type === 'dockerContainer');
    expect(containers.map((n) => [n.ariaLabel, n.data.upper, n.data.barFraction])).toEqual([
      ['Container c1 Up', '4MB', 0.08],
      ['Container c2 Up', '10MB', 0.2],
      ['Container c3 Exited (137)', '6MB', 0.12],
    ]);
    expect(containers[0]!.data.barScale).toBe('50MB');
    const volumes = g.nodes.filter((n): n is DockerVolumeNode => n.type === 'dockerVolume');
    expect(volumes.map((n) => n.ariaLabel)).toEqual(['Volume my-vol 0B', 'Bind mount /srv host directory']);
    expect(g.edges.map((e) => e.ariaLabel)).toEqual([
      'Container c1 runs on image busybox',
      'Container c1 mounts volume my-vol at /data',
      'Container c2 runs on image busybox',
      'Container c3 runs on image busybox',
      'Container c3 mounts /srv at /srv',
    ]);
  });

  it("an image lists its newest layers and folds the base image's into one row", () => {
    const state = host(`docker build -t my-image - <<'EOF'
FROM python:3.9-slim
WORKDIR /app
RUN pip install flask
CMD ["python", "app.py"]
EOF
`);
    const [image] = toDockerGraph(state).nodes.filter((n): n is DockerImageNode => n.type === 'dockerImage');
    expect(image!.data.layers).toHaveLength(SHOWN_LAYERS);
    expect(image!.data.layers[0]).toEqual({ label: 'RUN /bin/sh -c pip install flask', size: '11.5MB' });
    expect(image!.data.hidden).toEqual({ count: 1, size: '74.8MB' });
    expect(image!.data.size).toBe('109MB');
  });

  it("on request, shows the pods' containers: their image's layers and each container's writable layer", () => {
    const state = runScript(
      `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
      command: ["sh", "-c", "sleep 3600"]
EOF
kubectl exec web -- sh -c 'dd if=/dev/zero of=/big bs=1000000 count=3'
`,
      { preset: 'bare', quiet: true, files: { read: () => undefined } },
    ).state;
    expect(toDockerGraph(state).nodes.some((n) => n.id.startsWith('podc:'))).toBe(false);
    const g = toDockerGraph(state, { podContainers: true });
    const c = g.nodes.find((n): n is DockerContainerNode => n.id === 'podc:default/web/app')!;
    expect(c.data).toMatchObject({ name: 'web · app', image: 'nginx', state: 'Running', upper: '3MB' });
    const image = g.nodes.find((n): n is DockerImageNode => n.id === 'podimage:nginx')!;
    expect(image.data.layers.length).toBeGreaterThan(0);
    expect(image.data.containers).toBe(1);
    expect(g.edges.map((e) => e.id)).toContain('podc:default/web/app->podimage:nginx');
  });
});
