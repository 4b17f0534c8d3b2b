// Why is this claim Pending? Every candidate volume with the first binding condition it fails,
// and what the claim is waiting for (a consumer, a provisioner, a class), with the fix. Both come
// from the decision the PV binder recorded on its last pass (state.binding), never from asking the
// binding rule again, so the explanation is what the controller saw, at any point of the timeline.
import type { Stored } from '../api/objects.ts';
import { compareQuantities, formatQuantity, parseQuantity } from '../api/quantity.ts';
import { accessModesString, claimClass, claimHasNoClass } from '../api/storage.ts';
import type { ClusterView } from '../index.ts';
import { requestOf } from '../api/volume-binding.ts';
import { defaultClass, isPodTerminated, podsUsingClaim } from '../controllers/queries.ts';
import { knownDriver, runningProvisioner } from '../drivers/registry.ts';
import type { Explanation, ExplanationSection } from './types.ts';

type PVC = Stored<'PersistentVolumeClaim'>;

export function explainClaim(view: ClusterView, claim: PVC): Explanation {
  const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
  const subject = `PersistentVolumeClaim ${key}`;
  const phase = claim.metadata.deletionTimestamp ? 'Terminating' : claim.status?.phase ?? 'Pending';
  if (claim.metadata.deletionTimestamp) {
    const users = podsUsingClaim(view, claim).filter((p) => p.spec?.nodeName).map((p) => p.metadata.name);
    return {
      subject,
      status: phase,
      headline: users.length
        ? `It was deleted, but the kubernetes.io/pvc-protection finalizer keeps it while pods on nodes still use it: ${users.join(', ')}.`
        : 'It was deleted and is about to go: no pod uses it any more.',
      sections: [],
      fixes: users.length ? [`delete the pods that use it (${users.join(', ')}); the claim then goes away`] : [],
    };
  }
  if (claim.status?.phase === 'Bound') {
    const pv = view.get('PersistentVolume', claim.spec?.volumeName ?? '');
    const resize = explainResize(view, claim);
    if (resize) return { subject, status: phase, ...resize, sections: [] };
    return {
      subject,
      status: phase,
      headline: `It is bound to volume ${claim.spec?.volumeName}${pv ? ` (${pv.spec?.capacity?.['storage']}, ${accessModesString(pv.spec?.accessModes)}, reclaim policy ${pv.spec?.persistentVolumeReclaimPolicy})` : ''}. Its CAPACITY is the volume's, not the ${formatQuantity(requestOf(claim))} it asked for.${pv ? ` ${accessModeEnforcement(pv)}` : ''}`,
      sections: [],
      fixes: [],
    };
  }
  if (claim.status?.phase === 'Lost') {
    return { subject, status: phase, headline: `Its volume ${claim.spec?.volumeName ?? ''} is gone or bound to another claim; the data on it is lost.`, sections: [], fixes: ['delete the claim and create a new one'] };
  }
  return explainPending(view, claim, subject);
}

