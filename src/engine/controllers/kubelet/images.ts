// Image pulls as the kubelet reports them. Sizes come from a small catalogue of real images so
// the Pulled event reads like a real one; the Docker issue brings the full layer model.
import { getOwn } from '../../../lib/own.ts';

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
