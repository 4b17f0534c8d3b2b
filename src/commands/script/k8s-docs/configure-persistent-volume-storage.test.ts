// kubernetes.io/docs/tasks/configure-pod-container/configure-persistent-volume-storage/: an admin's
// hostPath PersistentVolume (/mnt/data, class `manual`), a claim that binds to it, and an nginx pod
// serving the node's index.html from the claim; then the clean-up, which leaves a Retain volume
// Released until it is deleted.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

// The page opens a shell on the node (`minikube ssh`); here a pod with the node's /mnt/data
// mounted stands in for that shell.
const NODE_FILE = `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: node-shell
spec:
  containers:
  - name: shell
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - name: mnt-data
      mountPath: /node/mnt/data
  volumes:
  - name: mnt-data
    hostPath:
      path: /mnt/data
      type: DirectoryOrCreate
YAML
kubectl exec node-shell -- sh -c "echo 'Hello from Kubernetes storage' > /node/mnt/data/index.html"
kubectl exec node-shell -- cat /node/mnt/data/index.html
`;

const VOLUME = `cat <<'YAML' > web-pv.yaml
apiVersion: v1
kind: PersistentVolume
metadata:
  name: web-pv
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
YAML
cat <<'YAML' > web-claim.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: web-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
YAML
cat <<'YAML' > web-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
    - name: web-storage
      persistentVolumeClaim:
        claimName: web-claim
  containers:
    - name: web
      image: nginx
      ports:
        - containerPort: 80
          name: "http-server"
      volumeMounts:
        - mountPath: "/usr/share/nginx/html"
          name: web-storage
YAML
kubectl apply -f web-pv.yaml
kubectl get pv web-pv
kubectl apply -f web-claim.yaml
kubectl get pv web-pv
kubectl get pvc web-claim
kubectl apply -f web-pod.yaml
kubectl get pod web
`;

const PV_HEADER = 'NAME     CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS';

describe('Configure a Pod to Use a PersistentVolume for Storage', () => {
  it('writes index.html on the node', () => {
    const f = follow(NODE_FILE);
    expect(f.out('kubectl exec node-shell -- cat /node/mnt/data/index.html')).toBe('Hello from Kubernetes storage\n');
  });

  it('shows the volume Available, then Bound to the claim, which reports the volume’s 10Gi', () => {
    const f = follow(VOLUME);
    expect(f.out('kubectl apply -f web-pv.yaml')).toBe('persistentvolume/web-pv created\n');
    expect(f.out('kubectl get pv web-pv')).toBe(
      `${PV_HEADER}      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n` +
        'web-pv   10Gi       RWO            Retain           Available           manual         <unset>                          0s\n',
    );
    expect(f.out('kubectl apply -f web-claim.yaml')).toBe('persistentvolumeclaim/web-claim created\n');
    expect(f.out('kubectl get pv web-pv', 1)).toBe(
      `${PV_HEADER}   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n` +
        'web-pv   10Gi       RWO            Retain           Bound    default/web-claim   manual         <unset>                          0s\n',
    );
    expect(f.out('kubectl get pvc web-claim')).toBe(
      'NAME        STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'web-claim   Bound    web-pv   10Gi       RWO            manual         <unset>                 0s\n',
    );
    expect(f.out('kubectl apply -f web-pod.yaml')).toBe('pod/web created\n');
    expect(f.out('kubectl get pod web')).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          0s\n');
  });

  it("serves the node's index.html from the claim", () => {
    const f = follow(NODE_FILE + VOLUME + 'kubectl exec web -- cat /usr/share/nginx/html/index.html\n');
    expect(f.out('kubectl exec web -- cat /usr/share/nginx/html/index.html')).toBe('Hello from Kubernetes storage\n');
  });

  it('curl http://localhost/ in the pod prints the node’s page', () => {
    const f = follow(NODE_FILE + VOLUME + 'kubectl exec web -- curl -s http://localhost/\n');
    expect(f.out('kubectl exec web -- curl -s http://localhost/')).toBe('Hello from Kubernetes storage\n');
  });

  // A kind node is a Docker container: the page's node shell is `docker exec` into it.
  it('writes index.html from a shell on the kind node', () => {
    const f = follow(
      `docker exec kind-control-plane mkdir /mnt/data
docker exec kind-control-plane sh -c "echo 'Hello from Kubernetes storage' > /mnt/data/index.html"
docker exec kind-control-plane cat /mnt/data/index.html
` +
        VOLUME +
        'kubectl exec web -- cat /usr/share/nginx/html/index.html\n',
    );
    expect(f.out('docker exec kind-control-plane cat /mnt/data/index.html')).toBe('Hello from Kubernetes storage\n');
    expect(f.out('kubectl exec web -- cat /usr/share/nginx/html/index.html')).toBe('Hello from Kubernetes storage\n');
  });

  // The kind node is Debian: GNU rmdir removes the emptied directory as the page does.
  it('removes the file and the directory from the node after the clean-up', () => {
    const f = follow(
      `docker exec kind-control-plane sh -c "mkdir /mnt/data && echo 'Hello from Kubernetes storage' > /mnt/data/index.html"
docker exec kind-control-plane rm /mnt/data/index.html
docker exec kind-control-plane rmdir /mnt/data
docker exec kind-control-plane ls /mnt
`,
    );
    expect(f.step('docker exec kind-control-plane rmdir /mnt/data').stderr).toBe('');
    expect(f.out('docker exec kind-control-plane ls /mnt')).toBe('');
  });

  it('cleans up: the Retain volume is Released when its claim goes, and the node keeps the file', () => {
    const f = follow(
      NODE_FILE +
        VOLUME +
        `kubectl delete pod web
kubectl delete pvc web-claim
kubectl get pv web-pv
kubectl delete pv web-pv
kubectl exec node-shell -- ls /node/mnt/data
`,
    );
    expect(f.out('kubectl delete pod web')).toBe('pod "web" deleted from default namespace\n');
    expect(f.out('kubectl delete pvc web-claim')).toBe('persistentvolumeclaim "web-claim" deleted from default namespace\n');
    expect(f.out('kubectl get pv web-pv', 2)).toMatch(/^web-pv +10Gi +RWO +Retain +Released +default\/web-claim +manual /m);
    expect(f.out('kubectl delete pv web-pv')).toBe('persistentvolume "web-pv" deleted\n');
    expect(f.out('kubectl exec node-shell -- ls /node/mnt/data')).toBe('index.html\n');
  });

  it('mounts one claim in two places with subPath (html and nginx.conf)', () => {
    const f = follow(
      NODE_FILE +
        `kubectl exec node-shell -- sh -c "mkdir -p /node/mnt/data/html && echo 'Hello from Kubernetes storage' > /node/mnt/data/html/index.html && echo 'events {}' > /node/mnt/data/nginx.conf"
` +
        VOLUME.replace(/kubectl apply -f web-pod\.yaml\nkubectl get pod web\n$/, '') +
        `kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web-twice
spec:
  containers:
    - name: web
      image: nginx
      volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: web-storage
          subPath: html
        - mountPath: /etc/nginx/nginx.conf
          name: web-storage
          subPath: nginx.conf
  volumes:
    - name: web-storage
      persistentVolumeClaim:
        claimName: web-claim
YAML
kubectl exec web-twice -- cat /usr/share/nginx/html/index.html /etc/nginx/nginx.conf
`,
    );
    expect(f.out('kubectl exec web-twice -- cat /usr/share/nginx/html/index.html /etc/nginx/nginx.conf')).toBe('Hello from Kubernetes storage\nevents {}\n');
  });
});
