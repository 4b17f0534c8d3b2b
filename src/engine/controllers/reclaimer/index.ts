// What happens to a Released volume (reclaimVolume): Retain keeps it (and its data) until an
// admin acts; Delete asks the provisioner that made it to delete it; Recycle scrubs it and makes
// it Available again.
import type { Stored } from '../../api/objects.ts';
import { ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY, LABEL_HOSTNAME } from '../../api/storage.ts';
import { entryAt, removeAll, setEntry, treeOf } from '../../fs/tree.ts';
import { runningProvisioner } from '../../drivers/registry.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { getOwn, setOwn } from '../../../lib/own.ts';

type PV = Stored<'PersistentVolume'>;

export const reclaimer: Controller = {
  name: 'persistentvolume-reclaimer',
  source: 'persistentvolume-controller',
  sync(ctx) {
    for (const pv of ctx.txn.list('PersistentVolume')) {
      if (pv.status?.phase !== 'Released') continue;
      const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
      if (policy === 'Delete') deleteVolume(ctx, pv);
      else if (policy === 'Recycle') recycleVolume(ctx, pv);
      else if (policy !== 'Retain') fail(ctx, pv, 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy');
    }
  },
};

function deleteVolume(ctx: ControllerContext, pv: PV): void {
  const provisioner = pv.metadata.annotations?.[ANN_PROVISIONED_BY];
  const driver = runningProvisioner(ctx.txn, provisioner);
  if (driver) {
    eraseData(ctx, pv);
    ctx.txn.remove('PersistentVolume', pv.metadata.name);
    ctx.step(`persistentvolume-reclaimer had ${driver.name} delete volume ${pv.metadata.name} and its storage (reclaim policy Delete)`);
    return;
  }
  if (provisioner) return; // its provisioner is not running: the volume waits, Released, as in a real cluster.
  if (pv.spec?.hostPath) {
    const path = pv.spec.hostPath.path;
    if (/^\/tmp\/.+/.test(path)) {
      eraseData(ctx, pv);
      ctx.txn.remove('PersistentVolume', pv.metadata.name);
      ctx.step(`persistentvolume-reclaimer deleted hostPath volume ${pv.metadata.name} (${path})`);
    } else {
      fail(ctx, pv, 'VolumeFailedDelete', `host_path deleter only supports /tmp/.+ but received provided ${path}`);
    }
    return;
  }
  fail(ctx, pv, 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`);
}

function recycleVolume(ctx: ControllerContext, pv: PV): void {
  if (!pv.spec?.hostPath && !pv.spec?.nfs) {
    fail(ctx, pv, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
    return;
  }
  scrubData(ctx, pv);
  const preBoundByUser = !pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER];
  const { claimRef, ...spec } = pv.spec;
  const { [ANN_BOUND_BY_CONTROLLER]: _a, ...annotations } = pv.metadata.annotations ?? {};
  // unbindVolume: the claimRef goes in an update of the volume, the phase in one of its status.
  const r = updateResource(ctx.txn, {
    ...pv,
    metadata: { ...pv.metadata, annotations },
    // A volume the user pre-bound stays reserved for that claim name; only the old uid goes.
    spec: preBoundByUser && claimRef ? { ...spec, claimRef: { ...claimRef, uid: undefined, resourceVersion: undefined } } : spec,
  });
  if (r.ok && r.object) updateStatus(ctx.txn, { ...r.object, status: { ...r.object.status, phase: 'Available' } });
  ctx.event(pv, 'Normal', 'VolumeRecycled', 'Volume recycled');
  ctx.step(`persistentvolume-reclaimer recycled volume ${pv.metadata.name}: scrubbed and Available again`);
}

function fail(ctx: ControllerContext, pv: PV, reason: string, message: string): void {
  updateStatus(ctx.txn, { ...pv, status: { ...pv.status, phase: 'Failed', message } });
  ctx.event(pv, 'Warning', reason, message);
  ctx.step(`persistentvolume-reclaimer marked volume ${pv.metadata.name} Failed: ${message}`);
}

/** The nodes whose filesystem holds a hostPath/local volume: those its node affinity names, else every node. */
function nodesHolding(ctx: ControllerContext, pv: PV): string[] {
  const names = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms.flatMap((t) => t.matchExpressions?.filter((e) => e.key === LABEL_HOSTNAME).flatMap((e) => e.values ?? []) ?? []) ?? [];
  return names.length ? names : Object.keys(ctx.txn.state.nodeFiles);
}

/** Delete: the backing storage goes (the CSI volume's data, or the directory on the node). */
function eraseData(ctx: ControllerContext, pv: PV): void {
  delete ctx.txn.state.volumeData[`pv/${pv.metadata.name}`];
  const path = pv.spec?.hostPath?.path ?? pv.spec?.local?.path;
  if (!path) return;
  for (const node of nodesHolding(ctx, pv)) {
    const tree = getOwn(ctx.txn.state.nodeFiles, node);
    if (tree) setOwn(ctx.txn.state.nodeFiles, node, removeAll(tree, path));
  }
}

/** Recycle: `rm -rf` of the volume's contents; the volume itself stays. */
function scrubData(ctx: ControllerContext, pv: PV): void {
  if (ctx.txn.state.volumeData[`pv/${pv.metadata.name}`]) ctx.txn.state.volumeData[`pv/${pv.metadata.name}`] = treeOf({ '/': { type: 'Directory', mode: 0o777 } });
  const path = pv.spec?.hostPath?.path;
  if (!path) return;
  for (const node of nodesHolding(ctx, pv)) {
    const tree = getOwn(ctx.txn.state.nodeFiles, node);
    const top = tree && entryAt(tree, path);
    if (!top) continue;
    setOwn(ctx.txn.state.nodeFiles, node, setEntry(removeAll(tree, path), path, top));
  }
}
