// GET of one object or a list, through the engine's read door. A list is `KindList` with the
// store's resourceVersion; with kubectl's Table Accept header either becomes a Table.
import { getObject, listObjects, readerOf, type AnyStored, type ClusterState, type KindInfo } from '../engine/index.ts';
import { statusOf } from './status.ts';
import { tableOf, wantsTable, type IncludeObject } from './table.ts';
import { statusReply, type Reply } from './reply.ts';

export interface ReadRequest {
  info: KindInfo;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  accept?: string;
}

export function readObjects(state: ClusterState, req: ReadRequest): Reply {
  const { info } = req;
  const namespace = info.namespaced ? req.namespace : undefined;
  const rv = String(state.resourceVersion);
  const include = (req.query.get('includeObject') ?? 'Metadata') as IncludeObject;
  if (req.name !== undefined) {
    const got = getObject(readerOf(state), info.kind, namespace, req.name);
    if (!got.ok) return statusReply(statusOf(got.error, { kind: info.kind, name: req.name }));
    if (wantsTable(req.accept)) return { code: 200, body: tableOf(info.kind, [got.value], state.now, rv, include) };
    return { code: 200, body: got.value };
  }
  const listed = listObjects(readerOf(state), info.kind, {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(req.query.get('labelSelector') ? { labelSelector: req.query.get('labelSelector')! } : {}),
    ...(req.query.get('fieldSelector') ? { fieldSelector: req.query.get('fieldSelector')! } : {}),
  });
  if (!listed.ok) return statusReply(statusOf(listed.error));
  return { code: 200, body: listBody(info, listed.value, state, req) };
}

function listBody(info: KindInfo, items: readonly AnyStored[], state: ClusterState, req: ReadRequest): unknown {
  const rv = String(state.resourceVersion);
  if (wantsTable(req.accept)) return tableOf(info.kind, items, state.now, rv, (req.query.get('includeObject') ?? 'Metadata') as IncludeObject);
  // A typed list's items carry no kind or apiVersion on the wire; clients take them from the list.
  return {
    kind: `${info.kind}List`,
    apiVersion: info.apiVersion,
    metadata: { resourceVersion: rv },
    items: items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest),
  };
}
