import { describe, expect, it } from 'vitest';
import { describeObject } from './index.ts';
import { NOW, exampleAttachment, hostpathDriver } from './fixtures.ts';
import { smartLabelFor } from './generic.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

describe('generic describer (CSIDriver, VolumeAttachment)', () => {
  it('turns field names into smart labels', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('creationTimestamp')).toBe('Creation Timestamp');
    expect(smartLabelFor('seLinuxMount')).toBe('Se Linux Mount');
    expect(smartLabelFor('podInfoOnMount')).toBe('Pod Info On Mount');
    expect(smartLabelFor('HTMLParser')).toBe('HTML Parser');
    expect(smartLabelFor('k8s.io/x')).toBe('k8s.io/x');
  });

  it('dumps a CSIDriver field by field', () => {
    expect(describeObject(hostpathDriver, { now: NOW })).toBe(
      lines(
        'Name:         hostpath.csi.k8s.io',
        'Namespace:    ',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  storage.k8s.io/v1',
        'Kind:         CSIDriver',
        'Metadata:',
        '  Creation Timestamp:  2025-12-05T00:01:00Z',
        '  Resource Version:    412',
        '  UID:                 csi-uid-1',
        'Spec:',
        '  Attach Required:     true',
        '  Fs Group Policy:     File',
        '  Pod Info On Mount:   true',
        '  Requires Republish:  false',
        '  Se Linux Mount:      false',
        '  Storage Capacity:    false',
        '  Volume Lifecycle Modes:',
        '    Persistent',
        '    Ephemeral',
        'Events:  <none>',
      ),
    );
  });

  it('dumps a VolumeAttachment, status included', () => {
    expect(describeObject(exampleAttachment, { now: NOW })).toBe(
      lines(
        'Name:         csi-8a3f0c',
        'Namespace:    ',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  storage.k8s.io/v1',
        'Kind:         VolumeAttachment',
        'Metadata:',
        '  Creation Timestamp:  2026-01-01T00:07:30Z',
        '  UID:                 va-uid-1',
        'Spec:',
        '  Attacher:   hostpath.csi.k8s.io',
        '  Node Name:  kind-worker',
        '  Source:',
        '    Persistent Volume Name:  pvc-24d1f4ee',
        'Status:',
        '  Attached:  true',
        'Events:      <none>',
      ),
    );
  });
});
