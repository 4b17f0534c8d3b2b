// The API server's deprecation warnings: a `Warning` header on every request for a deprecated
// resource (still served), which kubectl prints as `Warning: …`. v1.33 deprecated v1 Endpoints
// in favour of EndpointSlices (KEP-4974).
import type { Kind } from './objects.ts';

export const DEPRECATED_KINDS: Partial<Record<Kind, string>> = {
  Endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};
