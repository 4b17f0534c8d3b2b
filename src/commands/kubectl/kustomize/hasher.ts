// The suffix kustomize appends to a generated ConfigMap's or Secret's name (api/hasher): the
// SHA-256 of a JSON encoding of the fields that matter, its first 10 hex digits with the
// characters that could spell words (0 1 3 a e) swapped for others.
import { goJsonMarshal } from './go-json.ts';
import { sha256Hex } from './sha256.ts';

const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

export function encodeHash(hex: string): string {
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

/** A generated object as the hasher reads it. A field that is absent hashes as "" (not null). */
export interface Hashable {
  kind: string;
  data?: Record<string, unknown>;
  binaryData?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
  type?: string;
}

/**
 * The name suffix for a ConfigMap or Secret: data, and binaryData (ConfigMap) or type and
 * stringData (Secret). The encoding has a "name" too, but kustomize looks it up as one field
 * called `metadata/name`, which no object has, so it is always "": the same data under two names
 * gets the same suffix (real kubectl kustomize prints `bob-4h2mbtbbt6` and `x-bob-4h2mbtbbt6`).
 */
export function nameHash(obj: Hashable): string {
  const name = '';
  const data = obj.data ?? '';
  const encoded: Record<string, unknown> =
    obj.kind === 'Secret' ? { kind: 'Secret', type: obj.type ?? '', name, data } : { kind: 'ConfigMap', name, data };
  // Only a map counts: the optional fields are left out when absent, to keep old hashes stable.
  if (obj.kind === 'Secret' && obj.stringData) encoded['stringData'] = obj.stringData;
  if (obj.kind !== 'Secret' && obj.binaryData) encoded['binaryData'] = obj.binaryData;
  return encodeHash(sha256Hex(new TextEncoder().encode(goJsonMarshal(encoded))));
}
