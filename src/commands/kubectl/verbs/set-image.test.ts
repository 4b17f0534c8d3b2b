// `kubectl set image`: a new image in a pod template is a new rollout; kubectl's words for a
// container that is not there and for the command line's mistakes.
import { describe, expect, it } from 'vitest';
import { getObject, listObjects, readerOf } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(`kubectl create deployment web --image=nginx:1.27 --replicas=2\n${script}`, { preset: 'kind', quiet: true, files: { read: () => undefined } });

describe('kubectl set image', () => {
  it('updates the template, makes a new ReplicaSet and a new revision; the same image again prints nothing', () => {
    const r = run('kubectl set image deployment/web nginx=nginx:1.28\nkubectl set image deployment/web nginx=nginx:1.28\nkubectl rollout history deployment/web\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment.apps/web image updated\ndeployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    const rs = listObjects(readerOf(r.state), 'ReplicaSet', { namespace: 'default' });
    expect(rs.ok && rs.value.map((x) => x.spec?.template?.spec?.containers[0]?.image).sort()).toEqual(['nginx:1.27', 'nginx:1.28']);
  });

  it('`*` sets every container; pods work too; a dry run changes nothing', () => {
    const r = run('kubectl run box --image=busybox:1.36 -- sleep 3600\nkubectl set image pod/box "*=busybox:1.37"\nkubectl set image deploy web nginx=nginx:1.29 --dry-run=client\nkubectl set image deploy web nginx=nginx:1.29 --dry-run=server\n');
    expect(r.stdout).toBe('deployment.apps/web created\npod/box created\npod/box image updated\ndeployment.apps/web image updated (dry run)\ndeployment.apps/web image updated (server dry run)\n');
    const pod = getObject(readerOf(r.state), 'Pod', 'default', 'box');
    expect(pod.ok && pod.value.spec?.containers[0]?.image).toBe('busybox:1.37');
    const d = getObject(readerOf(r.state), 'Deployment', 'default', 'web');
    expect(d.ok && d.value.spec?.template.spec?.containers[0]?.image).toBe('nginx:1.27');
  });

  it("kubectl's errors", () => {
    const r = run('kubectl set image deployment/web app=nginx:1.28\nkubectl set image deployment/nope nginx=x\nkubectl set image deployment/web\nkubectl set image nginx=x\nkubectl set image deployment/web a=b "*=c"\nkubectl set image a=b deployment/web\n');
    expect(r.stderr).toBe(
      [
        'error: unable to find container named "app"',
        'Error from server (NotFound): deployments.apps "nope" not found',
        'error: at least one image update is required',
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        'error: all containers are already specified by *, but saw more than one container_name=container_image pairs',
        'error: all resources must be specified before image changes: deployment/web',
        '',
      ].join('\n'),
    );
  });
});
