// syncClaim (pv_controller.go): level-triggered; runs for every claim on every pass.
//
// Design: binding is a two-way pointer (claim.spec.volumeName <-> volume.spec.claimRef) written
// volume-first. A claim is "bound" once it carries pv.kubernetes.io/bind-completed; before that
// it is unbound and we try, in order: the volume it names, a pre-bound or matching volume, the
// default class, waiting for a consumer, provisioning, and finally the FailedBinding event.
import type { Stored } from '../../api/objects.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimHasNoClass,
} from '../../api/storage.ts';
import { checkNamedVolume } from '../../api/volume-binding.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { ControllerContext } from '../../runtime/controller.ts';
import { defaultClass, isDelayBinding, isPodTerminated, podsUsingClaim, storageClassOf } from '../queries.ts';
import { bindClaimToVolume, bindVolumeToClaim, isVolumeBoundToClaim } from './bind.ts';
import { findBestMatch, type VolumeIndex } from './match.ts';
import { forgetDecision, recordDecision } from './record.ts';

type PVC = Stored<'PersistentVolumeClaim'>;
type PV = Stored<'PersistentVolume'>;

export const MSG_WAIT_FIRST_CONSUMER = 'waiting for first consumer to be created before binding';
export const MSG_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set';

export function syncClaim(ctx: ControllerContext, index: VolumeIndex, claim: PVC): void {
  if (claim.metadata.annotations?.[ANN_BIND_COMPLETED]) {
    forgetDecision(ctx.txn, claim);
    syncBoundClaim(ctx, claim);
  } else if (claim.spec?.volumeName) {
    syncPreBoundClaim(ctx, claim, claim.spec.volumeName);
  } else {
    syncUnboundClaim(ctx, index, claim);
  }
}

