// kubernetes.io/docs/tasks/run-application/run-single-instance-stateful-application/: MySQL as a
// one-replica Deployment (strategy Recreate) on a claim bound to a hostPath PersistentVolume, with
// a headless Service. The mysql image is modelled as a server that keeps running; its client
// (`mysql -h … -p…`) is not, so the assertions are about what kubectl and the cluster print.
import { describe, expect, it } from 'vitest';
import { follow } from './follow.ts';

const MANIFESTS = `cat <<'YAML' > db-pv.yaml
apiVersion: v1
kind: PersistentVolume
metadata:
  name: db-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 20Gi
  accessModes:
    - ReadWriteOnce
  hostPath:
    path: "/mnt/data"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: db-pv-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 20Gi
YAML
cat <<'YAML' > db-deployment.yaml
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ports:
  - port: 3306
  selector:
    app: db
  clusterIP: None
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels:
      app: db
  strategy:
    type: Recreate
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - image: mysql:9
        name: mysql
        env:
        - name: MYSQL_ROOT_PASSWORD
          value: s3cret
        ports:
        - containerPort: 3306
          name: mysql
        volumeMounts:
        - name: db-persistent-storage
          mountPath: /var/lib/mysql
      volumes:
      - name: db-persistent-storage
        persistentVolumeClaim:
          claimName: db-pv-claim
YAML
kubectl apply -f db-pv.yaml
kubectl apply -f db-deployment.yaml
kubectl describe deployment db
kubectl get pods -l app=db
kubectl describe pvc db-pv-claim
kubectl get svc db
`;

describe('Run a Single-Instance Stateful Application', () => {
  const f = follow(MANIFESTS);
  const pod = f.result.stdout.match(/^(db-[a-z0-9]+-[a-z0-9]{5}) /m)?.[1] ?? '';

  it('creates the volume and claim, then the Service and Deployment', () => {
    expect(f.out('kubectl apply -f db-pv.yaml')).toBe('persistentvolume/db-pv-volume created\npersistentvolumeclaim/db-pv-claim created\n');
    expect(f.out('kubectl apply -f db-deployment.yaml')).toBe('service/db created\ndeployment.apps/db created\n');
  });

  it('describes the Deployment: Recreate, the password in the environment, the claim as its volume', () => {
    const text = f.out('kubectl describe deployment db');
    const rs = pod.replace(/-[a-z0-9]{5}$/, '');
    expect(text).toContain('\nAnnotations:        deployment.kubernetes.io/revision: 1\nSelector:           app=db\n');
    expect(text).toContain('\nReplicas:           1 desired | 1 updated | 1 total | 1 available | 0 unavailable\nStrategyType:       Recreate\nMinReadySeconds:    0\n');
    expect(text).toContain(
      '  Containers:\n   mysql:\n    Image:      mysql:9\n    Port:       3306/TCP\n    Host Port:  0/TCP\n    Environment:\n      MYSQL_ROOT_PASSWORD:  s3cret\n    Mounts:\n      /var/lib/mysql from db-persistent-storage (rw)\n',
    );
    expect(text).toContain(
      '  Volumes:\n   db-persistent-storage:\n    Type:          PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:     db-pv-claim\n    ReadOnly:      false\n',
    );
    expect(text).toContain(`\nOldReplicaSets:  <none>\nNewReplicaSet:   ${rs} (1/1 replicas created)\n`);
    expect(text).toContain(`  Normal  ScalingReplicaSet  0s    deployment-controller  Scaled up replica set ${rs} from 0 to 1\n`);
  });

  // DefaultTolerationSeconds is an admission plugin on pods: the template has no tolerations.
  it("shows the template's Tolerations as <none>: the defaults are added to pods, not templates", () => {
    expect(f.out('kubectl describe deployment db')).toContain('  Node-Selectors:  <none>\n  Tolerations:     <none>\n');
  });

  it('runs one pod, on the claim bound to the volume', () => {
    expect(f.out('kubectl get pods -l app=db')).toBe(`NAME${' '.repeat(pod.length - 1)}READY   STATUS    RESTARTS   AGE\n${pod}   1/1     Running   0          0s\n`);
    expect(f.out('kubectl describe pvc db-pv-claim')).toBe(
      'Name:          db-pv-claim\nNamespace:     default\nStorageClass:  manual\nStatus:        Bound\nVolume:        db-pv-volume\nLabels:        <none>\n' +
        'Annotations:   pv.kubernetes.io/bind-completed: yes\n               pv.kubernetes.io/bound-by-controller: yes\n' +
        `Finalizers:    [kubernetes.io/pvc-protection]\nCapacity:      20Gi\nAccess Modes:  RWO\nVolumeMode:    Filesystem\nUsed By:       ${pod}\nEvents:        <none>\n`,
    );
    expect(f.out('kubectl get svc db')).toBe('NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE\ndb     ClusterIP   None         <none>        3306/TCP   0s\n');
  });

  it('keeps what the server wrote on the volume when the pod is replaced', () => {
    const g = follow(
      MANIFESTS +
        `kubectl exec deploy/db -- sh -c 'echo ibdata > /var/lib/mysql/ibdata1'
kubectl delete pod -l app=db
kubectl exec deploy/db -- cat /var/lib/mysql/ibdata1
`,
    );
    expect(g.out('kubectl exec deploy/db -- cat /var/lib/mysql/ibdata1')).toBe('ibdata\n');
  });

  it('runs a client pod with run --rm, deleted when it ends', () => {
    const g = follow(MANIFESTS + 'kubectl run -it --rm --image=mysql:9 --restart=Never db-client -- mysql -h db -ps3cret\nkubectl get pod db-client\n');
    expect(g.out('kubectl run -it --rm --image=mysql:9 --restart=Never db-client -- mysql -h db -ps3cret')).toContain('pod "db-client" deleted from default namespace\n');
    expect(g.step('kubectl get pod db-client').stderr).toBe('Error from server (NotFound): pods "db-client" not found\n');
  });

  it('deletes the Deployment and Service, the claim, then the volume', () => {
    const g = follow(MANIFESTS + 'kubectl delete deployment,svc db\nkubectl delete pvc db-pv-claim\nkubectl delete pv db-pv-volume\n');
    expect(g.out('kubectl delete deployment,svc db')).toBe('deployment.apps "db" deleted from default namespace\nservice "db" deleted from default namespace\n');
    expect(g.out('kubectl delete pvc db-pv-claim')).toBe('persistentvolumeclaim "db-pv-claim" deleted from default namespace\n');
    expect(g.out('kubectl delete pv db-pv-volume')).toBe('persistentvolume "db-pv-volume" deleted\n');
  });
});
