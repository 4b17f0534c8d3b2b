import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';
import { parseCascade } from './delete-cascade.ts';

const files = { read: () => undefined, list: () => undefined };

describe('kubectl delete --cascade', () => {
  it('reads the flag as kubectl 1.34 does (delete_flags.go parseCascadingFlag)', () => {
    expect(parseCascade(undefined)).toEqual({ ok: true, cascade: 'background', warning: '' });
    expect(parseCascade('foreground')).toEqual({ ok: true, cascade: 'foreground', warning: '' });
    expect(parseCascade('True')).toEqual({ ok: true, cascade: 'background', warning: 'warning: --cascade=True is deprecated (boolean value) and can be replaced with --cascade=background.\n' });
    expect(parseCascade('0')).toMatchObject({ ok: true, cascade: 'orphan' });
    expect(parseCascade('Foreground')).toEqual({ ok: false, error: 'invalid cascade value (Foreground). Must be "background", "foreground", or "orphan"' });
  });

  it('foreground keeps the Deployment with its finalizer until its pods are gone; orphan keeps the ReplicaSet', () => {
    const r = runScript(
      'kubectl create deployment fg --image=busybox --replicas=2 -- sleep 3600\nkubectl delete deployment fg --cascade=foreground --wait=false\nkubectl get deploy fg -o jsonpath={.metadata.finalizers}\nsleep 40\nkubectl get deploy,rs\n' +
        'kubectl create deployment o --image=nginx\nkubectl delete deploy o --cascade=orphan\nkubectl get rs -o name\nkubectl get rs -o yaml | grep -c ownerReferences\n',
      { preset: 'kind', quiet: true, files },
    );
    expect(r.stdout).toContain('deployment.apps "fg" deleted from default namespace\n["foregroundDeletion"]');
    expect(r.stderr).toContain('No resources found in default namespace.\n');
    expect(r.stdout).toMatch(/deployment.apps "o" deleted from default namespace\nreplicaset.apps\/o-\w+\n0\n$/);
  });

  it('waits (--wait defaults to true) until a foreground owner is gone: its pods, then the ReplicaSet, then itself', () => {
    const r = runScript(
      'kubectl create deployment fg --image=busybox --replicas=2 -- sleep 3600\nkubectl delete deployment fg --cascade=foreground\nkubectl get deploy,rs,pods\nkubectl get events --field-selector involvedObject.kind=Pod -o jsonpath={.items[*].reason}\n',
      { preset: 'kind', quiet: true, files },
    );
    // "deleted" is printed when the DELETE answers, before the wait (delete.go deleteResource).
    expect(r.stdout).toMatch(/^deployment.apps\/fg created\ndeployment.apps "fg" deleted from default namespace\n/);
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    // The sleeps ignore SIGTERM: the clock ran to the end of their 30 s grace period.
    expect(r.state.now - Date.parse('2026-01-01T00:00:00Z')).toBeGreaterThanOrEqual(30_000);
  });

  it('--timeout bounds the wait, and kubectl says what was still there', () => {
    const r = runScript(
      'kubectl create deployment fg --image=busybox -- sleep 3600\nkubectl delete deployment fg --cascade=foreground --timeout=5s\nkubectl get deploy -o name\n',
      { preset: 'kind', quiet: true, files },
    );
    expect(r.stdout).toBe('deployment.apps/fg created\ndeployment.apps "fg" deleted from default namespace\ndeployment.apps/fg\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on deployments/fg\n');
    expect(r.exitCode).toBe(1);
  });
});
