// apk in a running alpine container (`kubectl exec -it POD -- sh`, then `apk add curl`): every
// run fetches the two repositories' indexes (the image keeps no cache), `add` installs what the
// catalogue has into the container's writable layer (lost on restart, as in reality), `update`
// reports the indexes. The catalogue: curl, which then sends requests from the pod
// (net/container-commands.ts finds it there). Dependencies are left out, as for apt (package-catalog.ts).
import { APK_DEFAULT, APK_SIZES } from '../docker/packages.ts';
import { getOwn } from '../../lib/own.ts';
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';
import { programPath } from './package-catalog.ts';

const ALPINE = 'https://dl-cdn.alpinelinux.org/alpine/v3.22';
/** The alpine image's own packages, and what they take. */
const BASE_PACKAGES = 15;
const BASE_BYTES = 8_400_000;
/** apk's record of what it installed; one `P:` stanza per package, as the real database. */
const DB = '/lib/apk/db/installed.kubesim';

const CATALOGUE: Record<string, { version: string; programs: readonly string[] }> = Object.assign(Object.create(null) as Record<string, { version: string; programs: readonly string[] }>, {
  curl: { version: '8.14.1-r1', programs: ['curl'] },
});

type Chunk = { stream: 'stdout' | 'stderr'; text: string };

export function apk(args: string[], io: CommandIO): ShellResult {
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  const chunks: Chunk[] = ['main', 'community'].map((repo) => ({ stream: 'stdout' as const, text: `fetch ${ALPINE}/${repo}/x86_64/APKINDEX.tar.gz\n` }));
  const fs = io.ctx.fs;
  const db = fs.read(DB);
  const have = db.ok ? [...db.value.matchAll(/^P:(.+)$/gm)].map((m) => m[1]!) : [];
  const ok = (extra: string[], bytes: number) => `OK: ${Math.round((BASE_BYTES + bytes) / 1_048_576)} MiB in ${BASE_PACKAGES + have.length + extra.length} packages\n`;
  const installedBytes = have.reduce((s, p) => s + (getOwn(APK_SIZES, p) ?? APK_DEFAULT), 0);
  if (verb === 'update') {
    chunks.push({ stream: 'stdout', text: `v3.22.1-83-g2e2f0f4c4b5 [${ALPINE}/main]\nv3.22.1-82-g77b8e1f6c36 [${ALPINE}/community]\nOK: 26326 distinct packages available\n` });
    return join(chunks, 0);
  }
  if (verb !== 'add') {
    chunks.push({ stream: 'stderr', text: `ERROR: applet '${verb ?? ''}' not found\n` });
    return join(chunks, 1);
  }
  const wanted = [...new Set(words.slice(1).map((p) => p.replace(/[=<>~].*$/, '')))];
  const missing = wanted.filter((p) => getOwn(CATALOGUE, p) === undefined);
  if (missing.length > 0) {
    const lines = missing.map((p) => `  ${p} (no such package):\n    required by: world[${p}]\n`).join('');
    chunks.push({ stream: 'stderr', text: `ERROR: unable to select packages:\n${lines}kubesim: the simulated package catalogue has only ${Object.keys(CATALOGUE).sort().join(', ')}\n` });
    return join(chunks, 1);
  }
  const fresh = wanted.filter((p) => !have.includes(p));
  let out = '';
  let bytes = installedBytes;
  for (const [i, p] of fresh.entries()) {
    const pkg = CATALOGUE[p]!;
    const size = getOwn(APK_SIZES, p) ?? APK_DEFAULT;
    out += `(${i + 1}/${fresh.length}) Installing ${p} (${pkg.version})\n`;
    for (const [j, prog] of pkg.programs.entries()) {
      fs.mkdir('/usr/bin', true);
      const w = fs.writeSized(programPath(prog), j === 0 ? size : 0);
      if (!w.ok) {
        chunks.push({ stream: 'stdout', text: out }, { stream: 'stderr', text: `ERROR: ${p}-${pkg.version}: No space left on device\n` });
        return join(chunks, 1);
      }
    }
    fs.mkdir('/lib/apk/db', true);
    fs.write(DB, `P:${p}\nV:${pkg.version}\n\n`, true);
    bytes += size;
  }
  // busybox's trigger refreshes its applet links whenever /usr/bin changes.
  if (fresh.length > 0) out += 'Executing busybox-1.37.0-r18.trigger\n';
  chunks.push({ stream: 'stdout', text: out + ok(fresh, bytes) });
  return join(chunks, 0);
}

function join(chunks: Chunk[], code: number): ShellResult {
  const text = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code, chunks: chunks.filter((c) => c.text !== '') };
}
