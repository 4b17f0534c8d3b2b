// The base images the simulated Docker host can pull: real names, their real history rows and
// uncompressed sizes (rounded), and a small root filesystem each. Sizes are bytes; Docker shows
// them in decimal units (97.1MB).
import { imageRootFs } from '../fs/images.ts';
import { applyLayer, treeOf, type FsTree } from '../fs/tree.ts';

export interface HistoryRow {
  createdBy: string;
  /** Bytes the layer adds; metadata-only rows have 0 and `empty`. */
  size: number;
  comment: string;
  empty: boolean;
  /** Milliseconds since the epoch. */
  created: number;
}

export interface CatalogImage {
  repository: string;
  tag: string;
  history: HistoryRow[];
  fs: FsTree;
  cmd: string[];
  entrypoint?: string[];
  env: string[];
}

const DAY = 86_400_000;
/** When the catalogue's images were built: well before the simulated cluster's epoch (2026-01-01). */
const BUILT = Date.UTC(2025, 8, 15);

const row = (createdBy: string, size: number, comment = '', daysBefore = 0): HistoryRow => ({
  createdBy,
  size,
  comment,
  empty: size === 0 && !createdBy.startsWith('RUN') && !createdBy.startsWith('ADD') && !createdBy.startsWith('COPY') && !createdBy.startsWith('#'),
  created: BUILT - daysBefore * DAY,
});

const DEBIAN_ROOT = "# debian.sh --arch 'amd64' out/ 'bookworm' '@1757289600'";

export const CATALOG: readonly CatalogImage[] = [
  {
    repository: 'python',
    tag: '3.9-slim',
    // 97.1MB in all: Debian bookworm, then Python 3.9 built from source.
    history: [
      row(DEBIAN_ROOT, 74_800_000, 'debuerreotype 0.15', 2),
      row('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 0, 'buildkit.dockerfile.v0'),
      row('ENV LANG=C.UTF-8', 0, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/* # buildkit', 4_020_000, 'buildkit.dockerfile.v0'),
      row('ENV PYTHON_VERSION=3.9.23', 0, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends dpkg-dev gcc libbz2-dev … # buildkit', 18_280_000, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do dst="$(echo "$src" | tr -d 3)"; … # buildkit', 36, 'buildkit.dockerfile.v0'),
      row('CMD ["python3"]', 0, 'buildkit.dockerfile.v0'),
    ],
    fs: applyLayer(imageRootFs('debian'), treeOf({ '/usr/local': { type: 'Directory', mode: 0o755 }, '/usr/local/bin': { type: 'Directory', mode: 0o755 }, '/usr/local/lib': { type: 'Directory', mode: 0o755 }, '/usr/local/lib/python3.9': { type: 'Directory', mode: 0o755 }, '/usr/local/lib/python3.9/site-packages': { type: 'Directory', mode: 0o755 } })),
    cmd: ['python3'],
    env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'PYTHON_VERSION=3.9.23'],
  },
  {
    repository: 'busybox',
    tag: 'latest',
    history: [row('BusyBox 1.37.0 (glibc), Debian 12', 4_270_000, '', 30), row('CMD ["sh"]', 0, '', 30)],
    fs: imageRootFs('busybox'),
    cmd: ['sh'],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  },
  {
    repository: 'alpine',
    tag: 'latest',
    history: [row('ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit', 8_310_000, 'buildkit.dockerfile.v0', 40), row('CMD ["/bin/sh"]', 0, 'buildkit.dockerfile.v0', 40)],
    fs: imageRootFs('alpine'),
    cmd: ['/bin/sh'],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  },
  {
    repository: 'nginx',
    tag: 'latest',
    history: [
      row(DEBIAN_ROOT, 74_800_000, 'debuerreotype 0.15', 3),
      row('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', 0, 'buildkit.dockerfile.v0'),
      row('ENV NGINX_VERSION=1.29.1', 0, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c set -x && groupadd --system --gid 101 nginx && … # buildkit', 117_000_000, 'buildkit.dockerfile.v0'),
      row('COPY docker-entrypoint.sh / # buildkit', 1_620, 'buildkit.dockerfile.v0'),
      row('ENTRYPOINT ["/docker-entrypoint.sh"]', 0, 'buildkit.dockerfile.v0'),
      row('EXPOSE map[80/tcp:{}]', 0, 'buildkit.dockerfile.v0'),
      row('STOPSIGNAL SIGQUIT', 0, 'buildkit.dockerfile.v0'),
      row('CMD ["nginx" "-g" "daemon off;"]', 0, 'buildkit.dockerfile.v0'),
    ],
    fs: imageRootFs('nginx'),
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.29.1'],
  },
  {
    repository: 'httpd',
    tag: '2.4',
    // 148MB in all: Debian bookworm, Apache's runtime libraries, then httpd 2.4.65 built from source.
    history: [
      row(DEBIAN_ROOT, 74_800_000, 'debuerreotype 0.15', 3),
      row('ENV HTTPD_PREFIX=/usr/local/apache2', 0, 'buildkit.dockerfile.v0'),
      row('ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 0, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c mkdir -p "$HTTPD_PREFIX" && chown www-data:www-data "$HTTPD_PREFIX" # buildkit', 0, 'buildkit.dockerfile.v0'),
      row('WORKDIR /usr/local/apache2', 0, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends libaprutil1-ldap libldap2; rm -rf /var/lib/apt/lists/* # buildkit', 4_930_000, 'buildkit.dockerfile.v0'),
      row('ENV HTTPD_VERSION=2.4.65', 0, 'buildkit.dockerfile.v0'),
      row('RUN /bin/sh -c set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends bzip2 dpkg-dev gcc … # buildkit', 68_550_000, 'buildkit.dockerfile.v0'),
      row('STOPSIGNAL SIGWINCH', 0, 'buildkit.dockerfile.v0'),
      row('COPY httpd-foreground /usr/local/bin/ # buildkit', 138, 'buildkit.dockerfile.v0'),
      row('EXPOSE map[80/tcp:{}]', 0, 'buildkit.dockerfile.v0'),
      row('CMD ["httpd-foreground"]', 0, 'buildkit.dockerfile.v0'),
    ],
    fs: imageRootFs('httpd'),
    cmd: ['httpd-foreground'],
    env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.65'],
  },
];

/** `python:3.9-slim`, `busybox` (→ `:latest`), `docker.io/library/nginx:latest`. */
export function parseImageRef(ref: string): { repository: string; tag: string } {
  const clean = ref.replace(/^docker\.io\/(library\/)?/, '');
  const colon = clean.lastIndexOf(':');
  return colon > clean.lastIndexOf('/') ? { repository: clean.slice(0, colon), tag: clean.slice(colon + 1) } : { repository: clean, tag: 'latest' };
}

export function findCatalogImage(ref: string): CatalogImage | undefined {
  const { repository, tag } = parseImageRef(ref);
  return CATALOG.find((i) => i.repository === repository && i.tag === tag);
}
