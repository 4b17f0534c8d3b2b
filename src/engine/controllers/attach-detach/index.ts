// attachdetach-controller and the CSI external-attacher: the ControllerPublish stage of the CSI
// lifecycle, visible as VolumeAttachment objects.
//
// Design: for every scheduled pod that mounts a claim bound to an attachable CSI volume (EBS, PD,
// Azure Disk), the volume must be attached to the pod's node. The attach/detach controller owns
// the desired set and creates or deletes VolumeAttachments; the driver's external-attacher
// attaches (status.attached, ControllerPublishVolume) and detaches (ControllerUnpublishVolume,
// then drops its finalizer). A read-write-once volume attached to one node cannot be attached to
// another: that is the only place RWO is enforced across nodes (semantics reference §6).
// A pod on a node that went silent keeps its volume attached there: while the pod object exists
// (Terminating, with no kubelet to finish it) the volume is still wanted on that node, and once
// it is gone the volume is still mounted, which holds the detach for 6 minutes.
import type { Stored } from '../../api/objects.ts';
import type { Txn } from '../../cluster/store.ts';
import { knownDriver, runningProvisioner } from '../../drivers/registry.ts';
import { digestHex } from '../../runtime/ids.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { isPoweredOff } from '../../cluster/power.ts';
import { isOutOfService } from '../pod-gc/index.ts';
import { hasOwn, setOwn } from '../../../lib/own.ts';
import { podVolumeClaimName } from '../../api/storage.ts';

/** The reconciler's maxWaitForUnmountDuration: how long a still-mounted volume is left before a force detach. */
export const MAX_WAIT_FOR_UNMOUNT_MS = 6 * 60 * 1000;

type PV = Stored<'PersistentVolume'>;
type Pod = Stored<'Pod'>;

/** `csi-<sha256(volume handle, attacher, node)>`, as the attach/detach controller names them. */
export function attachmentName(pv: PV, nodeName: string): string {
  return `csi-${digestHex(`${pv.spec?.csi?.volumeHandle ?? pv.metadata.name}${pv.spec?.csi?.driver}${nodeName}`)}`;
}

export function attacherFinalizer(driver: string): string {
  return `external-attacher/${driver.replace(/\./g, '-')}`;
}

/** The attachable CSI volume behind a pod volume, if any. */
export function attachableVolume(txn: Pick<Txn, 'get'>, namespace: string, claimName: string | undefined): PV | undefined {
  if (!claimName) return undefined;
  const claim = txn.get('PersistentVolumeClaim', `${namespace}/${claimName}`);
  const pv = claim?.spec?.volumeName ? txn.get('PersistentVolume', claim.spec.volumeName) : undefined;
  return pv?.spec?.csi && knownDriver(pv.spec.csi.driver)?.attachRequired ? pv : undefined;
}

