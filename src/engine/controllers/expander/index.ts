// Volume expansion after an accepted resize (semantics reference §9.4). Two stages, each a step:
//   1. the CSI external-resizer grows the backing volume and the PV's capacity; the claim then
//      waits with condition FileSystemResizePending;
//   2. the kubelet of a node where a running pod mounts the claim grows the filesystem; only
//      then does the claim's status.capacity show the new size.
// Volumes with no resizer (hostPath, local-path, NFS, EFS) never grow: spec holds the new size
// and status.capacity stays where it was, as in a real cluster.
import type { PersistentVolumeClaimCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { compareQuantities, parseQuantity, roundUpToGiB, type Quantity } from '../../api/quantity.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { runningProvisioner } from '../../drivers/registry.ts';
import { podsUsingClaim } from '../queries.ts';

type PVC = Stored<'PersistentVolumeClaim'>;

export const FS_RESIZE_PENDING_MESSAGE = 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.';

export const expander: Controller = {
  name: 'volume-expander',
  source: 'volume_expand',
  sync(ctx) {
    for (const claim of ctx.txn.list('PersistentVolumeClaim')) {
      if (claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) continue;
      const request = quantity(claim.spec.resources?.requests?.['storage']);
      const capacity = quantity(claim.status.capacity?.['storage']);
      if (!request || !capacity || compareQuantities(request, capacity) <= 0) continue;
      const pending = claim.status.conditions?.some((c) => c.type === 'FileSystemResizePending');
      if (pending) expandFilesystem(ctx, claim);
      else expandVolume(ctx, claim, request);
    }
  },
};

function expandVolume(ctx: ControllerContext, claim: PVC, request: Quantity): void {
  const pv = ctx.txn.get('PersistentVolume', claim.spec!.volumeName!);
  const driverName = pv?.spec?.csi?.driver;
  const driver = runningProvisioner(ctx.txn, driverName);
  // Shared-file drivers have no size to grow; without a CSI resizer nothing expands.
  if (!pv || !driver || !driver.attachRequired) return;
  const newSize = roundUpToGiB(request);
  const who = `external-resizer ${driver.name}`;
  updateResource(ctx.txn, { ...pv, spec: { ...pv.spec, capacity: { ...pv.spec?.capacity, storage: newSize } } });
  const now = rfc3339(ctx.now);
  const condition: PersistentVolumeClaimCondition = { type: 'FileSystemResizePending', status: 'True', lastTransitionTime: now, message: FS_RESIZE_PENDING_MESSAGE };
  updateStatus(ctx.txn, {
    ...claim,
    status: {
      ...claim.status,
      allocatedResources: { storage: newSize },
      allocatedResourceStatuses: { storage: 'NodeResizePending' },
      conditions: [...(claim.status?.conditions ?? []).filter((c) => c.type !== 'Resizing'), condition],
    },
  });
  ctx.event(claim, 'Normal', 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`, who);
  ctx.event(claim, 'Normal', 'FileSystemResizeRequired', 'Require file system resize of volume on node', who);
  ctx.step(`volume-expander had ${driver.name} grow volume ${pv.metadata.name} to ${newSize}; the filesystem grows when a pod mounts it`);
}

function expandFilesystem(ctx: ControllerContext, claim: PVC): void {
  const user = podsUsingClaim(ctx.txn, claim).find((p) => p.spec?.nodeName && p.status?.phase === 'Running');
  if (!user) return; // FileSystemResizePending until a pod mounts it
  const pv = ctx.txn.get('PersistentVolume', claim.spec!.volumeName!);
  if (!pv) return;
  const { allocatedResourceStatuses: _done, ...status } = claim.status ?? {};
  updateStatus(ctx.txn, {
    ...claim,
    status: { ...status, capacity: { ...claim.status?.capacity, storage: pv.spec?.capacity?.['storage'] ?? '' }, conditions: (claim.status?.conditions ?? []).filter((c) => c.type !== 'FileSystemResizePending') },
  });
  const message = `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}" ${user.spec!.nodeName}`;
  ctx.event(claim, 'Normal', 'FileSystemResizeSuccessful', message, 'kubelet');
  ctx.event(user, 'Normal', 'FileSystemResizeSuccessful', message, 'kubelet');
  ctx.step(`volume-expander saw the kubelet on ${user.spec!.nodeName} grow the filesystem of volume ${pv.metadata.name}; claim ${claim.metadata.namespace}/${claim.metadata.name} now has ${pv.spec?.capacity?.['storage']}`);
}

function quantity(text: string | undefined): Quantity | undefined {
  if (!text) return undefined;
  const r = parseQuantity(text);
  return r.ok ? r.quantity : undefined;
}
