// stdout and stderr in the order kubectl writes them: a server warning before `…/x created`,
// `Found 3 pods, using pod/…` before the logs, rollout undo's warning before `rolled back`,
// delete's immediate-deletion warning before the deletions, errors after what succeeded.
import { describe, expect, it } from 'vitest';
import { runScript } from './script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
/** Both streams as `2>&1` would show them. */
const both = (script: string) => run(script).chunks.map((c) => c.text).join('');
const DEPLOY = "kubectl create deployment web --image=busybox:1.36 --replicas=3 -- sh -c 'echo serving from $(hostname) && sleep 3600'\n";

describe('output order', () => {
  it('apply: each server warning just before the line for its object, errors at the end', () => {
    const pv = (name: string) => `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  hostPath: {path: /mnt/${name}}\n`;
    const out = both(`kubectl apply -f - <<EOF\n${pv('a')}---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\n${pv('b')}EOF\n`);
    const warning = 'Warning: spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.\n';
    expect(out).toBe(
      `${warning}persistentvolume/a created\n${warning}persistentvolume/b created\n` +
        'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    );
  });

  it('logs: "Found N pods" before the log lines', () => {
    expect(both(DEPLOY + 'kubectl logs deployment/web\n')).toMatch(/^deployment.apps\/web created\nFound 3 pods, using pod\/(web-\S+)\nserving from \1\n$/);
  });

  it('rollout undo: no last-applied warning in kubectl 1.34 (1.36 added one), "rolled back" after the apply', () => {
    const apply = 'kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: IMAGE\nEOF\n';
    const out = both(apply.replace('IMAGE', 'nginx:1.27') + apply.replace('IMAGE', 'nginx:1.28') + 'kubectl rollout undo deployment/web\n');
    expect(out).toMatch(/deployment.apps\/web configured\ndeployment.apps\/web rolled back\n$/);
  });

  it('delete --force: the warning first, the deletions, then the errors', () => {
    const out = both('kubectl create cm a\nkubectl delete cm a nope --force\n');
    expect(out).toBe(
      'configmap/a created\n' +
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'configmap "a" force deleted from default namespace\n' +
        'Error from server (NotFound): configmaps "nope" not found\n',
    );
  });

  it('run -it --rm: the attach notes before --rm\'s deletion, the exit error after it', () => {
    const out = both("kubectl run b -it --rm --image=busybox -- sh -c 'echo hi; sleep 3600'\nkubectl run c -it --rm --restart=Never --image=busybox -- sh -c 'echo bye; exit 3'\n");
    // kubectl 1.34 prints no logs from before the attach (that came in 1.36): the notes, then the stream.
    expect(out).toBe(
      'Unable to use a TTY - input is not a terminal or the right kind of file\n' +
        'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n" +
        'hi\npod "b" deleted from default namespace\n' +
        'bye\npod "c" deleted from default namespace\npod default/c terminated (Error)\n',
    );
  });

  it('keeps the order through the shell\'s 2>&1 and the per-stream strings', () => {
    const r = run(DEPLOY + 'kubectl logs deployment/web 2>&1 | head -1\n');
    expect(r.stdout).toMatch(/^deployment.apps\/web created\nFound 3 pods, using pod\/web-\S+\n$/);
    const plain = run(DEPLOY + 'kubectl logs deployment/web\n');
    expect(plain.stderr).toMatch(/^Found 3 pods/);
    expect(plain.stdout).toMatch(/\nserving from web-/);
  });
});
