// The API server's deprecation filter: every request for a deprecated resource (still served) gets
// a `Warning` header, which kubectl prints as `Warning: …` on stderr (v1 Endpoints since v1.33,
// KEP-4974). The words are the engine's, so `kubesim run` prints the same.
import { DEPRECATED_KINDS } from '../engine/api/deprecations.ts';
import type { Route } from './paths.ts';
import { warningHeaders, type Reply } from './reply.ts';

/** The reply with the deprecation warning added when the route names a deprecated kind. */
export function withDeprecation(reply: Reply, r: Route): Reply {
  const warning = r.type === 'object' ? DEPRECATED_KINDS[r.info.kind] : undefined;
  if (!warning) return reply;
  const existing = reply.headers?.Warning;
  const others = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...reply, headers: { ...reply.headers, Warning: [...warningHeaders([warning])!.Warning!, ...others] } };
}
