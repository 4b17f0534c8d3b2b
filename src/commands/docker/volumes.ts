// `docker volume …` and `docker system df [-v]`: where the bytes are. Image layers are counted
// once however many images and containers share them; each container adds only its writable layer.
import { anonymousVolumeName, containerSize, imageSize, isAnonymousVolume, parseImageRef, sharedSize, volumeKey, volumeSize, volumeUsers, treeOf, type ClusterState } from '../../engine/index.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { daemonError, fail } from './errors.ts';
import { hasFlag, type ParsedDockerFlags } from './flags.ts';
import { listedContainers, commandText, status } from './containers.ts';
import { ellipsis, rfc3339, shortId } from './images.ts';
import { ago, dockerJson, dockerTable, humanSize, humanSize4 } from './format.ts';
import { volumeNameError } from '../../engine/docker/volume-names.ts';
import { getOwn, hasOwn, withOwn } from '../../lib/own.ts';

type Parsed = Extract<ParsedDockerFlags, { ok: true }>;

export function volume(input: CommandInput, sub: string | undefined, p: Parsed): CommandOutput {
  const { state } = input;
  const names = p.positional;
  switch (sub) {
    case 'create': {
      // Without a name the daemon makes one up: 64 hex digits, like an anonymous volume's.
      let name = names[0];
      for (let seq = Object.keys(state.docker.volumes).length; !name || (names.length === 0 && hasOwn(state.docker.volumes, name)); seq++) name = anonymousVolumeName('volume create', seq);
      const refused = volumeNameError(name);
      if (refused) return daemonError(state, refused);
      const volumes = hasOwn(state.docker.volumes, name) ? state.docker.volumes : withOwn(state.docker.volumes, name, { name, created: state.now });
      const volumeData = { ...state.volumeData, [volumeKey(name)]: state.volumeData[volumeKey(name)] ?? treeOf({ '/': { type: 'Directory', mode: 0o755 } }) };
      return output({ ...state, volumeData, docker: { ...state.docker, volumes } }, { stdout: `${name}\n` });
    }
    case 'ls':
    case 'list': {
      const rows = Object.keys(state.docker.volumes).sort().map((n) => ['local', n]);
      if (hasFlag(p.flags, 'quiet', 'q')) return output(state, { stdout: rows.map((r) => r[1] + '\n').join('') });
      return output(state, { stdout: dockerTable(['DRIVER', 'VOLUME NAME'], rows) });
    }
    case 'inspect': {
      const found = names.filter((n) => hasOwn(state.docker.volumes, n));
      const missing = names.filter((n) => !hasOwn(state.docker.volumes, n));
      const body = found.map((n) => ({
        CreatedAt: rfc3339(getOwn(state.docker.volumes, n)!.created),
        Driver: 'local',
        Labels: null,
        Mountpoint: `/var/lib/docker/volumes/${n}/_data`,
        Name: n,
        Options: null,
        Scope: 'local',
      }));
      return output(state, { stdout: dockerJson(body), stderr: missing.map((n) => `Error response from daemon: get ${n}: no such volume\n`).join(''), exitCode: missing.length ? 1 : 0 });
    }
    case 'rm':
    case 'remove': {
      let next = state;
      let stdout = '';
      let stderr = '';
      for (const n of names) {
        if (!hasOwn(next.docker.volumes, n)) {
          stderr += `Error response from daemon: get ${n}: no such volume\n`;
          continue;
        }
        const users = volumeUsers(next.docker, n);
        if (users.length) {
          stderr += `Error response from daemon: remove ${n}: volume is in use - [${users.map((u) => u.id).join(', ')}]\n`;
          continue;
        }
        next = dropVolume(next, n);
        stdout += `${n}\n`;
      }
      return output(next, { stdout, stderr, exitCode: stderr ? 1 : 0 });
    }
    case 'prune': {
      const all = hasFlag(p.flags, 'all', 'a');
      const warning = `WARNING! This will remove ${all ? 'all local volumes' : 'anonymous local volumes'} not used by at least one container.\nAre you sure you want to continue? [y/N] `;
      if (!hasFlag(p.flags, 'force', 'f') && !/^y/i.test(input.stdin ?? '')) return output(state, { stdout: warning });
      let next = state;
      const removed: string[] = [];
      let reclaimed = 0;
      for (const n of Object.keys(state.docker.volumes).sort()) {
        if (volumeUsers(state.docker, n).length || (!all && !isAnonymousVolume(n))) continue;
        reclaimed += volumeSize(state, n);
        next = dropVolume(next, n);
        removed.push(n);
      }
      const list = removed.length ? `Deleted Volumes:\n${removed.map((n) => n + '\n').join('')}\n` : '';
      return output(next, { stdout: (hasFlag(p.flags, 'force', 'f') ? '' : warning) + list + `Total reclaimed space: ${humanSize4(reclaimed)}\n` });
    }
    default:
      return fail(state, sub ? `docker: unknown command: docker volume ${sub}\n\nRun 'docker volume --help' for more information` : `Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n  create      Create a volume\n  inspect     Display detailed information on one or more volumes\n  ls          List volumes\n  prune       Remove unused local volumes\n  rm          Remove one or more volumes\n\nRun 'docker volume COMMAND --help' for more information on a command.`, sub ? 1 : 0);
  }
}

