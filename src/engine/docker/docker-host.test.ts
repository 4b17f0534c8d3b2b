// The Docker host in the engine: Dockerfile builds, content-addressed layers, and container
// lifecycles over the shared overlay model. No command layer here: the engine's own API.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../runtime/simulation.ts';
import { buildImage, parseDockerfile } from './build.ts';
import { containerSize, execInContainer, imageSize, pullImage, removeContainer, runContainer, sharedSize, stopContainer, volumeSize } from './host.ts';
import { EMPTY_DOCKER_HOST } from './types.ts';
import type { ClusterState } from '../cluster/state.ts';
import { entryAt } from '../fs/tree.ts';

const COURSE_DOCKERFILE = 'FROM python:3.9-slim\nWORKDIR /app\nADD app.py app.py\nRUN pip install flask\nEXPOSE 5000\nCMD ["python", "app.py"]\n';

function built(dockerfile = COURSE_DOCKERFILE, tag = 'my-image', state: ClusterState = createCluster({ preset: 'empty' })) {
  const r = buildImage(state, state.docker, { tag, dockerfile, context: (p) => (p === 'app.py' ? 'p'.repeat(170) : undefined) });
  if (!r.ok) throw new Error(r.error);
  return { state: { ...state, docker: r.host }, image: r.image };
}

