import { describe, expect, it } from 'vitest';
import { runScript } from '../../commands/script/run-script.ts';
import { viewOf } from '../../engine/index.ts';
import { podLayers } from './pod-layers.ts';

describe("a pod's layers, for the Inspector", () => {
  const state = runScript(
    `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
      command: ["sh", "-c", "sleep 3600"]
      volumeMounts: [{ name: cache, mountPath: /cache }]
  volumes:
    - name: cache
      emptyDir: {}
EOF
kubectl exec web -- sh -c 'echo hi > /tmp/note; dd if=/dev/zero of=/cache/big bs=1000000 count=2; rm /etc/nginx/nginx.conf'
`,
    { preset: 'bare', quiet: true, files: { read: () => undefined } },
  ).state;
  const pod = viewOf(state).get('Pod', 'default/web')!;
  const [app] = podLayers(state, pod);

  it("lists the image's read-only layers, newest first, with their sizes", () => {
    expect(app!.image).toBe('nginx');
    expect(app!.imageLayers.length).toBeGreaterThan(2);
    expect(app!.imageLayers.at(-1)!.createdBy).toMatch(/^# debian\.sh/);
    expect(app!.imageSize).toMatch(/MB$/);
  });

  it('shows what the container wrote in its writable layer, and not what went to a volume', () => {
    expect(app!.writable?.paths).toEqual(
      expect.arrayContaining([
        { path: '/tmp/note', change: 'added or changed' },
        { path: '/etc/nginx/nginx.conf', change: 'deleted' },
      ]),
    );
    expect(app!.writable?.paths.some((p) => p.path.startsWith('/cache'))).toBe(false);
    expect(app!.writable?.bytes).toBe(3);
    expect(app!.mounts).toEqual([
      { path: '/cache', volume: 'cache', readOnly: false },
      // The ServiceAccount admission plugin's token volume, in every pod.
      { path: '/var/run/secrets/kubernetes.io/serviceaccount', volume: expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/), readOnly: true },
    ]);
  });
});
