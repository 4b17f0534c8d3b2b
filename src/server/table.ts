// The server-side `Table` (meta.k8s.io/v1) kubectl asks for with
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the columns and cells are our printers',
// so the real `kubectl get` prints what `kubesim run`'s does. The server sends every column, the
// `-o wide` ones with priority 1 (kubectl drops them without -o wide); NAMESPACE (-A) and LABELS
// (--show-labels) are added by kubectl from each row's object metadata.
import type { AnyStored, Kind } from '../engine/index.ts';
import { buildTable, type PrintableKind, type PrintableObjects } from '../commands/kubectl/printers/index.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Whether an Accept header asks for a meta.k8s.io/v1 Table. */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io') && params.includes('v=v1');
  });
}

export function tableOf(kind: Kind, objects: readonly AnyStored[], now: number, resourceVersion: string, include: IncludeObject): unknown {
  const typed = objects as unknown as PrintableObjects[PrintableKind][];
  const wide = buildTable(kind as PrintableKind, typed, { now, wide: true });
  const narrow = new Set(buildTable(kind as PrintableKind, [], { now }).headers);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: wide.headers.map((h) => ({
      name: columnName(h),
      type: 'string',
      format: h === 'NAME' ? 'name' : '',
      description: '',
      priority: narrow.has(h) ? 0 : 1,
    })),
    rows: objects.map((obj, i) => ({
      cells: wide.rows[i]!,
      ...(include === 'None' ? {} : { object: include === 'Object' ? obj : partialMetadata(obj) }),
    })),
  };
}

/** includeObject=Metadata (kubectl's default): each row carries only the object's metadata. */
function partialMetadata(obj: AnyStored): unknown {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/**
 * The server names columns in title case (`Access Modes`, `StorageClass`); kubectl upper-cases
 * them. Our printers keep kubectl's upper-case headers, so the server's names are restored here,
 * with the run-together ones printers.go spells in camel case.
 */
function columnName(header: string): string {
  const camel = CAMEL[header];
  if (camel) return camel;
  return header
    .toLowerCase()
    .replace(/(^|[\s(-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

const CAMEL: Record<string, string> = {
  STORAGECLASS: 'StorageClass',
  VOLUMEATTRIBUTESCLASS: 'VolumeAttributesClass',
  VOLUMEMODE: 'VolumeMode',
  RECLAIMPOLICY: 'ReclaimPolicy',
  VOLUMEBINDINGMODE: 'VolumeBindingMode',
  ALLOWVOLUMEEXPANSION: 'AllowVolumeExpansion',
  ATTACHREQUIRED: 'AttachRequired',
  PODINFOONMOUNT: 'PodInfoOnMount',
  STORAGECAPACITY: 'StorageCapacity',
  TOKENREQUESTS: 'TokenRequests',
  REQUIRESREPUBLISH: 'RequiresRepublish',
  ADDRESSTYPE: 'AddressType',
  IP: 'IP',
  'CLUSTER-IP': 'Cluster-IP',
  'EXTERNAL-IP': 'External-IP',
  'INTERNAL-IP': 'Internal-IP',
  'PORT(S)': 'Port(s)',
  'UP-TO-DATE': 'Up-to-date',
  'OS-IMAGE': 'OS-Image',
  'KERNEL-VERSION': 'Kernel-Version',
  'CONTAINER-RUNTIME': 'Container-Runtime',
};