function running(state: ClusterState, name: string, command: string[], mounts: Parameters<typeof runContainer>[1]['mounts'] = []) {
  const r = runContainer(state, { image: 'busybox', name, command, mounts, env: [], detach: true });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('Dockerfile parsing', () => {
  it('joins continuations, drops comments, keeps the first line number of each instruction', () => {
    expect(parseDockerfile('# base\nFROM alpine\n\nRUN apk add \\\n    curl \\\n    git\ncmd ["sh"]\n')).toEqual([
      { line: 2, keyword: 'FROM', args: 'alpine' },
      { line: 4, keyword: 'RUN', args: 'apk add curl git' },
      { line: 7, keyword: 'CMD', args: '["sh"]' },
    ]);
  });
});

describe('docker build: layers (Docker docs: FROM, RUN, COPY, ADD create layers; the rest only metadata)', () => {
  it("the course's image: three layers of its own on python:3.9-slim, sized by the model", () => {
    const { state, image } = built();
    const own = image.history.slice(-5);
    expect(own.map((h) => [h.createdBy, h.size, h.empty])).toEqual([
      ['WORKDIR /app', 0, true],
      ['ADD app.py app.py # buildkit', 170, false],
      ['RUN /bin/sh -c pip install flask # buildkit', 11_500_000, false],
      ['EXPOSE map[5000/tcp:{}]', 0, true],
      ['CMD ["python" "app.py"]', 0, true],
    ]);
    expect(image.layers).toHaveLength(4 + 2);
    expect(imageSize(state.docker, image)).toBe(97_100_036 + 170 + 11_500_000);
    expect(image.workdir).toBe('/app');
    expect(entryAt(image.fs, '/app/app.py')?.content).toBe('p'.repeat(170));
  });

  it('is content-addressed: the same steps give the same image; a shared prefix shares its layers', () => {
    const a = built();
    const again = built(COURSE_DOCKERFILE, 'other', a.state);
    expect(again.image.id).toBe(a.image.id);
    expect(again.state.docker.images[a.image.id]!.tags).toEqual(['my-image:latest', 'other:latest']);
    const b = built(COURSE_DOCKERFILE.replace('pip install flask', 'pip install requests'), 'b', a.state);
    expect(b.image.layers.slice(0, 5)).toEqual(a.image.layers.slice(0, 5));
    expect(b.image.layers[5]).not.toBe(a.image.layers[5]);
    expect(sharedSize(b.state.docker, b.image)).toBe(97_100_036 + 170);
  });

  it('a tag moves to the rebuilt image and the old one is left dangling', () => {
    const a = built();
    const b = built(COURSE_DOCKERFILE.replace('5000', '8080'), 'my-image', a.state);
    expect(b.state.docker.tags['my-image:latest']).toBe(b.image.id);
    expect(b.state.docker.images[a.image.id]!.tags).toEqual([]);
  });

  it('pulled images share base layers with built ones (nginx and python:3.9-slim share Debian)', () => {
    const { state, image } = built();
    const nginx = pullImage(state.docker, 'nginx')!;
    expect(nginx.pulled).toBe(true);
    expect(nginx.image.layers[0]).toBe(image.layers[0]);
    expect(pullImage(EMPTY_DOCKER_HOST, 'no-such-image')).toBeUndefined();
  });
});

describe('containers over the overlay model', () => {
  it('writes go to the writable layer (copy-on-write); the image is never changed', () => {
    const start = createCluster({ preset: 'empty' });
    const before = JSON.stringify(start);
    const r = running(start, 'c', ['sleep', '3600']);
    expect(JSON.stringify(start)).toBe(before);
    const w = execInContainer(r.state, r.container.id, ['sh', '-c', 'echo changed >> /etc/hostname; dd if=/dev/zero of=/blob bs=1000000 count=3'], '');
    expect(w.output.code).toBe(0);
    const c = w.state.docker.containers[r.container.id]!;
    expect(entryAt(c.upper, '/etc/hostname')?.content).toContain('changed');
    expect(entryAt(w.state.docker.images[c.imageId]!.fs, '/etc/hostname')?.content ?? '').not.toContain('changed');
    expect(containerSize(c)).toBeGreaterThanOrEqual(3_000_000);
  });

  it('servers, sleeps not over yet and tail -f keep running; finished commands exit', () => {
    const stateOf = (command: string[]) => running(createCluster({ preset: 'empty' }), 'c', command).container.state;
    expect(stateOf(['python', 'app.py'])).toBe('running');
    expect(stateOf(['sh', '-c', 'echo hi && sleep 3600'])).toBe('running');
    expect(stateOf(['tail', '-f', '/dev/null'])).toBe('running');
    expect(stateOf(['echo', 'hi'])).toBe('exited');
    expect(stateOf(['sh'])).toBe('exited');
  });

  it('stop keeps the writable layer and drops tmpfs; rm drops the layer and keeps named volumes', () => {
    const r = running(createCluster({ preset: 'empty' }), 'c', ['sleep', '3600'], [
      { type: 'volume', source: 'data', destination: '/data', readOnly: false },
      { type: 'tmpfs', source: '', destination: '/tmp/cache', readOnly: false },
    ]);
    const w = execInContainer(r.state, r.container.id, ['sh', '-c', 'echo a > /layer; echo b > /data/v; echo c > /tmp/cache/t'], '');
    expect(Object.keys(w.state.volumeData).filter((k) => k.startsWith('docker-tmpfs/'))).toHaveLength(1);
    const stopped = stopContainer(w.state, r.container.id);
    expect(stopped.docker.containers[r.container.id]!.state).toBe('exited');
    expect(entryAt(stopped.docker.containers[r.container.id]!.upper, '/layer')).toBeDefined();
    expect(Object.keys(stopped.volumeData).filter((k) => k.startsWith('docker-tmpfs/'))).toHaveLength(0);
    const removed = removeContainer(stopped, r.container.id);
    expect(removed.docker.containers[r.container.id]).toBeUndefined();
    expect(removed.docker.volumes['data']).toBeDefined();
    expect(volumeSize(removed, 'data')).toBe(2);
  });
});

describe('the build cache (BuildKit prints CACHED for steps an image already holds)', () => {
  it('a rebuild is CACHED; a changed file invalidates its step and every one after it', () => {
    const a = built();
    const again = buildImage(a.state, a.state.docker, { tag: 'again', dockerfile: COURSE_DOCKERFILE, context: () => 'p'.repeat(170) });
    expect(again.ok && again.progress).toContain('#4 [2/4] WORKDIR /app\n#4 CACHED\n');
    expect(again.ok && again.progress).toContain('#6 [4/4] RUN pip install flask\n#6 CACHED\n');
    const changed = buildImage(a.state, a.state.docker, { tag: 'changed', dockerfile: COURSE_DOCKERFILE, context: () => 'q'.repeat(170) });
    expect(changed.ok && changed.progress).toContain('#4 CACHED\n');
    expect(changed.ok && changed.progress).toContain('#5 [3/4] ADD app.py app.py\n#5 DONE 0.0s\n');
    expect(changed.ok && changed.progress).toContain('#6 0.100 Successfully installed flask\n#6 DONE 0.5s\n');
    expect(changed.ok && changed.image.layers[5]).not.toBe(a.image.layers[5]);
  });
});
