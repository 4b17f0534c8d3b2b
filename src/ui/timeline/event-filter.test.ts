import { describe, expect, it } from 'vitest';
import { filterEvents, isFiltering, kindsOf, NO_FILTER, type EventRow } from './event-filter.ts';

const row = (key: string, kind: string, type: string, reason: string, object: string, message: string): EventRow => ({ key, kind, cells: ['5s', type, reason, object, message] });

const ROWS = [
  row('a', 'PersistentVolumeClaim', 'Normal', 'WaitForFirstConsumer', 'persistentvolumeclaim/data', 'waiting for first consumer to be created before binding'),
  row('b', 'PersistentVolumeClaim', 'Warning', 'ProvisioningFailed', 'persistentvolumeclaim/fast', 'storageclass.storage.k8s.io "fast" not found'),
  row('c', 'Pod', 'Warning', 'FailedScheduling', 'pod/web', '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims.'),
  row('d', 'Pod', 'Normal', 'Scheduled', 'pod/db', 'Successfully assigned default/db to node-1'),
];

const keys = (rows: readonly EventRow[]) => rows.map((r) => r.key);

describe('filterEvents', () => {
  it('keeps everything without a filter', () => {
    expect(keys(filterEvents(ROWS, NO_FILTER))).toEqual(['a', 'b', 'c', 'd']);
    expect(filterEvents(ROWS, NO_FILTER)).toBe(ROWS); // no copy: playback filters thousands of events per step
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '   ' })).toBe(false);
  });

  it('matches every word, case ignored, in the reason, the object or the message', () => {
    expect(keys(filterEvents(ROWS, { ...NO_FILTER, text: 'failed' }))).toEqual(['b', 'c']);
    expect(keys(filterEvents(ROWS, { ...NO_FILTER, text: 'pod/ NODE-1' }))).toEqual(['d']);
    expect(keys(filterEvents(ROWS, { ...NO_FILTER, text: 'fast not found' }))).toEqual(['b']);
    // The TYPE and LAST SEEN columns are not searched: "warning" finds no message here.
    expect(keys(filterEvents(ROWS, { ...NO_FILTER, text: 'warning' }))).toEqual([]);
  });

  it('combines Warnings only and the kind with the text', () => {
    expect(keys(filterEvents(ROWS, { ...NO_FILTER, warningsOnly: true }))).toEqual(['b', 'c']);
    expect(keys(filterEvents(ROWS, { ...NO_FILTER, kind: 'Pod' }))).toEqual(['c', 'd']);
    expect(keys(filterEvents(ROWS, { text: 'nodes', warningsOnly: true, kind: 'Pod' }))).toEqual(['c']);
    expect(keys(filterEvents(ROWS, { text: 'nodes', warningsOnly: true, kind: 'PersistentVolumeClaim' }))).toEqual([]);
  });
});

describe('kindsOf', () => {
  it('lists each kind once, sorted', () => {
    expect(kindsOf(ROWS)).toEqual(['PersistentVolumeClaim', 'Pod']);
    expect(kindsOf([])).toEqual([]);
  });
});