function dropVolume(state: ClusterState, name: string): ClusterState {
  const volumes = { ...state.docker.volumes };
  delete volumes[name];
  const volumeData = { ...state.volumeData };
  delete volumeData[volumeKey(name)];
  return { ...state, volumeData, docker: { ...state.docker, volumes } };
}

/** RECLAIMABLE as the CLI prints it: units.HumanSize, then the integer percentage (Go's division truncates). */
const reclaimable = (part: number, whole: number) => (whole > 0 ? `${humanSize4(part)} (${Math.floor((part * 100) / whole)}%)` : humanSize4(part));

/** `docker system df [-v]`. */
export function systemDf(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  const host = state.docker;
  const images = Object.values(host.images);
  const containers = Object.values(host.containers);
  const usedImages = new Set(containers.map((c) => c.imageId));
  const uniqueLayers = new Set(images.flatMap((i) => i.layers));
  const layersTotal = [...uniqueLayers].reduce((s, d) => s + (host.layers[d] ?? 0), 0);
  // The CLI's rule (formatter/disk_usage.go): what images in use hold on their own is kept, and
  // everything else counts as reclaimable, layers they share with other images included.
  const imagesReclaimable = layersTotal - images.filter((i) => usedImages.has(i.id)).reduce((s, i) => s + imageSize(host, i) - sharedSize(host, i), 0);
  const containersTotal = containers.reduce((s, c) => s + containerSize(c), 0);
  const containersReclaimable = containers.filter((c) => c.state !== 'running').reduce((s, c) => s + containerSize(c), 0);
  const volumes = Object.keys(host.volumes);
  const volumesTotal = volumes.reduce((s, n) => s + volumeSize(state, n), 0);
  const unusedVolumes = volumes.filter((n) => volumeUsers(host, n).length === 0);
  const volumesReclaimable = unusedVolumes.reduce((s, n) => s + volumeSize(state, n), 0);

  if (!hasFlag(p.flags, 'verbose', 'v')) {
    return output(state, {
      stdout: dockerTable(
        ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
        [
          ['Images', String(images.length), String(images.filter((i) => usedImages.has(i.id)).length), humanSize4(layersTotal), reclaimable(imagesReclaimable, layersTotal)],
          ['Containers', String(containers.length), String(containers.filter((c) => c.state === 'running').length), humanSize4(containersTotal), reclaimable(containersReclaimable, containersTotal)],
          ['Local Volumes', String(volumes.length), String(volumes.length - unusedVolumes.length), humanSize4(volumesTotal), reclaimable(volumesReclaimable, volumesTotal)],
          ['Build Cache', '0', '0', '0B', '0B'],
        ],
      ),
    });
  }
  const imageRows = images
    .sort((a, b) => b.created - a.created)
    .flatMap((i) => (i.tags.length ? i.tags : ['<none>:<none>']).map((t) => ({ t, i })))
    .map(({ t, i }) => {
      const { repository, tag } = t === '<none>:<none>' ? { repository: '<none>', tag: '<none>' } : parseImageRef(t);
      const size = imageSize(host, i);
      const shared = sharedSize(host, i);
      return [repository, tag, shortId(i.id), ago(state.now, i.created), humanSize(size), humanSize4(shared), humanSize4(size - shared), String(containers.filter((c) => c.imageId === i.id).length)];
    });
  const containerRows = listedContainers(state, true).map((c) => [
    shortId(c.id),
    c.image,
    JSON.stringify(ellipsis(commandText(c), 20)),
    String(c.mounts.filter((m) => m.type === 'volume').length),
    humanSize(containerSize(c)),
    ago(state.now, c.created),
    status(state.now, c),
    c.name,
  ]);
  const volumeRows = volumes.sort().map((n) => [n, String(volumeUsers(host, n).length), humanSize4(volumeSize(state, n))]);
  const text = [
    'Images space usage:',
    '',
    dockerTable(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], imageRows),
    'Containers space usage:',
    '',
    dockerTable(['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], containerRows),
    'Local Volumes space usage:',
    '',
    dockerTable(['VOLUME NAME', 'LINKS', 'SIZE'], volumeRows),
    'Build cache usage: 0B',
    '',
    dockerTable(['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], []),
  ];
  return output(state, { stdout: text.join('\n') });
}

