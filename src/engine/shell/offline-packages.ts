// Package managers in a running container, which has no way out: the simulated cluster has no
// network. Each prints what the real tool prints when its mirror's name does not resolve, then
// one line of ours saying why, so a learner is not left wondering. Debian images have apt-get and
// apt (bookworm's three sources), alpine has apk (3.22's two repositories), python images pip
// (23.0.1, five retries). A `docker build` RUN step installs for real (docker/packages.ts): the
// build passes its own commands, which the shell looks up before these.
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';

export const NO_NETWORK = 'kubesim: the simulated cluster has no network, so packages cannot be downloaded\n';

const DEBIAN_SOURCES = [
  ['http://deb.debian.org/debian', 'bookworm'],
  ['http://deb.debian.org/debian', 'bookworm-updates'],
  ['http://deb.debian.org/debian-security', 'bookworm-security'],
] as const;
const RESOLVE = "Temporary failure resolving 'deb.debian.org'";

/** apt's acquire progress for an update that reaches no mirror, and its warnings. */
function aptUpdate(): { stdout: string; stderr: string } {
  const stdout = DEBIAN_SOURCES.map(([uri, suite], i) => `Err:${i + 1} ${uri} ${suite} InRelease\n  ${RESOLVE}\n`).join('') + 'Reading package lists...\n';
  const stderr =
    DEBIAN_SOURCES.map(([uri, suite]) => `W: Failed to fetch ${uri}/dists/${suite}/InRelease  ${RESOLVE}\n`).join('') +
    'W: Some index files failed to download. They have been ignored, or old ones used instead.\n';
  return { stdout, stderr };
}

const APT_STATE = 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';

/** apt-get (and apt): update fails to fetch (status 0, as apt-get does), install finds no package (100). */
function apt(program: 'apt-get' | 'apt'): (args: string[], io: CommandIO) => ShellResult {
  return (args) => {
    // apt warns that its output is for people when it is not on a terminal (kubectl exec without -t).
    const banner = program === 'apt' ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' : '';
    const words = args.filter((a) => !a.startsWith('-'));
    const verb = words[0];
    if (verb === 'update') {
      const r = aptUpdate();
      return { stdout: r.stdout, stderr: banner + r.stderr + NO_NETWORK, code: 0, chunks: [{ stream: 'stderr', text: banner }, { stream: 'stdout', text: r.stdout }, { stream: 'stderr', text: r.stderr + NO_NETWORK }] };
    }
    if (verb === 'install') {
      const packages = words.slice(1);
      if (packages.length === 0) return { stdout: APT_STATE + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: banner, code: 0 };
      // With no package lists (the image removed them, and update could not fetch them), apt knows no package.
      const stderr = `E: Unable to locate package ${packages[0]}\n`;
      return { stdout: APT_STATE, stderr: banner + stderr + NO_NETWORK, code: 100, chunks: [{ stream: 'stderr', text: banner }, { stream: 'stdout', text: APT_STATE }, { stream: 'stderr', text: stderr + NO_NETWORK }] };
    }
    return { stdout: '', stderr: `${banner}E: Invalid operation ${verb ?? ''}\n`, code: 100 };
  };
}

const ALPINE = 'https://dl-cdn.alpinelinux.org/alpine/v3.22';

/**
 * apk add: both repositories fail to fetch, so no package can be selected (one error: status 1);
 * apk update: both unavailable (status 2), only the installed packages known.
 */
function apk(args: string[]): ShellResult {
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  for (const repo of ['main', 'community']) {
    chunks.push({ stream: 'stdout', text: `fetch ${ALPINE}/${repo}/x86_64/APKINDEX.tar.gz\n` });
    // `apk update` words the failure as updating the index; `apk add` as fetching it.
    chunks.push({ stream: 'stderr', text: `WARNING: ${verb === 'update' ? 'updating and opening' : 'fetching'} ${ALPINE}/${repo}: temporary error (try again later)\n` });
  }
  let code = 0;
  if (verb === 'add' && words.length > 1) {
    const missing = words.slice(1).map((p) => `  ${p} (no such package):\n    required by: world[${p}]\n`);
    chunks.push({ stream: 'stderr', text: `ERROR: unable to select packages:\n${missing.join('')}` });
    code = 1;
  } else if (verb === 'update') {
    chunks.push({ stream: 'stdout', text: '2 unavailable, 0 stale; 15 distinct packages available\n' });
    code = 2;
  }
  chunks.push({ stream: 'stderr', text: NO_NETWORK });
  return join(chunks, code);
}

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

function join(chunks: { stream: 'stdout' | 'stderr'; text: string }[], code: number): ShellResult {
  const text = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code, chunks };
}

export const PACKAGE_COMMANDS: Record<string, (args: string[], io: CommandIO) => ShellResult> = {
  'apt-get': apt('apt-get'),
  apt: apt('apt'),
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
