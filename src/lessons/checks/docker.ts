// Checks on the Docker host (the Docker lessons have no cluster objects to look at): a named
// volume, an image by name, a container (and its state), or a file inside a container, running or
// stopped, read from its merged view (image, writable layer, volumes, bind mounts) as `docker cp`
// would, or a file in a named volume's data. Reads only; nothing is written back.
import { execOnDockerHost, findContainer, findImage, runInContainer, type ClusterState } from '../../engine/index.ts';
import type { Matcher } from '../types.ts';
import { hasMatcher, matchValue, show, type Outcome } from './matcher.ts';

export interface DockerArg extends Matcher {
  /** A named volume (`docker volume ls`). */
  volume?: string;
  /** An image by `name[:tag]` (`my-image` is `my-image:latest`). */
  image?: string;
  /** A container by name or id. */
  container?: string;
  /** A file on the Docker host's own disk (where bind mounts point), as `sudo cat` reads it. */
  hostFile?: string;
  /** With `container`: its state must be this. */
  state?: 'created' | 'running' | 'exited';
  /** With `container`: a file in it; with `volume`: a file in the volume's data. The matcher applies to its content. */
  path?: string;
}

export function docker(state: ClusterState, arg: DockerArg): Outcome {
  const { volume, image, container, state: wanted, path, hostFile, ...m } = arg;
  const host = state.docker;
  if (hostFile !== undefined) return content(execOnDockerHost(state, ['cat', hostFile]).output, m, `${hostFile} on the Docker host`);
  if (volume !== undefined && path !== undefined) {
    if (!Object.hasOwn(host.volumes, volume)) return { ok: false, why: `there is no volume ${show(volume)}` };
    // The volume's data as the Docker host keeps it, whether or not a container mounts it.
    return content(execOnDockerHost(state, ['cat', `/var/lib/docker/volumes/${volume}/_data${path}`]).output, m, `${path} in volume ${show(volume)}`);
  }
  if (volume !== undefined) return present(Object.hasOwn(host.volumes, volume), `volume ${show(volume)}`, m);
  if (image !== undefined) return present(findImage(host, image) !== undefined, `image ${show(image)}`, m);
  if (container === undefined) return { ok: false, why: 'the check names no volume, image, container or hostFile' };
  const c = findContainer(host, container);
  if (path === undefined) {
    const shown = present(c !== undefined, `container ${show(container)}`, m);
    if (!shown.ok || !c || wanted === undefined || c.state === wanted) return shown;
    return { ok: false, why: `container ${show(container)} is ${c.state}, not ${wanted}` };
  }
  if (!c) return { ok: false, why: `there is no container ${show(container)}` };
  if (wanted !== undefined && c.state !== wanted) return { ok: false, why: `container ${show(container)} is ${c.state}, not ${wanted}` };
  return content(runInContainer(state, c.id, ['cat', path], ''), m, `${path} in container ${show(container)}`);
}

function content(r: { stdout: string; code: number }, m: Matcher, what: string): Outcome {
  // `echo hi > f` writes "hi\n": `equals: hi` means the line.
  const text = r.stdout.endsWith('\n') ? r.stdout.slice(0, -1) : r.stdout;
  // A file with nothing asked of it must at least be there.
  const match = matchValue(r.code === 0 ? { found: true, value: text } : { found: false }, hasMatcher(m) ? m : { exists: true });
  return match.ok ? match : { ok: false, why: `${what} ${match.why}` };
}

/** Volumes, images, containers: there (or, with `exists: false`, not there). */
function present(found: boolean, what: string, m: Matcher): Outcome {
  if (m.exists === false) return found ? { ok: false, why: `${what} is there` } : { ok: true };
  return found ? { ok: true } : { ok: false, why: `there is no ${what}` };
}
