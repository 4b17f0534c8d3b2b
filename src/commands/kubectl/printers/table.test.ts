import { describe, expect, it } from 'vitest';
import { buildTable, noResourcesFound, printTable } from './index.ts';
import { NOW, examplePV, examplePVC } from './fixtures.ts';

describe('printTable options', () => {
  it('prints nothing for an empty list; kubectl says so on stderr', () => {
    expect(printTable('Pod', [], { now: NOW })).toBe('');
    expect(noResourcesFound('default')).toBe('No resources found in default namespace.');
    expect(noResourcesFound()).toBe('No resources found');
  });

  it('never adds NAMESPACE to cluster-scoped kinds', () => {
    expect(buildTable('PersistentVolume', [examplePV], { now: NOW, allNamespaces: true }).headers[0]).toBe('NAME');
    expect(buildTable('PersistentVolumeClaim', [examplePVC], { now: NOW, allNamespaces: true }).headers[0]).toBe('NAMESPACE');
  });

  it('omits headers with --no-headers', () => {
    expect(printTable('PersistentVolumeClaim', [examplePVC], { now: NOW, noHeaders: true })).toBe(
      'example-pvc   Bound   example-pv   5Gi   RWO         <unset>   5m\n',
    );
  });

  it('exposes headers and cells for callers that lay out themselves', () => {
    expect(buildTable('PersistentVolume', [examplePV], { now: NOW, wide: true, showLabels: true })).toEqual({
      headers: [
        'NAME',
        'CAPACITY',
        'ACCESS MODES',
        'RECLAIM POLICY',
        'STATUS',
        'CLAIM',
        'STORAGECLASS',
        'VOLUMEATTRIBUTESCLASS',
        'REASON',
        'AGE',
        'VOLUMEMODE',
        'LABELS',
      ],
      rows: [['example-pv', '5Gi', 'RWO', 'Retain', 'Bound', 'default/example-pvc', '', '<unset>', '', '6m', 'Filesystem', '<none>']],
    });
  });
});

describe('cells with line breaks', () => {
  it('cuts a multi-line cell at the first line break and adds ...', () => {
    const event = {
      metadata: { name: 'e1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p' },
      type: 'Warning',
      reason: 'FailedMount',
      message: 'MountVolume.SetUp failed\nsecond line',
      lastTimestamp: new Date(NOW - 5000).toISOString(),
    };
    expect(printTable('Event', [event], { now: NOW, noHeaders: true })).toBe(
      '5s    Warning   FailedMount   pod/p   MountVolume.SetUp failed...\n',
    );
  });
});
