// kubectl over the API server's read door: server refusals framed as kubectl frames list errors.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.ts';

function sh(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

describe('kubectl get with selectors the server refuses', () => {
  it.each([
    [
      'kubectl get pvc --field-selector status.phase!=Bound',
      'Error from server (BadRequest): Unable to find "/v1, Resource=persistentvolumeclaims" that match label selector "", field selector "status.phase!=Bound": "status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    ],
    [
      'kubectl get pods --field-selector foo=bar',
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
    ],
    [
      'kubectl get rs --field-selector status.replicas=0',
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=replicasets" that match label selector "", field selector "status.replicas=0": "status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    ],
    [
      'kubectl get sc -l app=x --field-selector parameters.type=gp3',
      'Error from server (BadRequest): Unable to find "storage.k8s.io/v1, Resource=storageclasses" that match label selector "app=x", field selector "parameters.type=gp3": "parameters.type" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    ],
    ['kubectl get pod web -l app=x', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl get sc fast', 'Error from server (NotFound): storageclasses.storage.k8s.io "fast" not found\n'],
    ['kubectl describe deployment web', 'Error from server (NotFound): deployments.apps "web" not found\n'],
  ])('%s', (line, stderr) => {
    const r = sh(line + '\n');
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it('lists what a supported field selector selects', () => {
    const r = sh('kubectl get ns --field-selector status.phase=Active -o name\n');
    expect(r.stdout).toContain('namespace/default\n');
  });
});
