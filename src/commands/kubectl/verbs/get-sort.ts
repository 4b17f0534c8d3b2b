// `kubectl get --sort-by` on the table path. kubectl asks the server for Tables there, one per
// response (a list, or one named object), and sorts in two places: when several responses came
// back it sorts the Table objects themselves (which rarely have the field, so `get pv,pvc
// --sort-by=.metadata.name` fails), and it sorts the rows of each Table of more than one row as it
// prints it, where a failure only leaves that Table out. Both are reproduced here.
import type { AnyStored, KindInfo } from '../../../engine/index.ts';
import type { GoValue } from '../jsonpath/index.ts';
import { clientError } from '../errors.ts';
import { klogExit, relaxedJsonPath, sortOrder } from '../printers/sort-by.ts';

/** One response of the API server: a kind and the objects it returned, in order. */
export interface Response {
  info: KindInfo;
  objects: AnyStored[];
  /** A GET of one named object (its Table carries that object's resourceVersion). */
  named: boolean;
}

export type SortedResponses = { ok: true; responses: Response[] } | { ok: false; stderr: string };

export function sortResponses(responses: readonly Response[], sortBy: string, now: number): SortedResponses {
  // RuntimeSorter falls back to the flag as typed when it is not a relaxed path.
  const relaxed = relaxedJsonPath(sortBy);
  const field = relaxed.ok ? relaxed.value : sortBy;
  let ordered = [...responses];
  if (responses.length > 1) {
    const again = relaxedJsonPath(field);
    if (!again.ok) return { ok: false, stderr: clientError(again.error) + '\n' };
    const order = sortOrder(responses.map(asTable), again.value);
    if (!order.ok) return { ok: false, stderr: order.unsortable ? klogExit(now, 'sorter.go:329', order.error) : clientError(order.error) + '\n' };
    ordered = order.order.map((i) => responses[i]!);
  }
  const printed: Response[] = [];
  for (const response of ordered) {
    if (response.objects.length <= 1) {
      printed.push(response);
      continue;
    }
    const order = sortOrder(response.objects as unknown as GoValue[], field, '[][][]reflect.Value');
    if (order.ok) printed.push({ ...response, objects: order.order.map((i) => response.objects[i]!) });
    else if (order.unsortable) return { ok: false, stderr: klogExit(now, 'sorter.go:375', order.error) };
    // Any other failure is returned by the printer and ignored by `get`: the Table is not printed.
  }
  return { ok: true, responses: printed };
}

/** The Table a response arrives as, seen as unstructured JSON (the rows hold the objects). */
function asTable(response: Response): GoValue {
  const resourceVersion = response.named ? (response.objects[0]?.metadata.resourceVersion ?? '') : '';
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: { resourceVersion },
    columnDefinitions: [],
    rows: response.objects.map((object) => ({ cells: [], object: object as unknown as GoValue })),
  };
}
