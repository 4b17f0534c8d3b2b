// The docker check against real runs of the docker CLI: volumes, images, containers and their
// state, files in a running or stopped container; gone after `docker rm` / `docker volume rm`.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../parse.ts';
import { contextOf, runLines, startLesson } from '../run.ts';
import type { Check, Lesson } from '../types.ts';
import { evaluateCheck } from './index.ts';

const LESSON: Lesson = { id: 't', title: 't', summary: 't', topic: 't', preset: 'bare', seed: 1, steps: [{ title: 's', prose: 'p', goals: [], solution: 'true' }] };

function after(script: string) {
  const r = startLesson(LESSON);
  runLines(r, script);
  return (check: Record<string, unknown>) => evaluateCheck(contextOf(r), { docker: check } as Check);
}

describe('docker check', () => {
  const check = after(
    'docker volume create my-vol\n' +
      'docker run -d --name keeper -v my-vol:/data busybox sleep 3600\n' +
      "docker exec keeper sh -c 'echo kept > /data/a.txt; echo mine > /tmp/b.txt'\n" +
      'docker stop keeper\n' +
      'docker run -d --name gone busybox sleep 3600\n' +
      'docker rm -f gone\n',
  );

  it('finds a named volume, and not one that was never made', () => {
    expect(check({ volume: 'my-vol' })).toEqual({ ok: true });
    expect(check({ volume: 'other' })).toEqual({ ok: false, why: 'there is no volume "other"' });
    expect(check({ volume: 'other', exists: false })).toEqual({ ok: true });
  });

  it('reads a file in a volume\'s data, with no container mounting it', () => {
    const gone = after('docker run --rm -v v2:/app busybox sh -c "echo hello > /app/x.txt"\n');
    expect(gone({ volume: 'v2', path: '/x.txt', equals: 'hello' })).toEqual({ ok: true });
    expect(gone({ volume: 'v2', path: '/y.txt', exists: false })).toEqual({ ok: true });
    expect(gone({ volume: 'v3', path: '/x.txt' })).toEqual({ ok: false, why: 'there is no volume "v3"' });
  });

  it('reads a file on the Docker host, where a bind mount writes', () => {
    const bound = after("docker run --rm -v /srv/site:/site busybox sh -c 'echo page > /site/index.html'\n");
    expect(bound({ hostFile: '/srv/site/index.html', equals: 'page' })).toEqual({ ok: true });
    expect(bound({ hostFile: '/srv/other.html' }).ok).toBe(false);
  });

  it('finds a pulled image by name, with or without its tag', () => {
    expect(check({ image: 'busybox' })).toEqual({ ok: true });
    expect(check({ image: 'busybox:latest' })).toEqual({ ok: true });
    expect(check({ image: 'nginx' }).ok).toBe(false);
  });

  it('finds containers and their state; a removed one is gone', () => {
    expect(check({ container: 'keeper' })).toEqual({ ok: true });
    expect(check({ container: 'keeper', state: 'exited' })).toEqual({ ok: true });
    expect(check({ container: 'keeper', state: 'running' })).toEqual({ ok: false, why: 'container "keeper" is exited, not running' });
    expect(check({ container: 'gone' }).ok).toBe(false);
    expect(check({ container: 'gone', exists: false })).toEqual({ ok: true });
  });

  it('reads a stopped container\'s files: its writable layer and its volume', () => {
    expect(check({ container: 'keeper', path: '/tmp/b.txt', equals: 'mine' })).toEqual({ ok: true });
    expect(check({ container: 'keeper', path: '/data/a.txt', contains: 'kept' })).toEqual({ ok: true });
    expect(check({ container: 'keeper', path: '/data/a.txt', equals: 'lost' })).toEqual({ ok: false, why: '/data/a.txt in container "keeper" is "kept", not "lost"' });
    expect(check({ container: 'keeper', path: '/nope', exists: false })).toEqual({ ok: true });
    expect(check({ container: 'gone', path: '/tmp/b.txt' })).toEqual({ ok: false, why: 'there is no container "gone"' });
  });

  it('is accepted by the lesson schema, which wants one of volume, image or container', () => {
    const yaml = (c: string) => `id: d\ntitle: d\nsummary: d\ntopic: Docker\npreset: bare\nseed: 1\nsteps:\n  - title: s\n    prose: p\n    goals:\n      - id: g\n        title: g\n        check:\n          docker: ${c}\n    solution: docker volume create v\n`;
    expect(parseLesson(yaml('{ volume: v }'), 'x').ok).toBe(true);
    expect(parseLesson(yaml('{ container: c, path: /a, contains: x }'), 'x').ok).toBe(true);
    expect(parseLesson(yaml('{ path: /a }'), 'x').ok).toBe(false);
    expect(parseLesson(yaml('{ volume: v, colour: red }'), 'x').ok).toBe(false);
  });
});
