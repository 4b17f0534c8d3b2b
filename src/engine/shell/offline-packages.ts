// Package managers in a running container. pip (23.0.1), whose packages the simulation cannot
// run, prints what it prints when its index's name does not resolve (five retries), then one
// line of ours saying why, so a learner is not left wondering. apt-get and apt (apt.ts) and apk
// (apk.ts) install from the catalogue (package-catalog.ts). A `docker build`
// RUN step installs for real with all three (docker/packages.ts): the build passes its own
// commands, which the shell looks up before these.
import { apk } from './apk.ts';
import { aptCommand } from './apt.ts';
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';

export const NO_NETWORK = 'kubesim: the simulated cluster has no network, so packages cannot be downloaded\n';

/** pip install: urllib3's five retries, then no version found. */
function pip(args: string[]): ShellResult {
  const words = args.filter((a) => !a.startsWith('-'));
  if (words[0] !== 'install') return { stdout: '', stderr: `ERROR: unknown command "${words[0] ?? ''}"\n`, code: 1 };
  const requirement = words[1];
  if (!requirement) return { stdout: '', stderr: 'ERROR: You must give at least one requirement to install (see "pip help install")\n', code: 1 };
  const name = requirement.replace(/[=<>!~\[].*$/, '').toLowerCase();
  let stderr = '';
  for (let total = 4; total >= 0; total--) {
    // The connection object's address changes every run in real pip; here it is fixed.
    stderr += `WARNING: Retrying (Retry(total=${total}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f5c3e2a1d30>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/${name}/\n`;
  }
  stderr += `ERROR: Could not find a version that satisfies the requirement ${requirement} (from versions: none)\nERROR: No matching distribution found for ${requirement}\n`;
  return { stdout: '', stderr: stderr + NO_NETWORK, code: 1 };
}

export const PACKAGE_COMMANDS: Record<string, (args: string[], io: CommandIO) => ShellResult> = {
  // apt reaches the simulated mirror and installs from the catalogue (apt.ts).
  'apt-get': aptCommand('apt-get'),
  apt: aptCommand('apt'),
  apk,
  pip,
  pip3: pip,
};

/** The image repository's name without registry, library/ and tag: `python`, `alpine`, `nginx`. */
function repoName(image: string): string {
  const clean = image.replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!;
  const colon = clean.lastIndexOf(':');
  const repo = colon > clean.lastIndexOf('/') ? clean.slice(0, colon) : clean;
  return repo.slice(repo.lastIndexOf('/') + 1);
}

/**
 * Whether an image ships this package manager: apt in Debian-based images, apk in alpine ones
 * (`alpine`, `nginx:alpine`), pip in python's. Undefined for other programs.
 */
export function hasPackageManager(program: string, family: 'busybox' | 'debian' | undefined, image: string | undefined): boolean | undefined {
  if (program === 'apt-get' || program === 'apt') return family === 'debian';
  if (program === 'apk') {
    if (image === undefined) return false;
    const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
    return family !== 'debian' && (repoName(image) === 'alpine' || tag.includes('alpine'));
  }
  if (program === 'pip' || program === 'pip3') return image !== undefined && repoName(image) === 'python';
  return undefined;
}
