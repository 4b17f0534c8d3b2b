// Which server a container runs, where it listens and what it serves, and each server's answers
// as it words them.
import { describe, expect, it } from 'vitest';
import type { FsEntry } from '../fs/tree.ts';
import { serve, type HttpResponse } from './responses.ts';
import { webServersOf, type ServedFs, type WebServer } from './web-servers.ts';

/** Files by path; every parent of a file is a directory, as are the paths in `dirs`. */
function files(map: Record<string, string>, dirs: string[] = []): ServedFs {
  const dirSet = new Set(['/', ...dirs]);
  for (const p of Object.keys(map)) for (let d = p.slice(0, p.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) dirSet.add(d);
  const stat = (p: string): FsEntry | undefined => (dirSet.has(p) ? { type: 'Directory', mode: 0o755 } : p in map ? { type: 'File', mode: 0o644, content: map[p] } : undefined);
  return {
    stat,
    read: (p) => (p in map ? { ok: true, value: map[p]! } : { ok: false, code: 'ENOENT' }),
    list: (p) => {
      const prefix = p === '/' ? '/' : `${p}/`;
      const names = [...new Set([...Object.keys(map), ...dirSet].filter((x) => x.startsWith(prefix) && x !== p).map((x) => x.slice(prefix.length).split('/')[0]!))].sort();
      return { ok: true, value: names.map((name) => ({ name, entry: stat(prefix + name)! })) };
    },
  };
}

const NONE = files({});
const TIMES = { now: Date.UTC(2026, 0, 1, 0, 5), modified: Date.UTC(2026, 0, 1) };
const get = (server: WebServer, fs: ServedFs, target: string, host = 'web'): HttpResponse => serve(server, fs, { method: 'GET', target, host }, TIMES);

describe('which web server a container runs', () => {
  it.each([
    [{ name: 'c', image: 'nginx:1.27' }, { kind: 'nginx', port: 80, root: '/usr/share/nginx/html', software: 'nginx/1.27.5' }],
    [{ name: 'c', image: 'nginx' }, { kind: 'nginx', port: 80, software: 'nginx/1.29.1' }],
    [{ name: 'c', image: 'nginx:1.25.3-alpine' }, { kind: 'nginx', software: 'nginx/1.25.3' }],
    [{ name: 'c', image: 'httpd:2.4' }, { kind: 'apache', port: 80, root: '/usr/local/apache2/htdocs', software: 'Apache/2.4.65 (Unix)' }],
    [{ name: 'c', image: 'python:3.9-slim', command: ['python', '-m', 'http.server', '8080'] }, { kind: 'python', port: 8080, root: '/', software: 'SimpleHTTP/0.6 Python/3.9.23' }],
    [{ name: 'c', image: 'python:3.12', command: ['sh', '-c', 'cd /srv && python3 -m http.server'] }, { kind: 'python', port: 8000, root: '/srv', software: 'SimpleHTTP/0.6 Python/3.12.11' }],
    [{ name: 'c', image: 'python:3.9-slim', args: ['python3', '-m', 'http.server', '--directory', '/data', '9000'] }, { kind: 'python', port: 9000, root: '/data' }],
    [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hi > /www/index.html && httpd -f -p 8080 -h /www'] }, { kind: 'busybox', port: 8080, root: '/www' }],
    [{ name: 'c', image: 'busybox', command: ['httpd', '-f', '-v'] }, { kind: 'busybox', port: 80, root: '/' }],
  ])('%o', (container, expected) => {
    expect(webServersOf(container, NONE)).toEqual([expect.objectContaining(expected)]);
  });

  it('none for a shell, a sleeper, or nginx whose command was replaced', () => {
    expect(webServersOf({ name: 'c', image: 'busybox', command: ['sleep', '3600'] }, NONE)).toEqual([]);
    expect(webServersOf({ name: 'c', image: 'nginx', command: ['sleep', '3600'] }, NONE)).toEqual([]);
    expect(webServersOf({ name: 'c', image: 'python:3.9-slim' }, NONE)).toEqual([]);
  });

  it("nginx listens where its site config says, from the root it names (a ConfigMap's default.conf)", () => {
    const conf = files({ '/etc/nginx/conf.d/default.conf': 'server {\n  # listen 9999;\n  listen 8080;\n  root /srv/www/;\n}\n' });
    expect(webServersOf({ name: 'c', image: 'nginx:1.27' }, conf)).toEqual([{ kind: 'nginx', port: 8080, root: '/srv/www', software: 'nginx/1.27.5' }]);
  });
});

describe('nginx answers', () => {
  const nginx: WebServer = { kind: 'nginx', port: 80, root: '/usr/share/nginx/html', software: 'nginx/1.27.5' };
  const site = files({ '/usr/share/nginx/html/index.html': '<h1>hi</h1>\n', '/usr/share/nginx/html/docs/a.txt': 'A\n' }, ['/usr/share/nginx/html/empty']);

  it('a file, with its type, length, dates and an ETag of mtime and size in hex', () => {
    const r = get(nginx, site, '/');
    expect(r.status).toBe(200);
    expect(r.body).toBe('<h1>hi</h1>\n');
    expect(r.headers).toEqual([
      ['Server', 'nginx/1.27.5'],
      ['Date', 'Thu, 01 Jan 2026 00:05:00 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '12'],
      ['Last-Modified', 'Thu, 01 Jan 2026 00:00:00 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', '"6955b900-c"'],
      ['Accept-Ranges', 'bytes'],
    ]);
    expect(get(nginx, site, '/docs/a.txt?x=1').headers).toContainEqual(['Content-Type', 'text/plain']);
  });

  it('404 with its own page, CRLF line ends and its version', () => {
    const r = get(nginx, site, '/nope');
    expect([r.status, r.reason]).toEqual([404, 'Not Found']);
    expect(r.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n');
    expect(r.headers).toContainEqual(['Content-Length', '153']);
  });

  it('a directory without its slash is redirected; one without index.html is forbidden', () => {
    const moved = get(nginx, site, '/docs', 'localhost:30080');
    expect([moved.status, moved.reason]).toEqual([301, 'Moved Permanently']);
    expect(moved.headers).toContainEqual(['Location', 'http://localhost:30080/docs/']);
    expect(get(nginx, site, '/empty/').status).toBe(403);
    expect(get(nginx, site, '/empty/').body).toContain('<center><h1>403 Forbidden</h1></center>');
  });
});

describe('Apache, python and busybox answer', () => {
  it("Apache's image page, and its 404 document", () => {
    const apache: WebServer = { kind: 'apache', port: 80, root: '/usr/local/apache2/htdocs', software: 'Apache/2.4.65 (Unix)' };
    const fs = files({ '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' });
    expect(get(apache, fs, '/').body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    const missing = get(apache, fs, '/x');
    expect(missing.body).toBe('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n');
    expect(missing.headers).toContainEqual(['Content-Type', 'text/html; charset=iso-8859-1']);
  });

  it('python lists a directory without index.html, and its 404 says "File not found" on the status line', () => {
    const py: WebServer = { kind: 'python', port: 8000, root: '/data', software: 'SimpleHTTP/0.6 Python/3.9.23' };
    const fs = files({ '/data/b.txt': 'b', '/data/A.txt': 'a', '/data/sub/x': 'x' });
    const list = get(py, fs, '/');
    expect(list.version).toBe('HTTP/1.0');
    expect(list.body).toBe(
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html>\n<head>\n' +
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n' +
        '<li><a href="A.txt">A.txt</a></li>\n<li><a href="b.txt">b.txt</a></li>\n<li><a href="sub/">sub/</a></li>\n</ul>\n<hr>\n</body>\n</html>\n',
    );
    const missing = get(py, fs, '/nope');
    expect([missing.status, missing.reason]).toEqual([404, 'File not found']);
    expect(missing.body).toContain('<p>Error code explanation: HTTPStatus.NOT_FOUND - Nothing matches the given URI.</p>');
    expect(get(py, fs, '/sub').headers).toContainEqual(['Location', '/sub/']);
  });

  it("busybox httpd's 404 page", () => {
    const bb: WebServer = { kind: 'busybox', port: 8080, root: '/www' };
    const r = get(bb, files({ '/www/index.html': 'hi\n' }), '/zz');
    expect(r.body).toBe('<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n');
    expect(get(bb, files({ '/www/index.html': 'hi\n' }), '/').body).toBe('hi\n');
  });
});

describe('paths', () => {
  it('never leave the document root', () => {
    const nginx: WebServer = { kind: 'nginx', port: 80, root: '/usr/share/nginx/html', software: 'nginx/1.27.5' };
    const fs = files({ '/usr/share/nginx/html/index.html': 'site\n', '/etc/passwd': 'root:x:0:0\n' });
    expect(get(nginx, fs, '/../../../etc/passwd').status).toBe(404);
    expect(get(nginx, fs, '/a/../index.html').body).toBe('site\n');
    expect(get(nginx, fs, '/%69ndex.html').body).toBe('site\n');
  });
});

describe('methods a static server does not take', () => {
  it('nginx answers 405 Not Allowed, python 501 with the method in its reason', () => {
    const nginx: WebServer = { kind: 'nginx', port: 80, root: '/h', software: 'nginx/1.27.5' };
    const py: WebServer = { kind: 'python', port: 8000, root: '/h', software: 'SimpleHTTP/0.6 Python/3.9.23' };
    const fs = files({ '/h/index.html': 'x' });
    const n = serve(nginx, fs, { method: 'POST', target: '/', host: 'web' }, TIMES);
    expect([n.status, n.reason]).toEqual([405, 'Not Allowed']);
    expect(n.body).toContain('<center><h1>405 Not Allowed</h1></center>');
    const p = serve(py, fs, { method: 'POST', target: '/', host: 'web' }, TIMES);
    expect([p.status, p.reason]).toEqual([501, "Unsupported method ('POST')"]);
    expect(p.body).toContain("<p>Message: Unsupported method ('POST').</p>\n        <p>Error code explanation: HTTPStatus.NOT_IMPLEMENTED - Server does not support this operation.</p>");
  });
});
