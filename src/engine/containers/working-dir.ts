// Where a container's processes start: the container's `workingDir`, else its image's WORKDIR
// (`/data` in redis, which is why `kubectl exec -it redis -- bash` lands in /data), else `/`.
import type { Container } from 'kubernetes-types/core/v1';

/** WORKDIR of the official images that set one (the rest start in `/`). */
const IMAGE_WORKDIR: Record<string, string> = {
  redis: '/data',
  httpd: '/usr/local/apache2',
  golang: '/go',
  php: '/var/www/html',
  wordpress: '/var/www/html',
};

export function workingDir(container: Pick<Container, 'image' | 'workingDir'> | undefined): string {
  if (container?.workingDir) return container.workingDir;
  const repo = (container?.image ?? '').replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!.replace(/:[^/]*$/, '');
  return Object.hasOwn(IMAGE_WORKDIR, repo) ? IMAGE_WORKDIR[repo]! : '/';
}
