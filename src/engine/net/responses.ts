// How each web server answers a GET or HEAD for a path under its document root: the file, an
// index.html, a redirect to add the slash a directory needs, a listing, or its own error page,
// with the headers it sends. Pages and header order as each server writes them: nginx's
// ngx_http_special_response.c (CRLF line ends), Apache's default error documents, Python's
// http.server (3.9-3.10 wording: `HTTPStatus.NOT_FOUND`), busybox httpd.c.
import type { FsEntry } from '../fs/tree.ts';
import { utf8Length } from '../fs/tree.ts';
import { httpDate } from './http-date.ts';
import type { ServedFs, WebServer } from './web-servers.ts';

export interface HttpRequest {
  method: string;
  /** The path as sent, `/` or `/dir/page.html?x=1`. */
  target: string;
  /** The Host header: `web`, `localhost:30080`. */
  host: string;
}

export interface HttpResponse {
  version: 'HTTP/1.1' | 'HTTP/1.0';
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** When the files were written, for Last-Modified and ETag: the simulation keeps no mtimes, so the container's start stands in. */
export interface ServeTimes {
  now: number;
  modified: number;
}

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', shtml: 'text/html', css: 'text/css', xml: 'text/xml', txt: 'text/plain', js: 'application/javascript', json: 'application/json',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/x-icon', pdf: 'application/pdf', gz: 'application/gzip', tar: 'application/x-tar', zip: 'application/zip',
};

function extType(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? TYPES[name.slice(dot + 1).toLowerCase()] : undefined;
}

type Found = { kind: 'file'; path: string; content: string } | { kind: 'dir'; path: string } | { kind: 'missing' };

function look(fs: ServedFs, path: string): Found {
  const e: FsEntry | undefined = fs.stat(path);
  if (!e) return { kind: 'missing' };
  if (e.type === 'Directory') return { kind: 'dir', path };
  const r = fs.read(path);
  return r.ok ? { kind: 'file', path, content: r.value } : { kind: 'missing' };
}

function decodePath(target: string): string {
  const raw = target.split('?')[0]!.split('#')[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw) || '/';
  } catch {
    path = raw || '/';
  }
  // Dot segments never climb above the root (clients squash them; servers refuse or clamp them).
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  const trailing = path.endsWith('/') || path.endsWith('/.') || path.endsWith('/..');
  return `/${parts.join('/')}${trailing && parts.length > 0 ? '/' : ''}`;
}

