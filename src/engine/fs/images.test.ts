// Image trees are looked up per exec, so they are remembered by the reference as written; the
// memo must give what the reference names whatever came before it, however many references.
import { describe, expect, it } from 'vitest';
import { imageRootFs } from './images.ts';
import { lookup } from './tree.ts';

const hasNginxPage = (image: string) => lookup(imageRootFs(image), '/usr/share/nginx/html/index.html') !== undefined;

describe('image root filesystems', () => {
  it('names the same tree however the reference is written, and the base tree for others', () => {
    expect(imageRootFs('nginx:1.27')).toBe(imageRootFs('docker.io/library/nginx'));
    expect(imageRootFs('nginx@sha256:abc')).toBe(imageRootFs('nginx'));
    expect(hasNginxPage('nginx:1.27')).toBe(true);
    expect(hasNginxPage('busybox')).toBe(false);
    expect(lookup(imageRootFs('busybox'), '/etc/passwd')?.type).toBe('File');
  });

  it('stays right past the number of references it remembers', () => {
    for (let i = 0; i < 3000; i++) expect(hasNginxPage(i % 2 ? `registry.example/app-${i}:v1` : `nginx:1.${i}`)).toBe(i % 2 === 0);
    expect(hasNginxPage('nginx:1.27')).toBe(true);
    expect(hasNginxPage('redis:7')).toBe(false);
  });
});
