// ServiceAccount admission acts on pods, not on pod templates: a Deployment's template keeps no
// `serviceAccountName` unless the manifest gave one, while its pods run as `default`.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import type { Stored } from '../../engine/api/objects.ts';

const DEPLOY = (extra: string) =>
  `kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${extra}      containers:\n      - name: c\n        image: nginx:1.27\nEOF\n`;
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });

describe('service account on templates', () => {
  it('leaves the template without one and gives the pods `default`', () => {
    const r = run(DEPLOY(''));
    const deploy = (Object.values(r.state.objects.Deployment ?? {})[0] as Stored<'Deployment'>);
    expect(deploy.spec?.template?.spec?.serviceAccountName).toBeUndefined();
    expect(deploy.spec?.template?.spec?.serviceAccount).toBeUndefined();
    const rs = (Object.values(r.state.objects.ReplicaSet ?? {})[0] as Stored<'ReplicaSet'>);
    expect(rs.spec?.template?.spec).not.toHaveProperty('serviceAccountName');
    const pod = (Object.values(r.state.objects.Pod ?? {})[0] as Stored<'Pod'>);
    expect(pod.spec?.serviceAccountName).toBe('default');
    expect(pod.spec?.serviceAccount).toBe('default');
    expect(run(DEPLOY('') + 'kubectl describe deploy web\n').stdout).not.toContain('Service Account');
  });

  it('mirrors a given name into the deprecated field, as the v1 conversion does', () => {
    const r = run('kubectl create sa robot\n' + DEPLOY('      serviceAccount: robot\n'));
    const deploy = (Object.values(r.state.objects.Deployment ?? {})[0] as Stored<'Deployment'>);
    expect(deploy.spec?.template?.spec?.serviceAccountName).toBe('robot');
    expect(deploy.spec?.template?.spec?.serviceAccount).toBe('robot');
    expect((Object.values(r.state.objects.Pod ?? {})[0] as Stored<'Pod'>).spec?.serviceAccountName).toBe('robot');
    expect(run('kubectl create sa robot\n' + DEPLOY('      serviceAccountName: robot\n') + 'kubectl describe deploy web\n').stdout).toContain('  Service Account:  robot\n');
  });
});
