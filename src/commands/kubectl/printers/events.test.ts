import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { printEventsCommand, printTable } from './index.ts';
import { eventInterval, eventsAbout, sortEvents } from './events.ts';
import { NOW, ago, exampleEvents } from './fixtures.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

describe('kubectl get events', () => {
  it('shows LAST SEEN as a plain age (no count) and OBJECT as lowercased kind/name', () => {
    expect(printTable('Event', exampleEvents, { now: NOW })).toBe(
      lines(
        'LAST SEEN   TYPE     REASON                 OBJECT                           MESSAGE',
        '4m          Normal   Scheduled              pod/example-pod                  Successfully assigned default/example-pod to kind-control-plane',
        '4m          Normal   Pulling                pod/example-pod                  Pulling image "nginx"',
        '5s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data-pvc   waiting for first consumer to be created before binding',
      ),
    );
  });

  it('leads with NAMESPACE under -A', () => {
    expect(printTable('Event', [exampleEvents[0]!], { now: NOW, allNamespaces: true })).toBe(
      lines(
        'NAMESPACE   LAST SEEN   TYPE     REASON      OBJECT            MESSAGE',
        'default     4m          Normal   Scheduled   pod/example-pod   Successfully assigned default/example-pod to kind-control-plane',
      ),
    );
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    expect(printTable('Event', exampleEvents, { now: NOW, wide: true })).toBe(
      lines(
        'LAST SEEN   TYPE     REASON                 OBJECT                           SUBOBJECT                          SOURCE                        MESSAGE                                                           FIRST SEEN   COUNT   NAME',
        '4m          Normal   Scheduled              pod/example-pod                                                     default-scheduler             Successfully assigned default/example-pod to kind-control-plane   4m           1       example-pod.1881',
        '4m          Normal   Pulling                pod/example-pod                  spec.containers{nginx-container}   kubelet, kind-control-plane   Pulling image "nginx"                                             4m           1       example-pod.1882',
        '5s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data-pvc                                      persistentvolume-controller   waiting for first consumer to be created before binding           90s          7       data-pvc.1883',
      ),
    );
  });

  it('keeps the order it is given (the API server lists events by name)', () => {
    const reversed = [...exampleEvents].reverse();
    expect(printTable('Event', reversed, { now: NOW, noHeaders: true }).split('\n')[0]).toMatch(/^5s /);
  });
});

describe('kubectl events', () => {
  it('sorts oldest first and shows (xN over …) with Kind/name', () => {
    const older: Event = {
      ...exampleEvents[2]!,
      metadata: { name: 'data-pvc.1880', namespace: 'default' },
      reason: 'ProvisioningSucceeded',
      message: 'done',
      firstTimestamp: ago(9 * 60),
      lastTimestamp: ago(9 * 60),
      count: 1,
    };
    expect(printEventsCommand([exampleEvents[2]!, older, exampleEvents[0]!], { now: NOW })).toBe(
      lines(
        'LAST SEEN          TYPE     REASON                  OBJECT                           MESSAGE',
        '9m                 Normal   ProvisioningSucceeded   PersistentVolumeClaim/data-pvc   done',
        '4m                 Normal   Scheduled               Pod/example-pod                  Successfully assigned default/example-pod to kind-control-plane',
        '5s (x7 over 90s)   Normal   WaitForFirstConsumer    PersistentVolumeClaim/data-pvc   waiting for first consumer to be created before binding',
      ),
    );
  });

  it('leads with NAMESPACE under -A', () => {
    expect(printEventsCommand([exampleEvents[0]!], { now: NOW, allNamespaces: true })).toBe(
      lines(
        'NAMESPACE   LAST SEEN   TYPE     REASON      OBJECT            MESSAGE',
        'default     4m          Normal   Scheduled   Pod/example-pod   Successfully assigned default/example-pod to kind-control-plane',
      ),
    );
  });
});

describe('event helpers', () => {
  it('formats repeated events as "last (xN over first)"', () => {
    const e: Event = { metadata: {}, involvedObject: {}, count: 4, firstTimestamp: ago(10 * 60), lastTimestamp: ago(3 * 60) };
    expect(eventInterval(e, NOW)).toBe('3m (x4 over 10m)');
    expect(eventInterval({ ...e, count: 1 }, NOW)).toBe('10m');
    expect(eventInterval({ metadata: {}, involvedObject: {}, eventTime: ago(30) + '', series: { count: 2, lastObservedTime: ago(10) } }, NOW)).toBe(
      '10s (x2 over 30s)',
    );
  });

  it('selects events by involved object like the describe field selector', () => {
    const about = eventsAbout({ kind: 'Pod', name: 'example-pod', namespace: 'default', uid: 'pod-uid-1' }, exampleEvents);
    expect(about.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling']);
    expect(eventsAbout({ kind: 'Pod', name: 'example-pod', namespace: 'other' }, exampleEvents)).toEqual([]);
    expect(eventsAbout({ kind: 'Pod', name: 'example-pod', namespace: 'default', uid: 'older-uid' }, exampleEvents)).toEqual([]);
  });

  it('sorts by last timestamp, stable for ties', () => {
    expect(sortEvents(exampleEvents).map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'WaitForFirstConsumer']);
  });
});
