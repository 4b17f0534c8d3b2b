// ConfigMaps and Secrets: tables (printers.go) and describers (describe.go).
import type { ConfigMap, Event, Secret } from 'kubernetes-types/core/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, compareStrings, since } from './format.ts';

export const CONFIG_MAP_COLUMNS: Column<ConfigMap>[] = [
  { header: 'NAME', cell: (cm) => cm.metadata?.name ?? '' },
  { header: 'DATA', cell: (cm) => String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length) },
  { header: 'AGE', cell: (cm, { now }) => since(cm.metadata?.creationTimestamp, now) },
];

export const SECRET_COLUMNS: Column<Secret>[] = [
  { header: 'NAME', cell: (s) => s.metadata?.name ?? '' },
  { header: 'TYPE', cell: (s) => s.type ?? '' },
  { header: 'DATA', cell: (s) => String(Object.keys(s.data ?? {}).length) },
  { header: 'AGE', cell: (s, { now }) => since(s.metadata?.creationTimestamp, now) },
];

/** Length in bytes of base64 data as stored in `data` / `binaryData`. */
export function base64ByteLength(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/**
 * `kubectl describe configmap`. kubectl walks the Go map in random order; we print keys sorted so
 * the output is stable.
 */
export function describeConfigMap(cm: ConfigMap, now: number, events: readonly Event[] | undefined): string {
  const w = new DescribeWriter();
  const meta = cm.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, '\nData\n====\n');
  const data = cm.data ?? {};
  for (const key of Object.keys(data).sort(compareStrings)) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${data[key] ?? ''}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = cm.binaryData ?? {};
  for (const key of Object.keys(binary).sort(compareStrings)) {
    w.write(0, `${key}: ${base64ByteLength(binary[key] ?? '')} bytes\n`);
  }
  w.write(0, '\n');
  describeEvents(
    w,
    eventsAbout({ kind: 'ConfigMap', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events),
    now,
  );
  return w.toString();
}

/** `kubectl describe secret`: sizes only (never values), and no Events section. */
export function describeSecret(secret: Secret): string {
  const w = new DescribeWriter();
  const meta = secret.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  const data = secret.data ?? {};
  for (const key of Object.keys(data).sort(compareStrings)) {
    const value = data[key] ?? '';
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') {
      w.write(0, `${key}:\t${decodeBase64(value)}\n`);
    } else {
      w.write(0, `${key}:\t${base64ByteLength(value)} bytes\n`);
    }
  }
  return w.toString();
}

function decodeBase64(b64: string): string {
  try {
    return atob(b64);
  } catch {
    return b64;
  }
}
