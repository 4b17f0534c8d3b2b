// apt-get and apt in a running Debian container (`kubectl exec -it POD -- bash`, then `apt-get
// update`, `apt-get install procps`), as the kubernetes.io tasks have a learner type them.
// `update` fetches bookworm's package lists (Get: the first time, Hit: after), `install` unpacks
// packages from the catalogue (package-catalog.ts) into the container's writable layer, so they
// are gone when the container restarts, as in reality. apt prints "… Done" after its progress
// lines only at a terminal, and apt (not apt-get) warns about its CLI when not at one.
//
// apt asks "Do you want to continue? [Y/n]" only when it would install more than was named (a
// dependency, a recommended package) or remove something. The catalogue's packages have no
// dependencies, so, as apt does then, it installs without asking, with or without -y.
//
// Before any `update` a slim image has no package lists (the image removed them), so every
// package is unknown: `E: Unable to locate package …` (100), as in a fresh container.
import { APT_LISTS } from '../docker/packages.ts';
import { imageTools } from '../net/image-tools.ts';
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';
import { debianPackage, DEBIAN_PACKAGE_NAMES, dpkgList, programPath, type DebianPackage } from './package-catalog.ts';

const MIRROR = 'http://deb.debian.org/debian';
const SECURITY = 'http://deb.debian.org/debian-security';
/** bookworm's three sources: their InRelease, then the main component's Packages index (kB, as apt prints them). */
const RELEASES: readonly (readonly [string, string, string, string])[] = [
  [MIRROR, 'bookworm', '151 kB', '8792 kB'],
  [MIRROR, 'bookworm-updates', '55.4 kB', '13.5 kB'],
  [SECURITY, 'bookworm-security', '48.0 kB', '276 kB'],
];
const UPDATE_FETCHED = '9336 kB';
/** Where `apt-get update` keeps the lists: the same file the build's apt-get writes. */
const LISTS = '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main';
/** What dpkg counts in a slim bookworm image before anything is installed. */
const DPKG_FILES = 6089;

type Chunk = { stream: 'stdout' | 'stderr'; text: string };

/** apt's size in SI units: one decimal under 100, none under 10000, else the next unit (apt's SizeToStr). */
export function aptSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 10_000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 100 && u > 0 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

export function aptCommand(program: 'apt-get' | 'apt'): (args: string[], io: CommandIO) => ShellResult {
  return (args, io) => {
    // apt's progress ends in "Done" and its CLI warning is left out when stdout is a terminal (not piped or redirected).
    const tty = io.ctx.terminalOut === true;
    const chunks: Chunk[] = [];
    // apt warns that its output is for people when it is not on a terminal (kubectl exec without -t).
    if (program === 'apt' && !tty) chunks.push({ stream: 'stderr', text: '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' });
    const words = args.filter((a) => !a.startsWith('-'));
    const verb = words[0];
    if (verb === 'update') return join(chunks, update(io, program, tty));
    if (verb === 'install') return join(chunks, install(io, words.slice(1), tty));
    chunks.push({ stream: 'stderr', text: `E: Invalid operation ${verb ?? ''}\n` });
    return join(chunks, { chunks: [], code: 100 });
  };
}

const done = (tty: boolean) => (tty ? ' Done' : '');
const readingState = (tty: boolean) => `Reading package lists...${done(tty)}\nBuilding dependency tree...${done(tty)}\nReading state information...${done(tty)}\n`;

function update(io: CommandIO, program: 'apt-get' | 'apt', tty: boolean): { chunks: Chunk[]; code: number } {
  const fs = io.ctx.fs;
  const fresh = fs.stat(LISTS) === undefined;
  let out = '';
  let n = 0;
  for (const [uri, suite, release] of RELEASES) out += fresh ? `Get:${++n} ${uri} ${suite} InRelease [${release}]\n` : `Hit:${++n} ${uri} ${suite} InRelease\n`;
  if (fresh) for (const [uri, suite, , packages] of RELEASES) out += `Get:${++n} ${uri} ${suite}/main amd64 Packages [${packages}]\n`;
  out += fresh ? `Fetched ${UPDATE_FETCHED} in 1s (${UPDATE_FETCHED}/s)\n` : '';
  fs.mkdir('/var/lib/apt/lists', true);
  const w = fs.writeSized(LISTS, APT_LISTS);
  if (!w.ok) return { chunks: [{ stream: 'stdout', text: out }, { stream: 'stderr', text: `E: Write error - write (28: No space left on device)\n` }], code: 100 };
  out += `Reading package lists...${done(tty)}\n`;
  // apt (not apt-get) goes on to say whether anything can be upgraded; the image is current.
  if (program === 'apt') out += `Building dependency tree...${done(tty)}\nReading state information...${done(tty)}\nAll packages are up to date.\n`;
  return { chunks: [{ stream: 'stdout', text: out }], code: 0 };
}

/** Whether the package is installed here: dpkg has its list, or the image ships it (nginx's curl). */
function installed(io: CommandIO, name: string): boolean {
  if (io.ctx.fs.stat(dpkgList(name)) !== undefined) return true;
  return name === 'curl' && imageTools(io.ctx.image ?? '').curl;
}

