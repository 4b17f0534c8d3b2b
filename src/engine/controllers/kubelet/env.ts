// makeEnvironmentVariables (kubelet_pods.go): env from ConfigMaps and Secrets is resolved at
// container start; a missing object or key is CreateContainerConfigError.
import type { Container } from 'kubernetes-types/core/v1';
import type { Txn } from '../../cluster/store.ts';
import { hasOwn } from '../../../lib/own.ts';

export function envConfigError(txn: Pick<Txn, 'get'>, ns: string, c: Container): string | undefined {
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef && !txn.get('ConfigMap', `${ns}/${from.configMapRef.name}`) && !from.configMapRef.optional) {
      return `configmap "${from.configMapRef.name}" not found`;
    }
    if (from.secretRef && !txn.get('Secret', `${ns}/${from.secretRef.name}`) && !from.secretRef.optional) {
      return `secret "${from.secretRef.name}" not found`;
    }
  }
  for (const e of c.env ?? []) {
    const cmRef = e.valueFrom?.configMapKeyRef;
    if (cmRef) {
      const cm = txn.get('ConfigMap', `${ns}/${cmRef.name}`);
      if (!cm) {
        if (!cmRef.optional) return `configmap "${cmRef.name}" not found`;
      } else if (!hasOwn(cm.data, cmRef.key) && !cmRef.optional) {
        return `couldn't find key ${cmRef.key} in ConfigMap ${ns}/${cmRef.name}`;
      }
    }
    const sRef = e.valueFrom?.secretKeyRef;
    if (sRef) {
      const secret = txn.get('Secret', `${ns}/${sRef.name}`);
      if (!secret) {
        if (!sRef.optional) return `secret "${sRef.name}" not found`;
      } else if (!hasOwn(secret.data, sRef.key) && !sRef.optional) {
        return `couldn't find key ${sRef.key} in Secret ${ns}/${sRef.name}`;
      }
    }
  }
  return undefined;
}
