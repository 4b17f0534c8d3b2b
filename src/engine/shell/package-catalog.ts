// The packages apt can install into a running container: Debian bookworm's version of each, the
// size of its .deb, and the programs it puts in /usr/bin. Installed sizes come from the build's
// size model (docker/packages.ts), so a package weighs the same in a RUN step and in `kubectl
// exec`. A package is listed only when the simulation can run what it installs: procps's `ps`;
// curl, which runs in a pod's container once installed (its requests leave from the pod) and is
// already there in images that ship it (nginx). Dependencies are left out: apt installs exactly
// what was named.
import { getOwn } from '../../lib/own.ts';
import { entryAt, type FsTree } from '../fs/tree.ts';
import { APT_DEFAULT, APT_SIZES } from '../docker/packages.ts';
import type { ShellFs } from './interpreter.ts';

export interface DebianPackage {
  version: string;
  /** The .deb's size in kB, as apt's "Get:" line and "Need to get" print it. */
  downloadKb: number;
  /** Installed bytes (the build's size model). */
  size: number;
  programs: readonly string[];
}

const deb = (name: string, version: string, downloadKb: number, programs: readonly string[]): DebianPackage => ({
  version,
  downloadKb,
  size: getOwn(APT_SIZES, name) ?? APT_DEFAULT,
  programs,
});

const DEBIAN: Record<string, DebianPackage> = Object.assign(Object.create(null) as Record<string, DebianPackage>, {
  procps: deb('procps', '2:4.0.2-3', 709, ['ps']),
  curl: deb('curl', '7.88.1-10+deb12u12', 315, ['curl']),
  'ca-certificates': deb('ca-certificates', '20230311+deb12u1', 153, []),
});

export function debianPackage(name: string): DebianPackage | undefined {
  return getOwn(DEBIAN, name);
}

/** The catalogue's names, for the line saying what can be installed. */
export const DEBIAN_PACKAGE_NAMES: readonly string[] = Object.keys(DEBIAN).sort();

/** Where an installed program lives: apt writes it into the container's writable layer. */
export const programPath = (name: string) => `/usr/bin/${name}`;

/** dpkg's record of an installed package: the list of files it owns. */
export const dpkgList = (name: string) => `/var/lib/dpkg/info/${name}.list`;

/**
 * Whether a program was installed into this container's filesystem (by apt in a running
 * container): a missing tool of the image (procps's `ps` in a Debian image) then exists.
 */
export function installedProgram(fs: Pick<ShellFs, 'stat'> | undefined, name: string): boolean {
  if (!fs || name.includes('/')) return false;
  return fs.stat(programPath(name))?.type === 'File';
}

/** The same, read from a container's writable layer (for tables built before a command runs: a pod's network tools). */
export function installedInLayer(upper: FsTree | undefined, name: string): boolean {
  return upper !== undefined && entryAt(upper, programPath(name))?.type === 'File';
}
