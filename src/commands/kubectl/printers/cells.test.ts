import { describe, expect, it } from 'vitest';
import { cellOf } from './cells.ts';
import { EVENT_COLUMNS } from './events.ts';
import { NOW, examplePod, examplePV, exampleEvents } from './fixtures.ts';
import { POD_COLUMNS } from './pods.ts';
import { PERSISTENT_VOLUME_COLUMNS } from './storage.ts';
import { buildTable } from './table.ts';

describe('cellOf: one cell without the table', () => {
  it('reads every column exactly as the table printer writes it', () => {
    const pods = buildTable('Pod', [examplePod], { now: NOW, wide: true });
    expect(pods.headers.map((h) => cellOf(POD_COLUMNS, h, examplePod, NOW))).toEqual(pods.rows[0]);
    const volumes = buildTable('PersistentVolume', [examplePV], { now: NOW, wide: true });
    expect(volumes.headers.map((h) => cellOf(PERSISTENT_VOLUME_COLUMNS, h, examplePV, NOW))).toEqual(volumes.rows[0]);
  });

  it('cuts a multi-line cell at the first line break, as the table does', () => {
    const event = { ...exampleEvents[0]!, message: 'MountVolume.SetUp failed\nsecond line' };
    expect(cellOf(EVENT_COLUMNS, 'MESSAGE', event, NOW)).toBe('MountVolume.SetUp failed...');
  });

  it('is empty for a column the kind does not have', () => {
    expect(cellOf(POD_COLUMNS, 'CAPACITY', examplePod, NOW)).toBe('');
  });
});
