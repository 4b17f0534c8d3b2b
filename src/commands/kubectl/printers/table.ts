// `kubectl get` tables for every printable kind: picks the kind's columns, adds NAMESPACE (`-A`)
// and LABELS (`--show-labels`), and lays the text out like kubectl's tabwriter.
import { formatTable } from '../../../lib/text-table.ts';
import { DEPLOYMENT_COLUMNS, REPLICA_SET_COLUMNS } from './apps.ts';
import { NAMESPACE_COLUMNS, NODE_COLUMNS } from './cluster.ts';
import type { CellContext, Column } from './columns.ts';
import { CONFIG_MAP_COLUMNS, SECRET_COLUMNS } from './config.ts';
import { EVENT_COLUMNS } from './events.ts';
import { JOB_COLUMNS } from './jobs.ts';
import { printableCell } from './cells.ts';
import { formatLabels } from './format.ts';
import { POD_COLUMNS } from './pods.ts';
import { SERVICE_ACCOUNT_COLUMNS } from './service-accounts.ts';
import { ENDPOINT_SLICE_COLUMNS, ENDPOINTS_COLUMNS, SERVICE_COLUMNS } from './services.ts';
import { STATEFUL_SET_COLUMNS } from './statefulsets.ts';
import {
  CSI_DRIVER_COLUMNS,
  PERSISTENT_VOLUME_CLAIM_COLUMNS,
  PERSISTENT_VOLUME_COLUMNS,
  STORAGE_CLASS_COLUMNS,
  VOLUME_ATTACHMENT_COLUMNS,
} from './storage.ts';
import {
  NAMESPACED_KINDS,
  type PrintableKind,
  type PrintableObjects,
  type Table,
  type TableOptions,
} from './types.ts';

const COLUMNS: { [K in PrintableKind]: Column<PrintableObjects[K]>[] } = {
  PersistentVolume: PERSISTENT_VOLUME_COLUMNS,
  PersistentVolumeClaim: PERSISTENT_VOLUME_CLAIM_COLUMNS,
  StorageClass: STORAGE_CLASS_COLUMNS,
  CSIDriver: CSI_DRIVER_COLUMNS,
  VolumeAttachment: VOLUME_ATTACHMENT_COLUMNS,
  Pod: POD_COLUMNS,
  Node: NODE_COLUMNS,
  Namespace: NAMESPACE_COLUMNS,
  ConfigMap: CONFIG_MAP_COLUMNS,
  Secret: SECRET_COLUMNS,
  ServiceAccount: SERVICE_ACCOUNT_COLUMNS,
  Deployment: DEPLOYMENT_COLUMNS,
  ReplicaSet: REPLICA_SET_COLUMNS,
  StatefulSet: STATEFUL_SET_COLUMNS,
  Job: JOB_COLUMNS,
  Service: SERVICE_COLUMNS,
  Endpoints: ENDPOINTS_COLUMNS,
  EndpointSlice: ENDPOINT_SLICE_COLUMNS,
  Event: EVENT_COLUMNS,
};

/**
 * Headers and cells of `kubectl get <kind>`, in the given object order. Cells are as kubectl writes
 * them (a multi-line value is cut at its first line break, with `...`).
 */
export function buildTable<K extends PrintableKind>(
  kind: K,
  objects: readonly PrintableObjects[K][],
  options: TableOptions,
): Table {
  const columns = (COLUMNS[kind] as Column<PrintableObjects[K]>[]).filter((c) => options.wide || !c.wide);
  const ctx: CellContext = { now: options.now };
  const withNamespace = options.allNamespaces === true && NAMESPACED_KINDS.has(kind);
  const headers = [
    ...(withNamespace ? ['NAMESPACE'] : []),
    ...columns.map((c) => c.header),
    ...(options.showLabels ? ['LABELS'] : []),
  ];
  const rows = objects.map((obj) => [
    ...(withNamespace ? [obj.metadata?.namespace ?? ''] : []),
    ...columns.map((c) => printableCell(c.cell(obj, ctx))),
    ...(options.showLabels ? [formatLabels(obj.metadata?.labels)] : []),
  ]);
  return { headers, rows };
}

/**
 * The text of `kubectl get <kind>` (each line ends with `\n`). An empty list prints nothing:
 * kubectl writes {@link noResourcesFound} to stderr instead.
 */
export function printTable<K extends PrintableKind>(kind: K, objects: readonly PrintableObjects[K][], options: TableOptions): string {
  if (objects.length === 0) return '';
  const table = buildTable(kind, objects, options);
  return formatTable(options.noHeaders ? [] : table.headers, table.rows);
}

/**
 * What kubectl prints to stderr when a list is empty: `No resources found in default namespace.`
 * for a namespaced listing, `No resources found` for cluster-scoped kinds and `-A`.
 */
export function noResourcesFound(namespace?: string): string {
  return namespace ? `No resources found in ${namespace} namespace.` : 'No resources found';
}
