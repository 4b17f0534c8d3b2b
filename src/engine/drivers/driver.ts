// The one interface every storage provisioner implements. Adding a driver is adding a file
// and listing it in `registry.ts`.
import type { PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';

export interface ProvisionRequest {
  claim: Stored<'PersistentVolumeClaim'>;
  storageClass: Stored<'StorageClass'>;
  /** The node the scheduler picked (WaitForFirstConsumer), if any. */
  selectedNode?: Stored<'Node'>;
  /** `pvc-<claim uid>`. */
  volumeName: string;
  /** A deterministic id source for backend handles (`vol-0abc…`). */
  randomHex(length: number): string;
}

export type ProvisionResult =
  | {
      ok: true;
      /** The volume source, node affinity and capacity; the provisioner library fills in the rest. */
      spec: Pick<PersistentVolumeSpec, 'capacity' | 'nodeAffinity'> & Partial<PersistentVolumeSpec>;
      annotations?: Record<string, string>;
      labels?: Record<string, string>;
    }
  | { ok: false; error: string };

export interface ProvisionerDriver {
  /** The provisioner name a StorageClass names (`rancher.io/local-path`, `ebs.csi.aws.com`). */
  readonly name: string;
  /** Whether it is a CSI driver (installed by a CSIDriver object; gets the attach/stage/publish lifecycle). */
  readonly csi: boolean;
  /** Whether volumes must be attached to a node by the attach/detach controller (VolumeAttachment). */
  readonly attachRequired: boolean;
  /** What `kubectl get csidrivers` shows for it, when CSI. */
  readonly description: string;
  provision(req: ProvisionRequest): ProvisionResult;
}