function syncBoundClaim(ctx: ControllerContext, claim: PVC): void {
  const name = claim.spec?.volumeName;
  if (!name) {
    // OBSERVATION: claim was bound, but someone removed spec.volumeName.
    setLost(ctx, claim, 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
    return;
  }
  const pv = ctx.txn.get('PersistentVolume', name);
  if (!pv) {
    setLost(ctx, claim, 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    return;
  }
  if (!pv.spec?.claimRef) {
    // OBSERVATION: the volume lost its claimRef (an admin patched it); re-bind it to this claim.
    bindVolumeToClaim(ctx.txn, pv, claim);
    ctx.step(`persistentvolume-binder re-bound volume ${name} to claim ${keyOf(claim)}`);
    return;
  }
  if (!isVolumeBoundToClaim(pv, claim)) {
    if (claim.status?.phase !== 'Lost') {
      updateStatus(ctx.txn, { ...claim, status: { ...claim.status, phase: 'Lost' } });
      ctx.event(claim, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
      ctx.step(`persistentvolume-binder marked claim ${keyOf(claim)} Lost: volume ${name} is bound to another claim`);
    }
    return;
  }
  const before = claim;
  bindVolumeToClaim(ctx.txn, pv, claim);
  bindClaimToVolume(ctx.txn, ctx.txn.get('PersistentVolumeClaim', keyOf(claim)) ?? before, ctx.txn.get('PersistentVolume', name) ?? pv);
  ctx.step(`persistentvolume-binder completed the binding of claim ${keyOf(claim)} to volume ${name}`);
}

function syncPreBoundClaim(ctx: ControllerContext, claim: PVC, volumeName: string): void {
  const pv = ctx.txn.get('PersistentVolume', volumeName);
  if (!pv) {
    // OBSERVATION: the named volume does not exist yet; no event, retry later.
    recordDecision(ctx.txn, claim, 'named-volume-missing');
    return;
  }
  if (!pv.spec?.claimRef) {
    const verdict = checkNamedVolume(pv, claim);
    if (!verdict.ok) {
      recordDecision(ctx.txn, claim, 'named-volume');
      ctx.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${verdict.message ?? verdict.reason}`);
      ctx.step(`persistentvolume-binder cannot bind claim ${keyOf(claim)} to the volume it names`);
      return;
    }
    bind(ctx, pv, claim);
    return;
  }
  if (isVolumeBoundToClaim(pv, claim)) {
    bind(ctx, pv, claim);
    return;
  }
  recordDecision(ctx.txn, claim, 'named-volume');
  ctx.event(claim, 'Warning', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`);
  ctx.step(`persistentvolume-binder cannot bind claim ${keyOf(claim)}: volume ${volumeName} is bound to another claim`);
}

function syncUnboundClaim(ctx: ControllerContext, index: VolumeIndex, claim: PVC): void {
  if (claim.metadata.deletionTimestamp) {
    forgetDecision(ctx.txn, claim);
    return;
  }
  const className = claimClass(claim);
  const delayBinding = isDelayBinding(ctx.txn, className);
  const pv = findBestMatch(index, claim, delayBinding);
  if (pv) {
    bind(ctx, ctx.txn.get('PersistentVolume', pv.metadata.name) ?? pv, claim);
    return;
  }
  // OBSERVATION: no volume fits; the claim stays Pending.
  if (claimHasNoClass(claim)) {
    const def = defaultClass(ctx.txn);
    if (def) {
      recordDecision(ctx.txn, claim, 'default-class');
      updateResource(ctx.txn, { ...claim, spec: { ...claim.spec, storageClassName: def.metadata.name } });
      ctx.step(`persistentvolume-binder assigned the default StorageClass "${def.metadata.name}" to claim ${keyOf(claim)}`);
      return;
    }
  }
  if (delayBinding && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
    recordDecision(ctx.txn, claim, 'wait-for-first-consumer');
    const waiting = podsUsingClaim(ctx.txn, claim).filter((p) => !p.spec?.nodeName && !isPodTerminated(p) && !p.metadata.deletionTimestamp);
    if (waiting.length === 0) {
      ctx.event(claim, 'Normal', 'WaitForFirstConsumer', MSG_WAIT_FIRST_CONSUMER);
    } else {
      const names = waiting.map((p) => p.metadata.name).join(',');
      ctx.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for ${waiting.length === 1 ? 'pod' : 'pods'} ${names} to be scheduled`);
    }
    ctx.step(`persistentvolume-binder waits for a pod using claim ${keyOf(claim)} to be scheduled before binding or provisioning a volume`);
    return;
  }
  if (className !== '') {
    provisionClaim(ctx, claim, className);
    return;
  }
  recordDecision(ctx.txn, claim, 'no-class');
  ctx.event(claim, 'Normal', 'FailedBinding', MSG_NO_CLASS);
  ctx.step(`persistentvolume-binder found no volume for claim ${keyOf(claim)}, and the claim has no StorageClass to provision one`);
}

/** The PV controller's half of dynamic provisioning: find the provisioner and hand the claim to it. */
function provisionClaim(ctx: ControllerContext, claim: PVC, className: string): void {
  const sc = storageClassOf(ctx.txn, className);
  if (!sc) {
    recordDecision(ctx.txn, claim, 'class-not-found');
    ctx.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
    ctx.step(`persistentvolume-binder cannot provision claim ${keyOf(claim)}: StorageClass "${className}" does not exist`);
    return;
  }
  const provisioner = sc.provisioner;
  if (provisioner.startsWith('kubernetes.io/')) {
    // No in-tree provisioning plugins remain in v1.34; kubernetes.io/no-provisioner is for static local volumes.
    recordDecision(ctx.txn, claim, 'no-plugin');
    ctx.event(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
    ctx.step(`persistentvolume-binder cannot provision claim ${keyOf(claim)}: no volume plugin serves ${provisioner}`);
    return;
  }
  const annotations = claim.metadata.annotations ?? {};
  let handed = claim;
  if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner || annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const r = updateResource(ctx.txn, {
      ...claim,
      metadata: { ...claim.metadata, annotations: { ...annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner } },
    });
    if (r.ok && r.object) handed = r.object;
  }
  // Recorded against the claim as written, so the next pass finds the record current.
  recordDecision(ctx.txn, handed, 'provisioning');
  ctx.event(
    claim,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  );
  ctx.step(`persistentvolume-binder handed claim ${keyOf(claim)} to the external provisioner ${provisioner}`);
}

function bind(ctx: ControllerContext, pv: PV, claim: PVC): void {
  forgetDecision(ctx.txn, claim);
  const volume = bindVolumeToClaim(ctx.txn, pv, claim);
  const latest = ctx.txn.get('PersistentVolumeClaim', keyOf(claim)) ?? claim;
  bindClaimToVolume(ctx.txn, latest, volume);
  ctx.step(`persistentvolume-binder bound claim ${keyOf(claim)} to volume ${pv.metadata.name}`);
}

function setLost(ctx: ControllerContext, claim: PVC, message: string): void {
  if (claim.status?.phase === 'Lost') return;
  updateStatus(ctx.txn, { ...claim, status: { ...claim.status, phase: 'Lost' } });
  ctx.event(claim, 'Warning', 'ClaimLost', message);
  ctx.step(`persistentvolume-binder marked claim ${keyOf(claim)} Lost`);
}

function keyOf(claim: PVC): string {
  return `${claim.metadata.namespace}/${claim.metadata.name}`;
}
