import { describe, expect, it } from 'vitest';
import { formatFieldError } from './field-errors.ts';
import { validateResources } from './resources.ts';

const check = (resources: Parameters<typeof validateResources>[0]) => validateResources(resources, 'spec.containers[0].resources').map(formatFieldError);

describe('container resources', () => {
  it('refuses a negative quantity at its own key', () => {
    expect(check({ requests: { cpu: '-1' }, limits: { memory: '-1Mi' } })).toEqual([
      'spec.containers[0].resources.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });

  it('refuses a request above its limit, comparing values not text', () => {
    expect(check({ requests: { memory: '2Gi', cpu: '500m' }, limits: { memory: '1Gi', cpu: '0.5' } })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
    ]);
    expect(check({ requests: { 'hugepages-2Mi': '2Mi' }, limits: { 'hugepages-2Mi': '4Mi' } })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2Mi": must be equal to hugepages-2Mi limit of 4Mi',
    ]);
    expect(check({ requests: { memory: '1Gi' }, limits: { memory: '1024Mi' } })).toEqual([]);
  });
});
