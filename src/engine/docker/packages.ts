// The documented, deterministic size model for what RUN steps install. A package manager run
// in a build writes one directory per package holding that many bytes, so the layer's size
// is what the table says. Figures are rounded real-world installed sizes.
import type { CommandIO } from '../shell/commands.ts';
import type { ShellResult } from '../shell/interpreter.ts';
import { getOwn } from '../../lib/own.ts';

/** pip packages, with their dependencies (flask pulls werkzeug, jinja2, click, itsdangerous, blinker, markupsafe). */
export const PIP_SIZES: Record<string, number> = {
  flask: 11_500_000,
  requests: 1_950_000,
  django: 36_000_000,
  numpy: 61_000_000,
  pandas: 132_000_000,
  gunicorn: 700_000,
  redis: 1_200_000,
};
export const PIP_DEFAULT = 2_000_000;

export const APT_SIZES: Record<string, number> = { curl: 6_300_000, vim: 39_000_000, git: 61_000_000, wget: 3_800_000, 'ca-certificates': 1_100_000 };
export const APT_DEFAULT = 5_000_000;
/** `apt-get update` downloads the package lists. */
export const APT_LISTS = 19_700_000;
export const APK_SIZES: Record<string, number> = { curl: 2_600_000, bash: 1_500_000, git: 14_000_000 };
export const APK_DEFAULT = 1_000_000;

type Command = (args: string[], io: CommandIO) => ShellResult;

function install(io: CommandIO, dir: string, packages: string[], sizes: Record<string, number>, fallback: number, line: (p: string) => string): ShellResult {
  let stdout = '';
  for (const p of packages) {
    const name = p.replace(/[=<>].*$/, '').toLowerCase();
    io.ctx.fs.mkdir(`${dir}/${name}`, true);
    const w = io.ctx.fs.writeSized(`${dir}/${name}/.installed`, getOwn(sizes, name) ?? fallback);
    if (!w.ok) return { stdout, stderr: `error: could not install ${name}\n`, code: 1 };
    stdout += line(name);
  }
  return { stdout, stderr: '', code: 0 };
}

export const BUILD_COMMANDS: Record<string, Command> = {
  pip(args, io) {
    const pkgs = args[0] === 'install' ? args.slice(1).filter((a) => !a.startsWith('-')) : [];
    if (pkgs.length === 0) return { stdout: '', stderr: 'ERROR: You must give at least one requirement to install\n', code: 1 };
    return install(io, '/usr/local/lib/python3.9/site-packages', pkgs, PIP_SIZES, PIP_DEFAULT, (p) => `Successfully installed ${p}\n`);
  },
  'apt-get'(args, io) {
    if (args[0] === 'update') {
      io.ctx.fs.mkdir('/var/lib/apt/lists', true);
      io.ctx.fs.writeSized('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main', APT_LISTS);
      return { stdout: 'Reading package lists... Done\n', stderr: '', code: 0 };
    }
    const pkgs = args[0] === 'install' ? args.slice(1).filter((a) => !a.startsWith('-')) : [];
    return install(io, '/usr/share/doc', pkgs, APT_SIZES, APT_DEFAULT, (p) => `Setting up ${p} ...\n`);
  },
  apk(args, io) {
    const pkgs = args[0] === 'add' ? args.slice(1).filter((a) => !a.startsWith('-')) : [];
    return install(io, '/usr/share/apk', pkgs, APK_SIZES, APK_DEFAULT, (p) => `(1/1) Installing ${p}\n`);
  },
};
BUILD_COMMANDS['pip3'] = BUILD_COMMANDS['pip']!;
