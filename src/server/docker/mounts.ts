// A create request's mounts (HostConfig.Binds, Config.Volumes, HostConfig.Mounts and Tmpfs) as
// the engine's DockerMounts, in the order `docker run` lists them in the command layer: -v, then
// --mount, then --tmpfs. Anonymous volumes are named as the command layer names them.
import { anonymousVolumeName, type DockerMount } from '../../engine/index.ts';
import { badRequest } from './errors.ts';

interface ApiMount {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean };
}

/** `my-vol:/app[:ro]` or `/host/dir:/data[:ro,z]` (the client made relative host paths absolute). */
function bind(spec: string): DockerMount {
  const parts = spec.split(':');
  const [source, destination, mode] = parts as [string, string | undefined, string | undefined];
  if (!destination || !destination.startsWith('/')) throw badRequest(`invalid volume specification: '${spec}'`);
  const modes = mode === undefined ? [] : mode.split(',');
  if (modes.some((m) => !['ro', 'rw', 'nocopy', 'z', 'Z'].includes(m))) throw badRequest(`invalid mode: ${mode}`);
  return { type: source.startsWith('/') ? 'bind' : 'volume', source, destination, readOnly: modes.includes('ro'), ...(modes.includes('nocopy') ? { noCopy: true } : {}) };
}

export interface CreateMounts {
  mounts: DockerMount[];
  /** `--mount type=bind` sources, which must exist (a -v bind's is created). */
  strictBinds: string[];
}

export function createMounts(config: Record<string, unknown>, hostConfig: Record<string, unknown>, containersSoFar: number): CreateMounts {
  let seq = containersSoFar * 16;
  const mounts: DockerMount[] = [];
  for (const spec of (hostConfig['Binds'] as string[] | null | undefined) ?? []) mounts.push(bind(spec));
  // `-v /data`: an anonymous volume, listed by the client in Config.Volumes.
  for (const dest of Object.keys((config['Volumes'] as Record<string, unknown> | null | undefined) ?? {})) mounts.push({ type: 'volume', source: anonymousVolumeName(dest, seq++), destination: dest, readOnly: false });
  const strictBinds: string[] = [];
  for (const m of (hostConfig['Mounts'] as ApiMount[] | null | undefined) ?? []) {
    const type = m.Type ?? 'volume';
    const target = m.Target ?? '';
    if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') throw badRequest(`mount type unknown`);
    if (type === 'bind' && !m.Source) throw badRequest(`invalid mount config for type "bind": field Source must not be empty`);
    if (type === 'tmpfs' && m.Source) throw badRequest(`invalid mount config for type "tmpfs": field Source must not be specified`);
    const source = type === 'volume' && !m.Source ? anonymousVolumeName(target, seq++) : (m.Source ?? '');
    mounts.push({ type, source, destination: target, readOnly: m.ReadOnly === true, ...(m.VolumeOptions?.NoCopy ? { noCopy: true } : {}) });
    if (type === 'bind') strictBinds.push(source);
  }
  for (const target of Object.keys((hostConfig['Tmpfs'] as Record<string, string> | null | undefined) ?? {})) mounts.push({ type: 'tmpfs', source: '', destination: target, readOnly: false });
  return { mounts, strictBinds };
}
