// ephemeral-volume-controller (pkg/controller/volume/ephemeral): for each generic ephemeral
// volume of a pod it creates the claim `<pod>-<volume>` from the volume's claim template, owned by
// the pod, so the claim is provisioned like any other and goes away with the pod (the garbage
// collector deletes what a pod owns). The claim goes through the API server's write door, so the
// default StorageClass and the protection finalizer apply to it as to a learner's claim.
import type { Stored } from '../../api/objects.ts';
import { podVolumeClaimName } from '../../api/storage.ts';
import { createObject } from '../../cluster/apply.ts';
import type { Controller } from '../../runtime/controller.ts';

export const ephemeralVolumeController: Controller = {
  name: 'ephemeral-volume-controller',
  source: 'ephemeral-volume-controller',
  sync(ctx) {
    for (const pod of ctx.txn.list('Pod')) {
      if (pod.metadata.deletionTimestamp) continue;
      for (const volume of pod.spec?.volumes ?? []) {
        const template = volume.ephemeral?.volumeClaimTemplate;
        if (!template) continue;
        const ns = pod.metadata.namespace!;
        const name = podVolumeClaimName(pod, volume)!;
        if (ctx.txn.get('PersistentVolumeClaim', `${ns}/${name}`)) continue;
        const created = createObject(ctx.txn, {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: {
            ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
            ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
            name,
            namespace: ns,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          spec: template.spec,
        } as Stored<'PersistentVolumeClaim'>);
        if (!created.ok) {
          ctx.event(pod, 'Warning', 'FailedBinding', `ephemeral volume ${volume.name}: create PVC ${name}: ${created.error.message}`);
          ctx.step(`ephemeral-volume-controller could not create claim ${ns}/${name} for pod ${pod.metadata.name}`);
          continue;
        }
        ctx.step(`ephemeral-volume-controller created claim ${ns}/${name} for pod ${pod.metadata.name}'s volume ${volume.name}`);
      }
    }
  },
};