function explainPending(view: ClusterView, claim: PVC, subject: string): Explanation {
  const record = view.state.binding?.[`${claim.metadata.namespace}/${claim.metadata.name}`];
  if (!record) {
    return { subject, status: 'Pending', headline: 'It was just created: the PersistentVolume controller has not looked at it yet, and does on its next pass.', sections: [], fixes: [] };
  }
  const className = claimClass(claim);
  const sc = className ? view.get('StorageClass', className) : undefined;
  const section: ExplanationSection = { title: 'Volumes', rows: record.volumes.map((v) => ({ name: v.name, verdict: v.failed === null ? 'would bind' : `no: ${v.failed}` })) };
  const bindable = record.volumes.some((v) => v.failed === null);
  if (record.volumes.length === 0) section.rows.push({ name: '(none)', verdict: 'there are no PersistentVolumes in the cluster' });
  const sections = [section];
  const want = `${formatQuantity(requestOf(claim))} or more, ${accessModesString(claim.spec?.accessModes)}, ${claim.spec?.volumeMode ?? 'Filesystem'}, class ${className ? `"${className}"` : '""'}`;

  if ((record.decision === 'named-volume' || record.decision === 'named-volume-missing') && claim.spec?.volumeName) {
    const named = record.decision === 'named-volume';
    return {
      subject,
      status: 'Pending',
      headline: named
        ? `It names volume ${claim.spec.volumeName} in spec.volumeName, and can bind only that one.`
        : `It names volume ${claim.spec.volumeName} in spec.volumeName, which does not exist yet; it waits for it without an event.`,
      sections,
      fixes: named ? ['make the named volume satisfy the claim (size, class, access modes, volume mode), or recreate the claim without volumeName'] : [`create PersistentVolume ${claim.spec.volumeName}`],
    };
  }
  if (record.decision === 'wait-for-first-consumer') {
    const pods = podsUsingClaim(view, claim).filter((p) => !isPodTerminated(p));
    const waiting = pods.filter((p) => !p.spec?.nodeName);
    return {
      subject,
      status: 'Pending',
      headline:
        pods.length === 0
          ? `Its class "${className}" uses volumeBindingMode WaitForFirstConsumer: nothing is bound or provisioned until a pod that uses the claim is scheduled, so the volume can be made where the pod runs. This is normal.`
          : waiting.length > 0
            ? `Its class "${className}" waits for the first consumer, and pod ${waiting.map((p) => p.metadata.name).join(', ')} using it is not scheduled yet.`
            : `Its class "${className}" waits for the first consumer; the pod using it was given a node directly (spec.nodeName), so the scheduler never picks one and the claim never binds.`,
      sections,
      fixes:
        pods.length === 0
          ? ['create a pod that mounts the claim']
          : waiting.length > 0
            ? waiting.map((p) => `see why pod ${p.metadata.name} is not scheduled: kubesim explain pod/${p.metadata.name}`)
            : ['remove spec.nodeName from the pod and use a nodeSelector instead'],
    };
  }
  if (bindable) {
    return { subject, status: 'Pending', headline: 'A volume satisfies it; the binder binds it on its next pass.', sections, fixes: [] };
  }
  if (claimHasNoClass(claim)) {
    const def = defaultClass(view);
    return {
      subject,
      status: 'Pending',
      headline: `No volume satisfies it (${want}), and it names no StorageClass${def ? '' : ' and the cluster has no default class'}, so nothing can be provisioned.`,
      sections,
      fixes: [`create a PersistentVolume with ${want}`, 'or mark a StorageClass as the default (annotation storageclass.kubernetes.io/is-default-class: "true"): the claim then gets it'],
    };
  }
  if (className === '') {
    return {
      subject,
      status: 'Pending',
      headline: `No volume satisfies it (${want}). Its storageClassName is "", which opts out of dynamic provisioning, so only a matching static volume can bind it.`,
      sections,
      fixes: [`create a PersistentVolume with ${want}`, 'or recreate the claim with a storageClassName whose provisioner runs in this cluster'],
    };
  }
  if (record.decision === 'class-not-found' || !sc) {
    return {
      subject,
      status: 'Pending',
      headline: `No volume satisfies it, and its StorageClass "${className}" does not exist (ProvisioningFailed: storageclass.storage.k8s.io "${className}" not found).`,
      sections,
      fixes: [`create StorageClass "${className}"`, `or create a PersistentVolume with ${want}`],
    };
  }
  // The binder knows whether the class names an in-tree plugin; whether an external provisioner runs is the driver's side.
  const driver = record.decision === 'provisioning' ? runningProvisioner(view, sc.provisioner) : undefined;
  if (!driver) {
    const builtIn = record.decision === 'no-plugin';
    return {
      subject,
      status: 'Pending',
      headline: builtIn
        ? `Its class "${className}" names ${sc.provisioner}, which provisions nothing${sc.provisioner === 'kubernetes.io/no-provisioner' ? ' (it is for statically created local volumes)' : ''}, and no existing volume satisfies it.`
        : `Its class "${className}" is served by ${sc.provisioner}, which is not running in this cluster, so the claim waits (ExternalProvisioning) forever.`,
      sections,
      fixes: builtIn
        ? [`create a PersistentVolume with ${want}`]
        : [`install the ${sc.provisioner} driver (apply its CSIDriver object)`, 'or use a class whose provisioner runs here (kubectl get sc)', `or create a PersistentVolume with ${want}`],
    };
  }
  const failed = view.list('Event').filter((e) => e.involvedObject.uid === claim.metadata.uid && e.reason === 'ProvisioningFailed').at(-1);
  return {
    subject,
    status: 'Pending',
    headline: failed
      ? `${driver.name} tried to provision a volume and failed: ${failed.message}`
      : `${driver.name} is provisioning a volume for it.`,
    sections,
    fixes: failed ? ['change the claim (for example its access modes) or the class so the driver can serve it; claims cannot be edited, so delete and recreate it'] : [],
  };
}

/** A bound claim asking for more than it has: an expansion in progress, or one that cannot happen. */
function explainResize(view: ClusterView, claim: PVC): { headline: string; fixes: string[] } | undefined {
  const want = claim.spec?.resources?.requests?.['storage'];
  const have = claim.status?.capacity?.['storage'];
  if (!want || !have) return undefined;
  const w = parseQuantity(want);
  const h = parseQuantity(have);
  if (!w.ok || !h.ok || compareQuantities(w.quantity, h.quantity) <= 0) return undefined;
  if (claim.status?.conditions?.some((c) => c.type === 'FileSystemResizePending')) {
    return {
      headline: `It asks for ${want}; the volume has grown, and the filesystem grows when a pod mounts the claim (condition FileSystemResizePending). Until then its capacity stays ${have}.`,
      fixes: ['start (or restart) a pod that mounts the claim'],
    };
  }
  const pv = view.get('PersistentVolume', claim.spec?.volumeName ?? '');
  return {
    headline: `It asks for ${want} but has ${have}: its volume${pv?.spec?.csi ? ` (${pv.spec.csi.driver})` : pv?.spec?.hostPath ? ' (a hostPath directory)' : ''} has no resizer, so it never grows. Kubernetes never creates a new volume to satisfy a resize.`,
    fixes: ['copy the data to a new, larger claim'],
  };
}

/** Where Kubernetes enforces the volume's access modes, and where it does not (semantics reference §6). */
function accessModeEnforcement(pv: Stored<'PersistentVolume'>): string {
  const modes = pv.spec?.accessModes ?? [];
  if (modes.includes('ReadWriteOncePod')) return 'ReadWriteOncePod is enforced by the scheduler: a second pod using the claim stays Pending.';
  if (modes.length > 0 && modes.every((m) => m === 'ReadOnlyMany')) {
    return 'ReadOnlyMany does not make the mount read-only: Kubernetes uses access modes to pick a volume, not to protect it (KK #37060); set readOnly: true on the pod\'s volume for that.';
  }
  if (!modes.includes('ReadWriteOnce') || modes.includes('ReadWriteMany')) return 'Access modes do not make a mount read-only; only readOnly in the pod does.';
  const attachable = !!pv.spec?.csi && knownDriver(pv.spec.csi.driver)?.attachRequired;
  return attachable
    ? 'ReadWriteOnce is enforced when the volume is attached: a pod on a second node gets a Multi-Attach error.'
    : 'ReadWriteOnce is not enforced for this volume: it is never attached, so pods on several nodes could mount it at once.';
}