/**
 * Whether the simulation can run what the package installs in this container. curl sends its
 * requests from a pod (net/container-commands.ts, which finds it in the writable layer); a Docker
 * host container or a kind node has no simulated network tools, so there only the image's counts.
 */
function runnableHere(io: CommandIO, name: string, pkg: DebianPackage): boolean {
  const inPod = io.ctx.main !== undefined && io.ctx.extraCommands !== undefined;
  return !pkg.programs.includes('curl') || inPod || installed(io, name);
}

function install(io: CommandIO, names: string[], tty: boolean): { chunks: Chunk[]; code: number } {
  const state = readingState(tty);
  if (names.length === 0) return { chunks: [{ stream: 'stdout', text: state + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n' }], code: 0 };
  const haveLists = io.ctx.fs.stat(LISTS) !== undefined;
  const wanted = names.map((n) => n.replace(/=.*$/, '').toLowerCase());
  const missing = wanted.filter((n) => {
    const pkg = debianPackage(n);
    return !haveLists || !pkg || !runnableHere(io, n, pkg);
  });
  if (missing.length > 0) {
    const errors = missing.map((n) => `E: Unable to locate package ${n}\n`).join('');
    // With the lists fetched, the package is missing from our catalogue, not from Debian: say so.
    const why = haveLists ? `kubesim: the simulated package catalogue has only ${DEBIAN_PACKAGE_NAMES.join(', ')}\n` : '';
    return { chunks: [{ stream: 'stdout', text: state }, { stream: 'stderr', text: errors + why }], code: 100 };
  }
  let out = state;
  const unique = [...new Set(wanted)];
  const fresh = unique.filter((n) => !installed(io, n));
  for (const n of unique) if (!fresh.includes(n)) out += `${n} is already the newest version (${debianPackage(n)!.version}).\n`;
  if (fresh.length > 0) out += `The following NEW packages will be installed:\n  ${fresh.join(' ')}\n`;
  out += `0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n`;
  if (fresh.length === 0) return { chunks: [{ stream: 'stdout', text: out }], code: 0 };
  const pkgs = fresh.map((n) => [n, debianPackage(n)!] as const);
  const download = pkgs.reduce((s, [, p]) => s + p.downloadKb * 1000, 0);
  const size = pkgs.reduce((s, [, p]) => s + p.size, 0);
  out += `Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(size)} of additional disk space will be used.\n`;
  pkgs.forEach(([n, p], i) => (out += `Get:${i + 1} ${MIRROR} bookworm/main amd64 ${n} amd64 ${p.version} [${aptSize(p.downloadKb * 1000)}]\n`));
  const chunks: Chunk[] = [{ stream: 'stdout', text: out }];
  chunks.push({ stream: 'stderr', text: 'debconf: delaying package configuration, since apt-utils is not installed\n' });
  let dpkg = `Fetched ${aptSize(download)} in 0s (${aptSize(download * 10)}/s)\n`;
  pkgs.forEach(([n, p], i) => {
    dpkg += `Selecting previously unselected package ${n}.\n`;
    if (i === 0) dpkg += `(Reading database ... ${DPKG_FILES + installedCount(io)} files and directories currently installed.)\n`;
    dpkg += `Preparing to unpack .../${n}_${p.version.replace(':', '%3a')}_amd64.deb ...\nUnpacking ${n} (${p.version}) ...\n`;
  });
  for (const [n, p] of pkgs) {
    const failed = unpack(io, n, p);
    if (failed) {
      chunks.push({ stream: 'stdout', text: dpkg }, { stream: 'stderr', text: failed });
      return { chunks, code: 100 };
    }
    dpkg += `Setting up ${n} (${p.version}) ...\n`;
  }
  chunks.push({ stream: 'stdout', text: dpkg });
  return { chunks, code: 0 };
}

/** How many packages apt installed here before: dpkg counts their files too (roughly ten each). */
function installedCount(io: CommandIO): number {
  const r = io.ctx.fs.list('/var/lib/dpkg/info');
  return r.ok ? r.value.filter((e) => e.name.endsWith('.list')).length * 10 : 0;
}

/** Writes the package's files into the container: its programs (holding its size) and dpkg's list. */
function unpack(io: CommandIO, name: string, pkg: DebianPackage): string | undefined {
  const fs = io.ctx.fs;
  const files = pkg.programs.length > 0 ? pkg.programs.map(programPath) : [`/usr/share/doc/${name}/copyright`];
  fs.mkdir(files[0]!.slice(0, files[0]!.lastIndexOf('/')), true);
  for (const [i, file] of files.entries()) {
    const w = fs.writeSized(file, i === 0 ? pkg.size : 0);
    if (!w.ok) return `dpkg: error processing archive /var/cache/apt/archives/${name}_${pkg.version.replace(':', '%3a')}_amd64.deb (--unpack):\n cannot copy extracted data for '.${file}' to '${file}.dpkg-new': failed to write (No space left on device)\n`;
  }
  fs.mkdir('/var/lib/dpkg/info', true);
  fs.write(dpkgList(name), files.map((f) => `${f}\n`).join(''), false);
  return undefined;
}

function join(before: Chunk[], r: { chunks: Chunk[]; code: number }): ShellResult {
  const chunks = [...before, ...r.chunks].filter((c) => c.text !== '');
  const text = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code: r.code, chunks };
}
