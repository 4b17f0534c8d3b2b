// The same script and seed print the same output and end in the same state.
import { describe, expect, it } from 'vitest';
import { pod, pvc, yaml } from '../../engine/testing/builders.ts';
import { runScript } from './run-script.ts';

const SCRIPT = `kubectl apply -f - <<EOF
${yaml(pvc('data', { request: '2Gi' }), pod('web', { claims: ['data'] }))}EOF
kubectl get pods -o wide
sleep 45
kubectl get pv,pvc -o json
kubectl get events -A
`;

const noFiles = { read: () => undefined };

describe('determinism of a script', () => {
  it('the same script and seed give identical output and identical state', () => {
    const a = runScript(SCRIPT, { preset: 'kind', seed: 7, files: noFiles });
    const b = runScript(SCRIPT, { preset: 'kind', seed: 7, files: noFiles });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    expect(a.steps).toEqual(b.steps);
  });

  it('another seed gives other uids (and so other provisioned volume names)', () => {
    const a = runScript(SCRIPT, { preset: 'kind', seed: 7, files: noFiles });
    const b = runScript(SCRIPT, { preset: 'kind', seed: 8, files: noFiles });
    expect(a.stdout).not.toBe(b.stdout);
    expect(a.stdout.match(/pvc-[0-9a-f-]{36}/)?.[0]).not.toBe(b.stdout.match(/pvc-[0-9a-f-]{36}/)?.[0]);
  });
});
