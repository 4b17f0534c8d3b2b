// Golden output: describe pod (Volumes, Events), describe pv, describe pvc and get events for
// objects the engine made, compared byte for byte with files checked by eye against kubectl.
// After an intended change, regenerate with:
//   npx kubesim run src/commands/kubectl/golden/volumes-and-events.sh --quiet > src/commands/kubectl/golden/volumes-and-events.expected.txt 2>&1
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

const DIR = 'src/commands/kubectl/golden';

describe('golden kubectl output', () => {
  const r = runScript(readFileSync(`${DIR}/volumes-and-events.sh`, 'utf8'), { preset: 'kind', quiet: true, files: { read: () => undefined } });
  const expected = readFileSync(`${DIR}/volumes-and-events.expected.txt`, 'utf8');

  it('matches the golden file exactly', () => {
    expect(r.stdout + r.stderr).toBe(expected);
  });

  it('describes every volume type in the Volumes section', () => {
    for (const type of ['PersistentVolumeClaim (a reference', 'ConfigMap (a volume populated by a ConfigMap)', 'Secret (a volume populated by a Secret)', 'EmptyDir (a temporary directory', 'HostPath (bare host directory volume)', 'DownwardAPI (a volume populated']) {
      expect(expected).toContain(type);
    }
  });

  it('lists the claim\'s provisioning story in its Events, in order', () => {
    const pvc = expected.slice(expected.indexOf('Name:          web-data'));
    const reasons = ['WaitForPodScheduled', 'ExternalProvisioning', 'Provisioning ', 'ProvisioningSucceeded'].map((r) => pvc.indexOf(r));
    expect(reasons.every((i) => i > 0)).toBe(true);
    expect([...reasons].sort((a, b) => a - b)).toEqual(reasons);
  });
});
