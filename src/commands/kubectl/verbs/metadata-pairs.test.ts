// kubectl label / annotate argument checks, made before any request.
import { describe, expect, it } from 'vitest';
import { annotationConflictError, annotationPairsError, labelPairsError, resourcesAndPairs } from './metadata-pairs.ts';

describe('GetResourcesAndPairs', () => {
  it('splits resources from pairs and refuses a resource after a pair', () => {
    expect(resourcesAndPairs(['pods', 'web', 'a=b', 'c-'], 'label')).toEqual({ ok: true, resources: ['pods', 'web'], pairs: ['a=b', 'c-'] });
    expect(resourcesAndPairs(['pods', 'a=b', 'web'], 'label')).toEqual({ ok: false, error: 'all resources must be specified before label changes: web' });
    // `=x` and a lone `-` are not pairs.
    expect(resourcesAndPairs(['=x', '-'], 'annotation')).toEqual({ ok: true, resources: ['=x', '-'], pairs: [] });
  });
});

describe('parseLabels', () => {
  it('wants exactly one = and a valid value', () => {
    expect(labelPairsError(['tier=a=b'])).toBe('invalid label spec: tier=a=b');
    expect(labelPairsError(['app=<b>web</b>'])).toMatch(/^invalid label value: "app=<b>web<\/b>": a valid label must be an empty string/);
    expect(labelPairsError(['app=', 'x=y', 'z-'])).toBeUndefined();
    expect(labelPairsError(['a=b', 'a-'])).toBe('can not both modify and remove a label in the same command');
  });
});

describe('annotations', () => {
  it('names every malformed pair, and keys both set and removed', () => {
    expect(annotationPairsError(['=x', 'a=b', 'y'])).toBe('invalid annotation format: =x, y');
    expect(annotationPairsError(['a=b=c'])).toBeUndefined();
    expect(annotationConflictError(['a=1', 'a-', 'b-'])).toBe('can not both modify and remove the following annotation(s) in the same command: a');
  });
});
