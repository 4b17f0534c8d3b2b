// Every provisioner the engine knows, and which of them are running in a given cluster:
// local-path when its add-on is present (KIND presets), a CSI driver when its CSIDriver object exists.
import type { Txn } from '../cluster/store.ts';
import { awsEbs } from './aws-ebs.ts';
import { awsEfs } from './aws-efs.ts';
import { azureDisk } from './azure-disk.ts';
import { azureFile } from './azure-file.ts';
import { gcePd } from './gce-pd.ts';
import { nfs } from './nfs.ts';
import type { ProvisionerDriver } from './driver.ts';
import { LOCAL_PATH_ADDON, localPath } from './local-path.ts';

export const KNOWN_DRIVERS: readonly ProvisionerDriver[] = [localPath, awsEbs, gcePd, azureDisk, awsEfs, azureFile, nfs];

export function knownDriver(name: string | undefined): ProvisionerDriver | undefined {
  return KNOWN_DRIVERS.find((d) => d.name === name);
}

/** The provisioner serving `name` in this cluster right now, if one is running. */
export function runningProvisioner(txn: Pick<Txn, 'state' | 'get'>, name: string | undefined): ProvisionerDriver | undefined {
  const driver = knownDriver(name);
  if (!driver) return undefined;
  if (driver === localPath) return txn.state.addons.includes(LOCAL_PATH_ADDON) ? driver : undefined;
  return txn.get('CSIDriver', driver.name) ? driver : undefined;
}
