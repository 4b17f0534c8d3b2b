// Public API of the kubectl printers: `get` tables, `describe` text and the `kubectl events`
// listing, all as kubectl v1.34 prints them. Pure functions: time comes in as `now`.
export { buildTable, noResourcesFound, printTable } from './table.ts';
export { DESCRIBE_SEPARATOR, describeObject } from './describe.ts';
export { printEventsCommand } from './events.ts';
export { accessModesString, formatLabels } from './format.ts';
export { canonicalQuantity } from '../../../engine/api/quantity.ts';
export { NAMESPACED_KINDS } from './types.ts';
export type { DescribeOptions, PrintableKind, PrintableObject, PrintableObjects, Table, TableOptions } from './types.ts';
