// The external provisioners (local-path-provisioner, CSI external-provisioner sidecars) as one
// controller: each running driver takes the claims annotated with its name and creates their
// volumes (sig-storage-lib-external-provisioner). The PV controller then completes the bind.
import type { Stored } from '../../api/objects.ts';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimRefTo,
} from '../../api/storage.ts';
import { randomHex } from '../../runtime/ids.ts';
import { createObject } from '../../cluster/apply.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { runningProvisioner } from '../../drivers/registry.ts';
import type { ProvisionerDriver } from '../../drivers/driver.ts';

/** The identity an external provisioner signs its events with (what describe's From column shows). */
export function provisionerIdentity(driver: ProvisionerDriver): string {
  return driver.csi
    ? `${driver.name}_${driver.name.split('.')[0]}-csi-controller-6f9d8c7b5-k2x8p_7c4f1e2a-5b3d-4e8f-9a1c-2d6b8e0f3a5c`
    : `${driver.name}_local-path-provisioner-7dc846544d-hn7mx_5b0e5a6e-4c1f-4d2a-9e8b-3f7a6c2d1e90`;
}

export const externalProvisioner: Controller = {
  name: 'external-provisioner',
  source: 'external-provisioner',
  sync(ctx) {
    for (const claim of ctx.txn.list('PersistentVolumeClaim')) {
      const driver = runningProvisioner(ctx.txn, claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER]);
      if (driver) provisionFor(ctx, driver, claim);
    }
  },
};

function provisionFor(ctx: ControllerContext, driver: ProvisionerDriver, claim: Stored<'PersistentVolumeClaim'>): void {
  if (claim.spec?.volumeName || claim.metadata.deletionTimestamp || claim.status?.phase === 'Bound') return;
  const volumeName = `pvc-${claim.metadata.uid}`;
  if (ctx.txn.get('PersistentVolume', volumeName)) return; // already provisioned; the binder takes it from here
  const className = claimClass(claim);
  const sc = ctx.txn.get('StorageClass', className);
  if (!sc || sc.provisioner !== driver.name) return;
  const selectedNodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !selectedNodeName) return;
  const selectedNode = selectedNodeName ? ctx.txn.get('Node', selectedNodeName) : undefined;
  const who = provisionerIdentity(driver);
  const claimName = `${claim.metadata.namespace}/${claim.metadata.name}`;
  ctx.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimName}"`, who);
  const result = driver.provision({
    claim,
    storageClass: sc,
    ...(selectedNode ? { selectedNode } : {}),
    volumeName,
    randomHex: (n) => randomHex(ctx.txn.state, n),
  });
  if (!result.ok) {
    // The real library backs off and, for WaitForFirstConsumer, asks the scheduler to pick again;
    // the simulation keeps the claim where it is so that settling terminates, and says why.
    ctx.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": ${result.error}`, who);
    ctx.step(`external-provisioner ${driver.name} failed to provision a volume for claim ${claimName}`);
    return;
  }
  // The provisioner asks for its own finalizer; the API server's StorageObjectInUseProtection
  // admission appends kubernetes.io/pv-protection, as it does for any PV create.
  const created = createObject(ctx.txn, {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName,
      annotations: { ...result.annotations, [ANN_PROVISIONED_BY]: driver.name, ...(driver.csi ? { 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' } : {}) },
      ...(result.labels ? { labels: result.labels } : {}),
      ...(driver.csi ? { finalizers: ['external-provisioner.volume.kubernetes.io/finalizer'] } : {}),
    },
    spec: {
      accessModes: claim.spec?.accessModes,
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: className,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      ...(sc.mountOptions ? { mountOptions: sc.mountOptions } : {}),
      ...result.spec,
      claimRef: claimRefTo(claim),
    },
    status: { phase: 'Pending' },
  });
  if (!created.ok) {
    ctx.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": ${created.error.message}`, who);
    ctx.step(`external-provisioner ${driver.name} could not create volume ${volumeName} for claim ${claimName}`);
    return;
  }
  ctx.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName}`, who);
  ctx.step(`external-provisioner ${driver.name} provisioned volume ${volumeName}${driver.csi ? ' (CreateVolume)' : ''} for claim ${claimName}${selectedNodeName ? ` on node ${selectedNodeName}` : ''}`);
}
