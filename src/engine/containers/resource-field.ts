// The downward API's `resourceFieldRef`: a container's request or limit, divided by the divisor
// and rounded up, as the kubelet's ExtractContainerResourceValue writes it. A limit the container
// does not set is the node's allocatable (the kubelet merges it in first), so a pod without limits
// still sees a number, not 0.
import type { Container, ResourceFieldSelector } from 'kubernetes-types/core/v1';
import { parseQuantity, quantityMilliValue, quantityValue, type Quantity } from '../api/quantity.ts';
import { getOwn } from '../../lib/own.ts';

/** What `resource` (`limits.cpu`, `requests.memory`, …) shows, or undefined for one the kubelet refuses. */
export function resourceFieldValue(
  container: Container | undefined,
  ref: ResourceFieldSelector,
  allocatable: Record<string, string> | undefined,
): string | undefined {
  const m = /^(limits|requests)\.(.+)$/.exec(ref.resource);
  if (!m || !container) return undefined;
  const [, side, name] = m as unknown as [string, 'limits' | 'requests', string];
  let raw = getOwn(container.resources?.[side], name) as string | number | undefined;
  if (raw === undefined && side === 'limits') raw = getOwn(allocatable, name);
  const value = quantity(raw ?? 0);
  const given = ref.divisor === undefined ? undefined : quantity(ref.divisor);
  // A zero divisor (the field's default) means 1: cores, or bytes.
  const divisor = given && given.nanos !== 0n ? given : quantity(1);
  // CPU is divided in millicores, everything else in whole units; both rounded up.
  const [num, den] = name === 'cpu' ? [quantityMilliValue(value), quantityMilliValue(divisor)] : [quantityValue(value), quantityValue(divisor)];
  return String(den === 0n ? 0n : (num + den - 1n) / den);
}

function quantity(v: string | number): Quantity {
  const r = parseQuantity(v);
  return r.ok ? r.quantity : { nanos: 0n, format: 'DecimalSI' };
}
