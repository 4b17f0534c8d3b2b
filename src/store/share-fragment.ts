// Whether a location hash is a share link at all: tiny and dependency-free, so the first screen
// can check the address bar without loading the decoder (share-link.ts) for a normal visit.

/** The fragment key that marks a share link (`#s=…`). */
export const SHARE_KEY = 's';

/** The value after `s=` in a fragment (`#a=1&s=v1.…` too), or null when the fragment is not a share link. */
export function sharePayload(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${SHARE_KEY}=`)) return part.slice(SHARE_KEY.length + 1);
  }
  return null;
}
