// Which HTTP clients an image ships, as the official images do: the nginx image installs curl
// (Debian's 7.88.1), the full python and node images (buildpack-deps) have curl, their -slim
// variants have neither curl nor wget, Apache's httpd image has neither, and everything built on
// busybox or alpine has busybox's wget (no curl). Images named for curl (curlimages/curl,
// radial/busyboxplus:curl) have it. Missing tools are "not found" in the image's own shell.

export interface ImageTools {
  curl: boolean;
  wget: boolean;
}

export function imageTools(image: string): ImageTools {
  const clean = image.replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!;
  const colon = clean.lastIndexOf(':');
  const [repo, tag] = colon > clean.lastIndexOf('/') ? [clean.slice(0, colon), clean.slice(colon + 1)] : [clean, 'latest'];
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  const alpine = tag.includes('alpine') || name === 'alpine';
  if (/curl/.test(name) || /curl/.test(tag)) return { curl: true, wget: true };
  if (name === 'busybox' || alpine) return { curl: name === 'nginx', wget: true };
  switch (name) {
    case 'nginx':
      return { curl: true, wget: false };
    case 'python':
    case 'node':
    case 'golang':
    case 'openjdk':
    case 'ruby':
      // buildpack-deps images carry curl; the slim ones strip it.
      return { curl: !tag.includes('slim'), wget: false };
    case 'httpd':
    case 'debian':
    case 'ubuntu':
    case 'postgres':
    case 'redis':
    case 'mysql':
    case 'mariadb':
    case 'mongo':
    case 'registry.k8s.io/pause':
      return { curl: false, wget: false };
    default:
      // Unknown images: the shell family decides (busybox's wget, or a bare Debian).
      return { curl: false, wget: !/^(python|nginx|httpd|postgres|redis|mysql|mariadb|node|debian|ubuntu|golang|openjdk|eclipse-temurin|ruby|php|wordpress|mongo|rabbitmq)/.test(name) };
  }
}
