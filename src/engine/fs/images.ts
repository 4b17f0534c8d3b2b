// The root filesystems of the images pods use: small, but with what a learner looks for
// (busybox's /bin, nginx's default page). The Docker issue brings real layers and sizes.
import { applyLayer, treeOf, type FsEntry, type FsTree } from './tree.ts';

const dir: FsEntry = { type: 'Directory', mode: 0o755 };

const BASE: Record<string, FsEntry> = {
  '/': dir,
  '/bin': dir,
  '/dev': dir,
  '/dev/null': { type: 'CharDevice', mode: 0o666 },
  '/etc': dir,
  '/etc/passwd': { type: 'File', mode: 0o644, content: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' },
  '/home': dir,
  '/proc': { type: 'Directory', mode: 0o555 },
  '/root': { type: 'Directory', mode: 0o700 },
  '/sys': { type: 'Directory', mode: 0o555 },
  '/tmp': { type: 'Directory', mode: 0o1777 },
  '/usr': dir,
  '/usr/bin': dir,
  '/var': dir,
  '/var/log': dir,
};

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

const EXTRA: Record<string, Record<string, FsEntry>> = {
  nginx: {
    '/etc/nginx': dir,
    '/etc/nginx/nginx.conf': { type: 'File', mode: 0o644, content: 'user  nginx;\nworker_processes  auto;\n' },
    '/usr/share': dir,
    '/usr/share/nginx': dir,
    '/usr/share/nginx/html': dir,
    '/usr/share/nginx/html/index.html': { type: 'File', mode: 0o644, content: NGINX_INDEX },
    '/usr/share/nginx/html/50x.html': { type: 'File', mode: 0o644, content: '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n' },
    '/var/log/nginx': dir,
  },
  // Apache's image: its document root with the page `It works!` (htdocs/index.html as the tarball ships it).
  httpd: {
    '/usr/local': dir,
    '/usr/local/apache2': dir,
    '/usr/local/apache2/bin': dir,
    '/usr/local/apache2/conf': dir,
    '/usr/local/apache2/htdocs': dir,
    '/usr/local/apache2/htdocs/index.html': { type: 'File', mode: 0o644, content: '<html><body><h1>It works!</h1></body></html>\n' },
    '/usr/local/apache2/logs': dir,
    '/usr/local/bin': dir,
    '/usr/local/bin/httpd-foreground': { type: 'File', mode: 0o755, content: '#!/bin/sh\nset -e\n\n# Apache gets grumpy about PID files pre-existing\nrm -f /usr/local/apache2/logs/httpd.pid\n\nexec httpd -DFOREGROUND "$@"\n' },
  },
  postgres: { '/var/lib': dir, '/var/lib/postgresql': dir, '/var/lib/postgresql/data': dir },
  redis: { '/data': dir },
};

// Built once: trees are never changed in place, so every container of an image can share its tree
// (and an exec need not rebuild it).
const BASE_TREE = treeOf(BASE);
const TREES = new Map(Object.entries(EXTRA).map(([repo, extra]) => [repo, applyLayer(BASE_TREE, treeOf(extra))]));

/** Trees by image reference as written: every exec asks again for its container's image. */
const BY_REFERENCE = new Map<string, FsTree>();
/** References are user text: the memo forgets them all rather than grow without end. */
const MAX_REFERENCES = 1024;

/** The read-only image filesystem for an image reference (`nginx:1.27`, `docker.io/library/busybox`). */
export function imageRootFs(image: string): FsTree {
  let tree = BY_REFERENCE.get(image);
  if (!tree) {
    const repo = image.replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!.replace(/:[^/]*$/, '');
    tree = TREES.get(repo) ?? BASE_TREE;
    if (BY_REFERENCE.size >= MAX_REFERENCES) BY_REFERENCE.clear();
    BY_REFERENCE.set(image, tree);
  }
  return tree;
}
