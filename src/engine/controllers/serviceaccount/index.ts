// serviceaccount-controller (pkg/controller/serviceaccount/serviceaccounts_controller.go): every
// Active namespace has a ServiceAccount named `default`; one that is deleted comes back. A
// terminating namespace is left alone. The real controller sets nothing but name and namespace.
import type { Controller } from '../../runtime/controller.ts';
import { createObject } from '../../cluster/apply.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export const serviceAccountController: Controller = {
  name: 'serviceaccount-controller',
  source: 'serviceaccount-controller',
  sync(ctx) {
    for (const ns of ctx.txn.list('Namespace')) {
      const name = ns.metadata.name;
      if (ns.metadata.deletionTimestamp || (ns.status?.phase ?? 'Active') !== 'Active') continue;
      if (ctx.txn.get('ServiceAccount', `${name}/${DEFAULT_SERVICE_ACCOUNT}`)) continue;
      createObject(ctx.txn, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name } });
      ctx.step(`serviceaccount-controller created serviceaccount ${name}/${DEFAULT_SERVICE_ACCOUNT}`);
    }
  },
};