export const attachDetach: Controller = {
  name: 'attachdetach-controller',
  source: 'attachdetach-controller',
  sync(ctx) {
    const desired = new Map<string, { pv: PV; node: string; pods: Pod[] }>();
    for (const pod of ctx.txn.list('Pod')) {
      const node = pod.spec?.nodeName;
      if (!node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      for (const v of pod.spec?.volumes ?? []) {
        const pv = attachableVolume(ctx.txn, pod.metadata.namespace!, podVolumeClaimName(pod, v));
        if (!pv) continue;
        const name = attachmentName(pv, node);
        const entry = desired.get(name) ?? { pv, node, pods: [] };
        entry.pods.push(pod);
        desired.set(name, entry);
      }
    }
    for (const [name, want] of desired) attach(ctx, name, want);
    detachUnwanted(ctx, desired);
  },
  // maxWaitForUnmountDuration running out for a volume still mounted on a silent node.
  wakeTimes(view) {
    return Object.values(view.state.detachRequestedAt ?? {}).map((since) => since + MAX_WAIT_FOR_UNMOUNT_MS + 1);
  },
};

/**
 * The reconciler's detach half. A volume its node's kubelet has not unmounted (the machine is
 * off, so it never will) is not detached at once: the controller waits maxWaitForUnmountDuration
 * from the first detach request, then force-detaches, but only from a node that is not Ready.
 */
function detachUnwanted(ctx: ControllerContext, desired: ReadonlyMap<string, unknown>): void {
  const requests = { ...ctx.txn.state.detachRequestedAt };
  for (const va of ctx.txn.list('VolumeAttachment')) {
    const name = va.metadata.name;
    if (desired.has(name) || va.metadata.deletionTimestamp) {
      delete requests[name];
      continue;
    }
    const node = va.spec.nodeName;
    const pvName = va.spec.source.persistentVolumeName;
    let forced = false;
    // The out-of-service taint says the machine is off for sure: no need to wait for an unmount.
    if (isPoweredOff(ctx.txn.state, node) && !isOutOfService(ctx.txn.get('Node', node))) {
      if (!hasOwn(requests, name)) setOwn(requests, name, ctx.now);
      const since = requests[name]!;
      const ready = ctx.txn.get('Node', node)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      if (ctx.now - since <= MAX_WAIT_FOR_UNMOUNT_MS || ready) continue; // still mounted there: wait
      forced = true;
    }
    delete requests[name];
    ctx.txn.delete('VolumeAttachment', name);
    ctx.step(
      forced
        ? `attachdetach-controller force-detaching volume ${pvName} from node ${node}: it is still mounted there, but maxWaitForUnmountDuration 6m0s has expired and the node is not Ready`
        : isOutOfService(ctx.txn.get('Node', node)) && isPoweredOff(ctx.txn.state, node)
          ? `attachdetach-controller asked to detach volume ${pvName} from node ${node} at once: the node is tainted node.kubernetes.io/out-of-service`
          : `attachdetach-controller asked to detach volume ${pvName} from node ${node}: no pod there uses it`,
    );
  }
  const live = new Set(ctx.txn.list('VolumeAttachment').map((va) => va.metadata.name));
  for (const name of Object.keys(requests)) if (!live.has(name)) delete requests[name];
  if (JSON.stringify(requests) === JSON.stringify(ctx.txn.state.detachRequestedAt ?? {})) return;
  if (Object.keys(requests).length > 0) ctx.txn.state.detachRequestedAt = requests;
  else delete ctx.txn.state.detachRequestedAt;
}

function attach(ctx: ControllerContext, name: string, want: { pv: PV; node: string; pods: Pod[] }): void {
  if (ctx.txn.get('VolumeAttachment', name)) return;
  const driver = want.pv.spec!.csi!.driver;
  const single = !(want.pv.spec?.accessModes ?? []).some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
  const elsewhere = ctx.txn.list('VolumeAttachment').filter((va) => va.spec.source.persistentVolumeName === want.pv.metadata.name && va.spec.nodeName !== want.node);
  if (single && elsewhere.length > 0) {
    const holders = ctx.txn
      .list('Pod')
      .filter((p) => elsewhere.some((va) => va.spec.nodeName === p.spec?.nodeName) && (p.spec?.volumes ?? []).some((v) => attachableVolume(ctx.txn, p.metadata.namespace!, podVolumeClaimName(p, v))?.metadata.name === want.pv.metadata.name));
    const sameNamespace = holders.every((p) => p.metadata.namespace === want.pods[0]!.metadata.namespace);
    const used = sameNamespace ? `Volume is already used by pod(s) ${holders.map((p) => p.metadata.name).join(', ')}` : `Volume is already used by ${holders.length} pod(s) in different namespaces`;
    for (const pod of want.pods) ctx.event(pod, 'Warning', 'FailedAttachVolume', `Multi-Attach error for volume "${want.pv.metadata.name}" ${used}`);
    ctx.step(`attachdetach-controller cannot attach volume ${want.pv.metadata.name} to node ${want.node}: it is read-write-once and attached to node ${elsewhere[0]!.spec.nodeName}`);
    return;
  }
  ctx.txn.create<'VolumeAttachment'>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'VolumeAttachment',
    metadata: { name },
    spec: { attacher: driver, nodeName: want.node, source: { persistentVolumeName: want.pv.metadata.name } },
    status: { attached: false },
  });
  ctx.step(`attachdetach-controller created VolumeAttachment ${name.slice(0, 16)}… to attach volume ${want.pv.metadata.name} to node ${want.node}`);
}

/** The drivers' external-attacher sidecars: ControllerPublishVolume / ControllerUnpublishVolume. */
export const csiAttacher: Controller = {
  name: 'external-attacher',
  source: 'external-attacher',
  sync(ctx) {
    for (const va of ctx.txn.list('VolumeAttachment')) {
      const driver = runningProvisioner(ctx.txn, va.spec.attacher);
      if (!driver) continue;
      const finalizer = attacherFinalizer(driver.name);
      const pvName = va.spec.source.persistentVolumeName;
      if (va.metadata.deletionTimestamp) {
        updateResource(ctx.txn, { ...va, metadata: { ...va.metadata, finalizers: (va.metadata.finalizers ?? []).filter((f) => f !== finalizer) } });
        ctx.step(`external-attacher ${driver.name} detached volume ${pvName} from node ${va.spec.nodeName} (ControllerUnpublishVolume)`);
        continue;
      }
      if (va.status?.attached) continue;
      // The attacher puts its finalizer on first (an update), then reports the attachment (a status write).
      const held = updateResource(ctx.txn, { ...va, metadata: { ...va.metadata, finalizers: [...(va.metadata.finalizers ?? []).filter((f) => f !== finalizer), finalizer] } });
      if (!held.ok || !held.object) continue;
      updateStatus(ctx.txn, { ...held.object, status: { attached: true, attachmentMetadata: { devicePath: '/dev/nvme1n1' } } });
      for (const pod of ctx.txn.list('Pod').filter((p) => p.spec?.nodeName === va.spec.nodeName)) {
        const uses = (pod.spec?.volumes ?? []).some((v) => attachableVolume(ctx.txn, pod.metadata.namespace!, podVolumeClaimName(pod, v))?.metadata.name === pvName);
        if (uses) ctx.event(pod, 'Normal', 'SuccessfulAttachVolume', `AttachVolume.Attach succeeded for volume "${pvName}" `, 'attachdetach-controller');
      }
      ctx.step(`external-attacher ${driver.name} attached volume ${pvName} to node ${va.spec.nodeName} (ControllerPublishVolume)`);
    }
  },
};
