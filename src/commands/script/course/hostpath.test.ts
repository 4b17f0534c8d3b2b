// The course's hostPath demo on its three-node kind cluster: a file of the node, written by one
// pod, read by a second pod pinned to the same node, and not seen by a pod on the other worker.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

const POD = (name: string, nodeName?: string) => `cat <<EOF > ${name}.yaml
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${nodeName ? `\n  nodeName: ${nodeName}` : ''}
  containers:
  - name: busybox-container
    image: busybox
    command: ["sh", "-c", "cat /data && sleep 3600"]
    volumeMounts:
    - mountPath: /data
      name: host-volume
  volumes:
  - name: host-volume
    hostPath:
      path: /tmp/hostfile
      type: FileOrCreate
EOF
kubectl apply -f ${name}.yaml
`;

describe('course: hostPath', () => {
  // The course's cluster is named my-second-cluster, so its nodes are my-second-cluster-worker2 and
  // so on; the preset's kind cluster is named kind. The learner pins the second pod to the node
  // that `kubectl get pods -o wide` shows, here read the same way.
  const DEMO =
    POD('hostpath-example') +
    `kubectl exec -it hostpath-example -- sh -c 'echo "Hey you!!" > /data'\n` +
    'kubectl get pods -o wide\n' +
    'NODE=$(kubectl get pod hostpath-example -o jsonpath={.spec.nodeName})\n';

  it('a second pod on the same node reads what the first wrote', () => {
    const r = runCourse(DEMO + POD('hostpath-verify', '$NODE') + 'kubectl exec hostpath-verify -- cat /data\n');
    expect(r.stderr).toBe('');
    expect(r.out('kubectl apply -f hostpath-example.yaml')).toBe('pod/hostpath-example created\n');
    expect(r.out(`kubectl exec -it hostpath-example -- sh -c 'echo "Hey you!!" > /data'`)).toBe('');
    const wide = r.out('kubectl get pods -o wide').split('\n');
    expect(wide[0]).toBe('NAME               READY   STATUS    RESTARTS   AGE   IP            NODE          NOMINATED NODE   READINESS GATES');
    // A worker, never the tainted control plane.
    expect(wide[1]).toMatch(/^hostpath-example   1\/1     Running   0          \d+s +10\.244\.\d+\.\d+ +kind-worker2? +<none>           <none>$/);
    expect(r.out('kubectl exec hostpath-verify -- cat /data')).toBe('Hey you!!\n');
  });

  it('the file belongs to the node: a pod on the other worker gets an empty one', () => {
    const r = runCourse(
      DEMO +
        `OTHER=$(test "$NODE" = kind-worker && echo kind-worker2 || echo kind-worker)\n` +
        POD('hostpath-other', '$OTHER') +
        'kubectl exec hostpath-other -- cat /data\n' +
        'kubectl logs hostpath-other\n',
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl exec hostpath-other -- cat /data')).toBe('');
    expect(r.out('kubectl logs hostpath-other')).toBe('');
  });

  // kind nodes are docker containers: on kind, a hostPath is a path of the node's
  // container, not of the machine running Docker: only kind-worker2's has the file.
  it('on kind the file lives in the node container', () => {
    const r = runCourse(
      POD('hostpath-example', 'kind-worker2') +
        `kubectl exec -it hostpath-example -- sh -c 'echo "Hey you!!" > /data'\n` +
        'docker exec kind-worker2 cat /tmp/hostfile\ndocker exec kind-worker cat /tmp/hostfile\n',
    );
    expect(r.out('docker exec kind-worker2 cat /tmp/hostfile')).toBe('Hey you!!\n');
    expect(r.out('docker exec kind-worker cat /tmp/hostfile')).toBe('');
    // kindest/node is Debian: GNU cat.
    expect(r.stderr).toBe('cat: /tmp/hostfile: No such file or directory\n');
  });
});