/** A path under the root, normalized (`/root` + `/dir/` is `/root/dir`), so any filesystem view finds it. */
const join = (root: string, path: string) => `${root}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
const hex = (n: number) => Math.floor(n).toString(16);

export function serve(server: WebServer, fs: ServedFs, req: HttpRequest, times: ServeTimes): HttpResponse {
  const path = decodePath(req.target);
  switch (server.kind) {
    case 'nginx':
      return nginx(server, fs, req, path, times);
    case 'apache':
      return apache(server, fs, req, path, times);
    case 'python':
      return python(server, fs, req, path, times);
    case 'busybox':
      return busybox(server, fs, path, times);
  }
}

// ---- nginx ----

const CRLF = '\r\n';
const NGINX_REASONS: Record<number, string> = { 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed' };

function nginxError(server: WebServer, status: number, times: ServeTimes, extra: [string, string][] = []): HttpResponse {
  const title = `${status} ${status === 405 ? 'Not Allowed' : NGINX_REASONS[status]}`;
  const body = `<html>${CRLF}<head><title>${title}</title></head>${CRLF}<body>${CRLF}<center><h1>${title}</h1></center>${CRLF}<hr><center>${server.software}</center>${CRLF}</body>${CRLF}</html>${CRLF}`;
  const headers: [string, string][] = [['Server', server.software!], ['Date', httpDate(times.now)], ['Content-Type', 'text/html'], ['Content-Length', String(utf8Length(body))], ...extra, ['Connection', 'keep-alive']];
  return { version: 'HTTP/1.1', status, reason: NGINX_REASONS[status]!, headers, body };
}

function nginx(server: WebServer, fs: ServedFs, req: HttpRequest, path: string, times: ServeTimes): HttpResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return nginxError(server, 405, times);
  let found = look(fs, join(server.root, path));
  if (found.kind === 'dir') {
    // A directory asked for without its slash: nginx redirects (absolute_redirect, port_in_redirect).
    if (!path.endsWith('/')) return nginxError(server, 301, times, [['Location', `http://${req.host}${path}/`]]);
    found = look(fs, join(server.root, `${path}index.html`));
    // No index and autoindex off: 403.
    if (found.kind !== 'file') return nginxError(server, found.kind === 'missing' ? 403 : 404, times);
  }
  if (found.kind !== 'file') return nginxError(server, 404, times);
  const length = utf8Length(found.content);
  return {
    version: 'HTTP/1.1',
    status: 200,
    reason: 'OK',
    headers: [
      ['Server', server.software!],
      ['Date', httpDate(times.now)],
      ['Content-Type', extType(found.path) ?? 'application/octet-stream'],
      ['Content-Length', String(length)],
      ['Last-Modified', httpDate(times.modified)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${hex(times.modified / 1000)}-${hex(length)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body: found.content,
  };
}

// ---- Apache httpd ----

function apacheError(server: WebServer, status: 404 | 405, times: ServeTimes, method: string): HttpResponse {
  const [reason, text] = status === 404 ? ['Not Found', 'The requested URL was not found on this server.'] : ['Method Not Allowed', `The requested method ${method} is not allowed for this URL.`];
  const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n<p>${text}</p>\n</body></html>\n`;
  return {
    version: 'HTTP/1.1',
    status,
    reason,
    headers: [['Date', httpDate(times.now)], ['Server', server.software!], ['Content-Length', String(utf8Length(body))], ['Content-Type', 'text/html; charset=iso-8859-1']],
    body,
  };
}

function apache(server: WebServer, fs: ServedFs, req: HttpRequest, path: string, times: ServeTimes): HttpResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return apacheError(server, 405, times, req.method);
  let found = look(fs, join(server.root, path));
  if (found.kind === 'dir') {
    if (!path.endsWith('/')) {
      const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n<p>The document has moved <a href="http://${req.host}${path}/">here</a>.</p>\n</body></html>\n`;
      return { version: 'HTTP/1.1', status: 301, reason: 'Moved Permanently', headers: [['Date', httpDate(times.now)], ['Server', server.software!], ['Location', `http://${req.host}${path}/`], ['Content-Length', String(utf8Length(body))], ['Content-Type', 'text/html; charset=iso-8859-1']], body };
    }
    const dir = found.path;
    found = look(fs, join(dir, 'index.html'));
    // The image's httpd.conf has `Options Indexes` on htdocs: a directory without an index is listed.
    if (found.kind !== 'file') return apacheListing(server, fs, dir, path, times);
  }
  if (found.kind !== 'file') return apacheError(server, 404, times, req.method);
  const length = utf8Length(found.content);
  return {
    version: 'HTTP/1.1',
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', httpDate(times.now)],
      ['Server', server.software!],
      ['Last-Modified', httpDate(times.modified)],
      ['ETag', `"${hex(length)}-${hex(times.modified * 1000)}"`],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', String(length)],
      ['Content-Type', extType(found.path) ?? 'text/plain'],
    ],
    body: found.content,
  };
}

