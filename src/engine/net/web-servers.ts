// Which web server a container runs, and on which port from which directory: nginx (the nginx
// image, or a command running `nginx`), Apache httpd (the httpd image), `python -m http.server`
// and busybox `httpd -f -p PORT -h DIR`. Read from the container's command and image, and for
// nginx from /etc/nginx/conf.d/default.conf when a ConfigMap or the image provides one.
import type { Container } from 'kubernetes-types/core/v1';
import type { FsEntry } from '../fs/tree.ts';
import { imageFamily } from '../shell/dialect.ts';

export type ServerKind = 'nginx' | 'apache' | 'python' | 'busybox';

export interface WebServer {
  kind: ServerKind;
  port: number;
  /** The document root, an absolute path in the container. */
  root: string;
  /** What the Server header says (`nginx/1.27.5`, `Apache/2.4.65 (Unix)`, `SimpleHTTP/0.6 Python/3.9.23`); busybox sends none. */
  software?: string;
}

/** The files a server reads (a container's filesystem view, mounts included). */
export interface ServedFs {
  stat(path: string): FsEntry | undefined;
  read(path: string): { ok: true; value: string } | { ok: false; code: string };
  list(path: string): { ok: true; value: { name: string; entry: FsEntry }[] } | { ok: false; code: string };
}

const repoOf = (image: string) => image.replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!.replace(/:[^/]*$/, '');
const tagOf = (image: string) => {
  const clean = image.split('@')[0]!;
  const colon = clean.lastIndexOf(':');
  return colon > clean.lastIndexOf('/') ? clean.slice(colon + 1) : 'latest';
};

/** The newest patch release of each nginx line, as its image tags carry it; `latest` is the catalogue's nginx. */
const NGINX_PATCH: Record<string, string> = { '1.29': '1.29.1', '1.28': '1.28.0', '1.27': '1.27.5', '1.26': '1.26.3', '1.25': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4', '1.22': '1.22.1', '1.21': '1.21.6' };
const NGINX_LATEST = '1.29.1';
const APACHE_VERSION = '2.4.65';
const PYTHON_PATCH: Record<string, string> = { '3.8': '3.8.20', '3.9': '3.9.23', '3.10': '3.10.18', '3.11': '3.11.13', '3.12': '3.12.11', '3.13': '3.13.7' };
const PYTHON_LATEST = '3.13.7';

function nginxVersion(image: string): string {
  const m = /^(\d+\.\d+)(\.\d+)?/.exec(tagOf(image));
  if (!m) return NGINX_LATEST;
  return m[2] ? `${m[1]}${m[2]}` : (NGINX_PATCH[m[1]!] ?? `${m[1]}.0`);
}

function pythonVersion(image: string): string {
  const m = /^(\d+\.\d+)(\.\d+)?/.exec(tagOf(image));
  if (!m) return PYTHON_LATEST;
  return m[2] ? `${m[1]}${m[2]}` : (PYTHON_PATCH[m[1]!] ?? `${m[1]}.0`);
}

/** What the container runs: its command and args, or the image's own when it sets none. */
function argvOf(c: Container): string[] {
  return [...(c.command ?? []), ...(c.args ?? [])];
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The servers a container runs (usually one), with the port each listens on. */
export function webServersOf(c: Container, fs: ServedFs): WebServer[] {
  const image = c.image ?? '';
  const repo = repoOf(image);
  const argv = argvOf(c);
  const text = argv.join(' ');
  const first = baseName(argv[0] ?? '');
  const out: WebServer[] = [];
  // The nginx image runs nginx unless the command is replaced; `args` alone keep its entrypoint.
  if ((repo === 'nginx' && (c.command === undefined || c.command.length === 0 || first === 'nginx' || first === 'docker-entrypoint.sh')) || first === 'nginx' || /(^|[\s;&|])(exec\s+)?nginx\s+-g\b/.test(text)) {
    out.push({ kind: 'nginx', ...nginxSite(fs), software: `nginx/${nginxVersion(repo === 'nginx' ? image : 'nginx:latest')}` });
  }
  if (repo === 'httpd' && (c.command === undefined || c.command.length === 0 || first === 'httpd-foreground' || first === 'httpd')) {
    out.push({ kind: 'apache', port: 80, root: '/usr/local/apache2/htdocs', software: `Apache/${APACHE_VERSION} (Unix)` });
  }
  const py = /\bpython[\d.]*\s+(?:-u\s+)?-m\s+http\.server\b([^;&|]*)/.exec(text);
  if (py) {
    const opts = py[1]!.trim().split(/\s+/).filter(Boolean);
    let port = 8000;
    let dir: string | undefined;
    for (let i = 0; i < opts.length; i++) {
      const o = opts[i]!;
      if (o === '-d' || o === '--directory') dir = opts[++i];
      else if (o.startsWith('--directory=')) dir = o.slice(12);
      else if (o === '-b' || o === '--bind') i++;
      else if (/^\d+$/.test(o)) port = Number(o);
    }
    out.push({ kind: 'python', port, root: absolute(dir ?? cdBefore(text, py.index) ?? '/', cdBefore(text, py.index) ?? '/'), software: `SimpleHTTP/0.6 Python/${pythonVersion(repo.startsWith('python') ? image : 'python:latest')}` });
  }
  // busybox's httpd (not Apache's, which is `httpd-foreground` in its own image).
  const bb = repo === 'httpd' ? null : /(?:^|[\s;&|/])httpd((?:\s+-[^\s;&|]+(?:\s+[^-\s;&|][^\s;&|]*)?)*)/.exec(text);
  if (bb && imageFamily(image) === 'busybox') {
    const opts = bb[1]!.trim().split(/\s+/).filter(Boolean);
    let port = 80;
    let dir = '.';
    for (let i = 0; i < opts.length; i++) {
      const o = opts[i]!;
      if (o === '-p') port = Number((opts[++i] ?? '80').split(':').pop());
      else if (o === '-h') dir = opts[++i] ?? '.';
      else if (/^-[a-z]*p$/.test(o)) port = Number((opts[++i] ?? '80').split(':').pop());
      else if (/^-[a-z]*h$/.test(o)) dir = opts[++i] ?? '.';
    }
    const cwd = cdBefore(text, bb.index) ?? '/';
    out.push({ kind: 'busybox', port, root: absolute(dir, cwd) });
  }
  return out;
}

/** The directory a `cd DIR &&` earlier in a shell command moved to, if any. */
function cdBefore(text: string, index: number): string | undefined {
  const m = [...text.slice(0, index).matchAll(/\bcd\s+([^\s;&|]+)/g)].pop();
  return m?.[1];
}

function absolute(dir: string, cwd: string): string {
  const joined = dir.startsWith('/') ? dir : `${cwd.replace(/\/$/, '')}/${dir}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** nginx's port and root: from the default site's config when there is one, else the image's (80, /usr/share/nginx/html). */
function nginxSite(fs: ServedFs): { port: number; root: string } {
  const conf = fs.read('/etc/nginx/conf.d/default.conf');
  const text = conf.ok ? conf.value.replace(/#[^\n]*/g, '') : '';
  const listen = /\blisten\s+(?:[\d.]+:)?(\d+)/.exec(text);
  const root = /\broot\s+([^;\s]+)\s*;/.exec(text);
  return { port: listen ? Number(listen[1]) : 80, root: root ? root[1]!.replace(/\/$/, '') || '/' : '/usr/share/nginx/html' };
}
