// `kubectl rollout`: status (watching on the simulated clock), restart (a new ReplicaSet),
// history from the ReplicaSets' revision and change-cause annotations, undo (the old ReplicaSet
// becomes the newest revision), pause and resume; kubectl's words (pkg/cmd/rollout, polymorphichelpers).
import { describe, expect, it } from 'vitest';
import { listObjects, readerOf, type ClusterState } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n';
const PENDING =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n---\n' +
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: nginx\n        volumeMounts: [{name: d, mountPath: /data}]\n      volumes:\n      - name: d\n        persistentVolumeClaim: {claimName: data}\n';
const PV = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/data}\n';
const files = { read: (p: string) => ({ 'web.yaml': DEPLOY, 'db.yaml': PENDING, 'pv.yaml': PV })[p] };
const run = (script: string, preset: 'kind' | 'bare' = 'kind') => runScript(script, { preset, quiet: true, files });
const SET_IMAGE = `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`;

function replicaSets(state: ClusterState): { name: string; revision: string | undefined; replicas: number | undefined }[] {
  const listed = listObjects(readerOf(state), 'ReplicaSet', { namespace: 'default' });
  return (listed.ok ? listed.value : []).map((rs) => ({ name: rs.metadata.name, revision: rs.metadata.annotations?.['deployment.kubernetes.io/revision'], replicas: rs.spec?.replicas }));
}

describe('kubectl rollout status', () => {
  it('says a settled rollout is done', () => {
    const r = run('kubectl apply -f web.yaml\nkubectl rollout status deployment/web\nkubectl rollout status deploy web --watch=false\n');
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment "web" successfully rolled out\ndeployment "web" successfully rolled out\n');
  });

  it('prints where a stuck rollout is, then times out; a new volume lets it finish', () => {
    const r = run('kubectl apply -f db.yaml\nkubectl rollout status deployment/db --watch=false\nkubectl rollout status deployment/db --timeout=10s\nkubectl apply -f pv.yaml\nkubectl rollout status deployment/db\n', 'bare');
    const waiting = 'Waiting for deployment "db" rollout to finish: 0 of 1 updated replicas are available...\n';
    expect(r.stdout).toBe(`persistentvolumeclaim/data created\ndeployment.apps/db created\n${waiting}${waiting}persistentvolume/pv1 created\ndeployment "db" successfully rolled out\n`);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
  });

  it('a StatefulSet with the default partitioned rolling update', () => {
    const sts = DEPLOY.replace('kind: Deployment', 'kind: StatefulSet').replace('  replicas: 2\n', '  replicas: 2\n  serviceName: web\n');
    const r = runScript('kubectl apply -f sts.yaml\nkubectl rollout status sts/web\n', { preset: 'kind', quiet: true, files: { read: (p: string) => (p === 'sts.yaml' ? sts : undefined) } });
    expect(r.stdout).toBe('statefulset.apps/web created\npartitioned roll out complete: 2 new pods have been updated...\n');
  });

  it('-f names the objects', () => {
    const r = run('kubectl apply -f web.yaml\nkubectl rollout status -f web.yaml\nkubectl rollout restart -f web.yaml\n');
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment "web" successfully rolled out\ndeployment.apps/web restarted\n');
  });

  it("refuses what kubectl refuses, in kubectl's words", () => {
    const r = run('kubectl apply -f web.yaml\nkubectl rollout status\nkubectl rollout status deploy/web --revision=2\nkubectl rollout status deploy/nope\nkubectl rollout status deploy -l app=none\nkubectl rollout frob\n');
    expect(r.stderr).toBe(
      'error: required resource not specified\nerror: desired revision (2) is different from the running revision (1)\nError from server (NotFound): deployments.apps "nope" not found\n' +
        "No resources found in default namespace.\nerror: unknown command \"frob\"\nSee 'kubectl rollout -h' for help and examples\n",
    );
  });
});

