// Image pulls as the kubelet reports them. Sizes come from a small catalogue of real images so
// the Pulled event reads like a real one; the Docker issue brings the full layer model.
import { getOwn } from '../../../lib/own.ts';
import { digestHex } from '../../runtime/ids.ts';

export const IMAGE_SIZES: Record<string, number> = {
  nginx: 72_195_292,
  busybox: 2_155_523,
  alpine: 3_653_103,
  'python:3.9-slim': 45_960_103,
  redis: 45_071_482,
  postgres: 158_443_502,
  httpd: 58_315_411,
  ubuntu: 29_754_422,
};

export function imagePullMessages(image: string): { reason: string; message: string }[] {
  const base = image.replace(/^docker\.io\/(library\/)?/, '');
  const size = getOwn(IMAGE_SIZES, base) ?? getOwn(IMAGE_SIZES, base.split(':')[0]!) ?? 50_000_000;
  // A deterministic "download time" proportional to size (~40 MB/s), printed like Go's time.Duration.
  const seconds = (size / 40_000_000 + 0.3).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  return [
    { reason: 'Pulling', message: `Pulling image "${image}"` },
    { reason: 'Pulled', message: `Successfully pulled image "${image}" in ${seconds}s (${seconds}s including waiting). Image size: ${size} bytes.` },
  ];
}

/** The image reference the runtime reports in a container's status (`docker.io/library/busybox:1.36`). */
export function qualifiedImage(image: string): string {
  const withTag = /:[^/]*$/.test(image) || image.includes('@') ? image : `${image}:latest`;
  const first = withTag.split('/')[0]!;
  if (withTag.includes('/') && (first.includes('.') || first.includes(':'))) return withTag;
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

/**
 * EnsureImageExists for an image already pulled on the node: pulled again with imagePullPolicy
 * Always, else the kubelet only says it is there.
 */
export function presentImageMessages(image: string, policy: string | undefined): { reason: string; message: string }[] {
  if (policy === 'Always') return imagePullMessages(image);
  return [{ reason: 'Pulled', message: `Container image "${image}" already present on machine` }];
}

/** The digest-pinned reference of the image a container runs (its status `imageID`). */
export function imageIdOf(image: string): string {
  return `${qualifiedImage(image).replace(/:[^:/]*$/, '')}@sha256:${digestHex(image)}`;
}
