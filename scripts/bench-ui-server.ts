// The production build and its `vite preview` server for scripts/bench-ui.ts: builds when dist/
// is missing or older than its sources, copies it aside (a build started elsewhere mid-run must
// not swap the files under the page), and serves the copy on a free port (never 4173, which the
// browser tests use), in its own process group so stopping it leaves nothing behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TESTS_PORT = 4173;

/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is newer than every build input. */
export function staleReason(root: string): string | null {
  const built = join(root, 'dist/index.html');
  if (!existsSync(built)) return 'dist/index.html is missing';
  const builtAt = statSync(built).mtimeMs;
  const changed = BUILD_INPUTS.filter((p) => newestMtime(join(root, p)) > builtAt);
  return changed.length > 0 ? `sources changed since the last build (${changed.join(', ')})` : null;
}

/** `vite build`, output kept quiet unless it fails. The caller holds /tmp/e2e.lock (dist/ is shared). */
export function build(root: string): void {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`vite build failed (exit ${run.status ?? run.signal}):\n${output}`);
  }
}

export interface DistCopy {
  dir: string;
  remove(): void;
}

/** dist/ copied to a private folder, checked to hold every asset its index.html names. */
export function copyDist(root: string): DistCopy {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ui-dist-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(join(root, 'dist'), dir, { recursive: true });
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const missing = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!).filter((f) => !existsSync(join(dir, f)));
    if (missing.length > 0) throw new Error(`dist/ changed while it was being copied (another build?): missing ${missing.join(', ')}; run again`);
    return { dir, remove };
  } catch (err) {
    remove();
    throw err;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port && port !== TESTS_PORT ? resolve(port) : reject(new Error(`no usable free port (got ${port})`))));
    });
  });
}

export interface PreviewServer {
  url: string;
  stop(): void;
}

/** Starts `vite preview` of `outDir` (default dist/) on a free port; resolves once it serves the page. */
export async function startPreview(root: string, outDir = 'dist', timeoutMs = 30_000): Promise<PreviewServer> {
  const port = await freePort();
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const child: ChildProcess = spawn(process.execPath, [vite, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    detached: true, // its own process group: stop() ends it and anything it started, nothing else
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited before serving:\n${stderr.trim()}`);
    try {
      const res = await fetch(url);
      if (res.ok && (await res.text()).includes('<div id="root">')) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${stderr.trim()}`);
}