describe('kubectl rollout restart, history, undo, pause, resume', () => {
  it('restart stamps the template and rolls a new ReplicaSet; a second restart in the same second is refused', () => {
    const r = run('kubectl apply -f web.yaml\nkubectl rollout restart deployment/web\nkubectl rollout restart deployment/web\nkubectl get deploy web -o jsonpath={.spec.template.metadata.annotations}\n');
    expect(r.stdout).toMatch(/^deployment\.apps\/web created\ndeployment\.apps\/web restarted\n\{"kubectl\.kubernetes\.io\/restartedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}$/);
    expect(r.stderr).toBe('error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n');
    const sets = replicaSets(r.state);
    expect(sets.map((s) => [s.revision, s.replicas]).sort()).toEqual([['1', 0], ['2', 2]]);
  });

  it('history lists revisions with their change-cause; --revision shows the template', () => {
    const r = run(`kubectl apply -f web.yaml\nkubectl annotate deploy web kubernetes.io/change-cause="nginx 1.27"\n${SET_IMAGE}\nkubectl rollout history deployment/web\nkubectl rollout history deploy/web --revision=2\nkubectl rollout history deploy/web --revision=7\n`);
    expect(r.stdout).toContain('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         nginx 1.27\n\n');
    expect(r.stdout).toMatch(/deployment\.apps\/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\w+\n  Annotations:\tkubernetes\.io\/change-cause: nginx 1\.27\n/);
    expect(r.stdout).toContain('    Image:\tnginx:1.27\n');
    expect(r.stderr).toBe('error: unable to find the specified revision\n');
  });

  it('undo puts the previous template back; its ReplicaSet becomes the newest revision', () => {
    const r = run(`kubectl apply -f web.yaml\n${SET_IMAGE}\nkubectl rollout undo deployment/web\nkubectl rollout history deploy/web\nkubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}\nkubectl rollout undo deploy/web --to-revision=3\nkubectl rollout undo deploy/web --to-revision=9\n`);
    expect(r.stdout).toContain('deployment.apps/web rolled back\ndeployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\nnginx');
    expect(r.stdout).toContain('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    // The apply left its last-applied annotation: kubectl 1.34 does not warn about it (1.36 does).
    expect(r.stderr).not.toContain('Warning:');
    expect(r.stderr).toContain('error: unable to find specified revision 9 in history\n');
    const sets = replicaSets(r.state);
    expect(sets.find((s) => s.revision === '3')?.replicas).toBe(2);
    expect(sets.find((s) => s.revision === '2')?.replicas).toBe(0);
  });

  it('a paused deployment keeps its template rolled out until resumed', () => {
    const r = run(`kubectl create deployment web --image=nginx\nkubectl rollout pause deployment/web\nkubectl rollout pause deployment/web\n${SET_IMAGE}\nkubectl rollout restart deploy/web\nkubectl rollout undo deploy/web\nkubectl rollout resume deploy/web\nkubectl rollout resume deploy/web\n`);
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment.apps/web paused\ndeployment.apps/web patched\ndeployment.apps/web resumed\n');
    expect(r.stderr).toBe(
      'error: deployments.apps "web" is already paused\nerror: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n' +
        // kubectl looks for the revision before it looks at paused: with only one, there is none to go back to.
        'error: no rollout history found for deployment "web"\nerror: deployments.apps "web" is not paused\n',
    );
    // Resumed, the patched template rolls out as revision 2.
    expect(replicaSets(r.state).map((s) => s.revision).sort()).toEqual(['1', '2']);
  });

  it('undo refuses a paused deployment that has history', () => {
    const r = run(`kubectl create deployment web --image=nginx\n${SET_IMAGE}\nkubectl rollout pause deployment/web\nkubectl rollout undo deploy/web\n`);
    expect(r.stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
  });

  it('no history for kinds without one', () => {
    const r = run('kubectl run p --image=nginx\nkubectl rollout history pod/p\nkubectl rollout undo pod/p\nkubectl rollout restart pod/p\n');
    expect(r.stderr).toBe('error: no history viewer has been implemented for "Pod"\nerror: no rollbacker has been implemented for "Pod"\nerror: pods "p" restarting is not supported\n');
  });
});
