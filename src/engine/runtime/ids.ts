// Ids that look like the real ones (uuid v4 uids, `-x7k2p` pod suffixes) but come from the
// cluster's seeded PRNG, so the same script and seed always produce the same names.
import type { ClusterState } from '../cluster/state.ts';
import { nextRandom } from './random.ts';

/** Draws a 32-bit value and advances the cluster's PRNG state. */
export function draw(state: ClusterState): number {
  const r = nextRandom(state.rng);
  state.rng = r.state;
  return r.value;
}

/** A uuid v4 string, e.g. `24d1f4ee-d3f8-40eb-8120-21f232087a19`. */
export function newUid(state: ClusterState): string {
  state.nextUid++;
  const hex = [draw(state), draw(state), draw(state), draw(state)].map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `utilrand.String(n)`: the suffix of `generateName` names such as `web-7d4b9c8f6-x2k9p`. */
export function randomSuffix(state: ClusterState, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[draw(state) % SAFE_ALPHABET.length];
  return out;
}

/** A lowercase hex string of the given length (event name suffixes). */
export function randomHex(state: ClusterState, length: number): string {
  let out = '';
  while (out.length < length) out += draw(state).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** Kubernetes' `rand.SafeEncodeString` of a 32-bit hash, as used for `pod-template-hash`. */
export function safeEncodeHash(hash: number): string {
  const digits = String(hash >>> 0);
  let out = '';
  for (const d of digits) out += SAFE_ALPHABET[d.charCodeAt(0) % SAFE_ALPHABET.length];
  return out;
}

/** FNV-1a 32-bit: a stable hash for pod templates. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * 64 hex characters derived from a string: stands in for the sha256 digests real ids carry
 * (image digests, container ids, VolumeAttachment names). Stable, not cryptographic.
 */
export function digestHex(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ round, 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
