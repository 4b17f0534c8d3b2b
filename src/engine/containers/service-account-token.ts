// The `token` file of a projected serviceAccountToken source: a bound service account token as
// the kubelet writes it, a JWT (header.claims.signature, base64url) with the claims a v1.34 API
// server puts in. Deterministic: the same pod gives the same token; the signature is filler.
import type { Stored } from '../api/objects.ts';
import type { Txn } from '../cluster/store.ts';
import { digestHex } from '../runtime/ids.ts';
import { base64Encode } from '../../lib/base64.ts';

type Reader = Pick<Txn, 'get'>;

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** --service-account-extend-token-expiration (on by default): the token lives a year, the kubelet is warned after the asked expiry. */
const EXTENDED_EXPIRATION_SECONDS = 365 * 24 * 3600;

export function serviceAccountToken(view: Reader, pod: Stored<'Pod'>, expirationSeconds: number, audience?: string): string {
  const ns = pod.metadata.namespace ?? 'default';
  const saName = pod.spec?.serviceAccountName ?? 'default';
  const nodeName = pod.spec?.nodeName ?? '';
  const issued = Math.floor(Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '1970-01-01T00:00:00Z') / 1000);
  const seed = `${pod.metadata.uid ?? pod.metadata.name}/${expirationSeconds}/${audience ?? ''}`;
  const jti = digestHex(`jti/${seed}`);
  const header = { alg: 'RS256', kid: base64url(digestHex('cluster-signing-key')).slice(0, 43) };
  const claims = {
    aud: [audience ?? ISSUER],
    exp: issued + Math.max(expirationSeconds, EXTENDED_EXPIRATION_SECONDS),
    iat: issued,
    iss: ISSUER,
    jti: `${jti.slice(0, 8)}-${jti.slice(8, 12)}-4${jti.slice(13, 16)}-a${jti.slice(17, 20)}-${jti.slice(20, 32)}`,
    'kubernetes.io': {
      namespace: ns,
      node: { name: nodeName, uid: view.get('Node', nodeName)?.metadata.uid ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid ?? '' },
      serviceaccount: { name: saName, uid: view.get('ServiceAccount', `${ns}/${saName}`)?.metadata.uid ?? '' },
      warnafter: issued + expirationSeconds,
    },
    nbf: issued,
    sub: `system:serviceaccount:${ns}:${saName}`,
  };
  // An RS256 signature is 256 bytes: 342 base64url characters.
  const signature = Array.from({ length: 6 }, (_, i) => digestHex(`sig/${i}/${seed}`)).join('');
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${base64url(signature).slice(0, 342)}`;
}

function base64url(text: string): string {
  return base64Encode(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
