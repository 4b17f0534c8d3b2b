import { describe, expect, it } from 'vitest';
import { withDeprecation } from './deprecation.ts';
import { route } from './paths.ts';

describe('deprecation warnings', () => {
  it('adds the Endpoints warning to every reply for v1 endpoints, before the handler’s own', () => {
    const reply = withDeprecation({ code: 200, body: {}, headers: { Warning: ['299 - "other"'] } }, route('/api/v1/namespaces/default/endpoints'));
    expect(reply.headers?.Warning).toEqual(['299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"', '299 - "other"']);
  });

  it('leaves other resources alone', () => {
    const reply = { code: 200, body: {} };
    expect(withDeprecation(reply, route('/apis/discovery.k8s.io/v1/endpointslices'))).toBe(reply);
  });
});