function apacheListing(server: WebServer, fs: ServedFs, dir: string, path: string, times: ServeTimes): HttpResponse {
  const entries = fs.list(dir);
  const rows = (entries.ok ? entries.value : []).filter((e) => !e.name.startsWith('.')).map((e) => {
    const name = e.entry.type === 'Directory' ? `${e.name}/` : e.name;
    return `<li><a href="${encodeURI(name)}"> ${name}</a></li>\n`;
  });
  const parent = path === '/' ? '' : `<li><a href="${path.replace(/[^/]+\/$/, '')}"> Parent Directory</a></li>\n`;
  const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${path.replace(/\/$/, '') || '/'}</title>\n </head>\n <body>\n<h1>Index of ${path.replace(/\/$/, '') || '/'}</h1>\n<ul>${parent}${rows.join('')}</ul>\n</body></html>\n`;
  return { version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [['Date', httpDate(times.now)], ['Server', server.software!], ['Content-Length', String(utf8Length(body))], ['Content-Type', 'text/html;charset=ISO-8859-1']], body };
}

// ---- python -m http.server ----

/** send_error(code, message): the message is also the status line's reason (Python 3.9-3.10 wording). */
function pythonSendError(server: WebServer, times: ServeTimes, code: number, message: string, explain: string): HttpResponse {
  const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"\n        "http://www.w3.org/TR/html4/strict.dtd">\n<html>\n    <head>\n        <meta http-equiv="Content-Type" content="text/html;charset=utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${htmlEscape(message)}.</p>\n        <p>Error code explanation: ${explain}.</p>\n    </body>\n</html>\n`;
  return { version: 'HTTP/1.0', status: code, reason: message, headers: [['Server', server.software!], ['Date', httpDate(times.now)], ['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(utf8Length(body))]], body };
}

function pythonMoved(server: WebServer, times: ServeTimes, location: string): HttpResponse {
  return { version: 'HTTP/1.0', status: 301, reason: 'Moved Permanently', headers: [['Server', server.software!], ['Date', httpDate(times.now)], ['Location', location], ['Content-Length', '0']], body: '' };
}

function python(server: WebServer, fs: ServedFs, req: HttpRequest, path: string, times: ServeTimes): HttpResponse {
  // SimpleHTTPRequestHandler has do_GET and do_HEAD only.
  if (req.method !== 'GET' && req.method !== 'HEAD') return pythonSendError(server, times, 501, `Unsupported method ('${req.method}')`, 'HTTPStatus.NOT_IMPLEMENTED - Server does not support this operation');
  let found = look(fs, join(server.root, path));
  if (found.kind === 'dir') {
    if (!path.endsWith('/')) return pythonMoved(server, times, `${path}/`);
    const dir = found.path;
    found = look(fs, join(dir, 'index.html'));
    if (found.kind !== 'file') found = look(fs, join(dir, 'index.htm'));
    if (found.kind !== 'file') return pythonListing(server, fs, dir, path, times);
  }
  if (found.kind !== 'file') return pythonSendError(server, times, 404, 'File not found', 'HTTPStatus.NOT_FOUND - Nothing matches the given URI');
  return {
    version: 'HTTP/1.0',
    status: 200,
    reason: 'OK',
    headers: [['Server', server.software!], ['Date', httpDate(times.now)], ['Content-type', extType(found.path) ?? 'application/octet-stream'], ['Content-Length', String(utf8Length(found.content))], ['Last-Modified', httpDate(times.modified)]],
    body: found.content,
  };
}

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** SimpleHTTPRequestHandler.list_directory: names sorted case-insensitively, directories with `/`, links with `@`. */
function pythonListing(server: WebServer, fs: ServedFs, dir: string, path: string, times: ServeTimes): HttpResponse {
  const entries = fs.list(dir);
  const sorted = (entries.ok ? entries.value : []).slice().sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  const title = `Directory listing for ${htmlEscape(path)}`;
  const r = [
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
    '<html>\n<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${title}</title>\n</head>`,
    `<body>\n<h1>${title}</h1>`,
    '<hr>\n<ul>',
  ];
  for (const e of sorted) {
    const suffix = e.entry.type === 'Directory' ? '/' : '';
    const display = e.entry.type === 'Symlink' ? `${e.name}@` : `${e.name}${suffix}`;
    r.push(`<li><a href="${encodeURIComponent(e.name + suffix).replace(/%2F/g, '/')}">${htmlEscape(display)}</a></li>`);
  }
  r.push('</ul>\n<hr>\n</body>\n</html>\n');
  const body = r.join('\n');
  return { version: 'HTTP/1.0', status: 200, reason: 'OK', headers: [['Server', server.software!], ['Date', httpDate(times.now)], ['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(utf8Length(body))]], body };
}

// ---- busybox httpd ----

function busybox(_server: WebServer, fs: ServedFs, path: string, times: ServeTimes): HttpResponse {
  let found = look(fs, join(_server.root, path));
  if (found.kind === 'dir') found = path.endsWith('/') ? look(fs, join(found.path, 'index.html')) : { kind: 'missing' };
  if (found.kind !== 'file') {
    const body = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';
    return { version: 'HTTP/1.1', status: 404, reason: 'Not Found', headers: [['Date', httpDate(times.now)], ['Connection', 'close'], ['Content-type', 'text/html']], body };
  }
  const length = utf8Length(found.content);
  const type = extType(found.path);
  return {
    version: 'HTTP/1.1',
    status: 200,
    reason: 'OK',
    headers: [['Date', httpDate(times.now)], ['Connection', 'close'], ...(type ? [['Content-type', type] as [string, string]] : []), ['Accept-Ranges', 'bytes'], ['Last-Modified', httpDate(times.modified)], ['ETag', `"${hex(times.modified / 1000)}-${hex(length)}"`], ['Content-Length', String(length)]],
    body: found.content,
  };
}
