// What a request path names, as the API server's router reads it:
// /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUBRESOURCE]] and /apis/GROUP/VERSION/… likewise.
import type { KindInfo } from '../engine/index.ts';
import { kindAt } from './discovery.ts';

export type Route =
  | { type: 'version' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'resources'; group: string; version: string }
  | { type: 'openapi'; path: string }
  | { type: 'object'; info: KindInfo; namespace?: string; name?: string; subresource?: string }
  | { type: 'unknown-resource'; group: string; version: string; plural: string }
  | { type: 'none' };

export function route(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  if (parts[0] === 'version' && parts.length === 1) return { type: 'version' };
  if (parts[0] === 'openapi') return { type: 'openapi', path: parts.slice(1).join('/') };
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'api' };
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'apis' };
    if (parts.length === 2) return { type: 'group', group: parts[1]! };
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else return { type: 'none' };
  if (rest.length === 0) return { type: 'resources', group, version };
  // namespaces/NS/PLURAL…: a namespaced resource; namespaces[/NAME[/SUB]]: the Namespace itself.
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const inner = kindAt(group, version, rest[2]!);
    if (inner?.namespaced || (group !== '' && rest.length >= 3)) {
      namespace = rest[1]!;
      rest = rest.slice(2);
    } else if (!inner && !(group === '' && ['status', 'finalize'].includes(rest[2]!))) {
      return { type: 'unknown-resource', group, version, plural: rest[2]! };
    }
  }
  const [plural, name, subresource, ...extra] = rest;
  const info = kindAt(group, version, plural!);
  if (!info) return { type: 'unknown-resource', group, version, plural: plural! };
  if (extra.length > 0) return { type: 'none' };
  return { type: 'object', info, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}), ...(subresource !== undefined ? { subresource } : {}) };
}
