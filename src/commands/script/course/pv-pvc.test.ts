// The course's PersistentVolume section, command by command: PVs are cluster-scoped and PVCs
// namespaced, kind's default class set aside (backed up to sc.yaml, then deleted), the static
// example-pv (5Gi, Retain, hostPath /mnt/data) bound by example-pvc (2Gi) and mounted by
// example-pod, then what the reclaim policies, access modes and binding conditions do.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

const SET_ASIDE = 'kubectl get storageclasses\nkubectl get sc standard -o yaml > sc.yaml\nkubectl delete sc standard\n';

const PV = `cat <<'EOF' > pv.yaml
apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity:
    storage: 5Gi
  accessModes:
    - ReadWriteOnce
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
EOF
kubectl apply -f pv.yaml
kubectl get pv
kubectl describe pv example-pv
`;

const PVC = `cat <<'EOF' > pvc.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 2Gi
EOF
kubectl apply -f pvc.yaml
kubectl get pvc
kubectl describe pvc example-pvc
`;

const POD = `cat <<'EOF' > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: example-pod
spec:
  containers:
    - name: nginx-container
      image: nginx
      volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: persistent-storage
  volumes:
    - name: persistent-storage
      persistentVolumeClaim:
        claimName: example-pvc
EOF
kubectl apply -f pod.yaml
kubectl describe pod example-pod
`;

const FINAL = 'kubectl get pv\nkubectl describe pv example-pv\nkubectl get pvc\nkubectl describe pvc example-pvc\n';

describe('course: PV and PVC scope', () => {
  it('api-resources: persistentvolumes are not namespaced, persistentvolumeclaims are', () => {
    const r = runCourse('kubectl api-resources | grep persistentvolume\nkubectl api-resources | grep persistentvolumeclaim\n');
    expect(r.out('kubectl api-resources | grep persistentvolume')).toBe(
      'persistentvolumeclaims   pvc          v1                    true         PersistentVolumeClaim\n' +
        'persistentvolumes        pv           v1                    false        PersistentVolume\n',
    );
    expect(r.out('kubectl api-resources | grep persistentvolumeclaim')).toBe(
      'persistentvolumeclaims   pvc          v1                    true         PersistentVolumeClaim\n',
    );
  });

  it('a pod in app2-ns cannot use data-pvc of app1-ns', () => {
    const r = runCourse(
      'kubectl create namespace app1-ns\nkubectl create namespace app2-ns\n' +
        "kubectl create -n app1-ns -f - <<'EOF'\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-pvc\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\nEOF\n" +
        "kubectl create -n app2-ns -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - {name: data, mountPath: /data}\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data-pvc\nEOF\n" +
        'kubectl get pvc data-pvc -n app2-ns\n' +
        'kubectl get pod app -n app2-ns\n' +
        'kubectl get events -n app2-ns\n',
    );
    expect(r.stderr).toBe('Error from server (NotFound): persistentvolumeclaims "data-pvc" not found\n');
    expect(r.out('kubectl get pod app -n app2-ns')).toBe('NAME   READY   STATUS    RESTARTS   AGE\napp    0/1     Pending   0          0s\n');
    expect(r.out('kubectl get events -n app2-ns')).toContain(
      'Warning   FailedScheduling   pod/app   0/3 nodes are available: persistentvolumeclaim "data-pvc" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.\n',
    );
  });
});

describe('course: static provisioning (example-pv, example-pvc, example-pod)', () => {
  it("kind's default class, backed up to sc.yaml and deleted", () => {
    const r = runCourse(SET_ASIDE + 'grep -E "^(  name|provisioner|reclaimPolicy|volumeBindingMode):" sc.yaml\n');
    expect(r.stderr).toBe('');
    // The course's cluster was 27 days old.
    expect(r.out('kubectl get storageclasses')).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  0s\n',
    );
    expect(r.out('kubectl get sc standard -o yaml > sc.yaml')).toBe('');
    expect(r.out('kubectl delete sc standard')).toBe('storageclass.storage.k8s.io "standard" deleted\n');
    expect(r.out('grep -E "^(  name|provisioner|reclaimPolicy|volumeBindingMode):" sc.yaml')).toBe(
      '  name: standard\nprovisioner: rancher.io/local-path\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\n',
    );
  });

  it('the PV is Available, the claim binds it at once, the pod mounts it', () => {
    const r = runCourse(SET_ASIDE + PV + PVC + POD + FINAL);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.out('kubectl apply -f pv.yaml')).toBe('persistentvolume/example-pv created\n');
    expect(r.out('kubectl get pv', 0)).toBe(
      'NAME         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'example-pv   5Gi        RWO            Retain           Available                          <unset>                          0s\n',
    );
    const pv = r.out('kubectl describe pv example-pv', 0);
    expect(pv).toContain('Status:          Available\nClaim:           \nReclaim Policy:  Retain\nAccess Modes:    RWO\nVolumeMode:      Filesystem\nCapacity:        5Gi\n');
    expect(pv).toContain('Source:\n    Type:          HostPath (bare host directory volume)\n    Path:          /mnt/data\n    HostPathType:  \n');
    expect(r.out('kubectl apply -f pvc.yaml')).toBe('persistentvolumeclaim/example-pvc created\n');
    // No class on either side and no default class left: the claim binds before any pod uses it,
    // and gets the whole 5Gi volume.
    expect(r.out('kubectl get pvc', 0)).toBe(
      'NAME          STATUS   VOLUME       CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'example-pvc   Bound    example-pv   5Gi        RWO                           <unset>                 0s\n',
    );
    expect(r.out('kubectl describe pvc example-pvc', 0)).toContain('Status:        Bound\nVolume:        example-pv\n');
    expect(r.out('kubectl describe pvc example-pvc', 0)).toContain('Used By:       <none>\n');
    expect(r.out('kubectl apply -f pod.yaml')).toBe('pod/example-pod created\n');
    const pod = r.out('kubectl describe pod example-pod');
    expect(pod).toMatch(/^Node: +kind-worker2?\/172\.18\.0\.[23]$/m);
    expect(pod).toContain('Status:           Running\n');
    expect(pod).toContain('      /usr/share/nginx/html from persistent-storage (rw)\n');
    expect(pod).toContain(
      '  persistent-storage:\n    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:  example-pvc\n    ReadOnly:   false\n',
    );
    expect(r.out('kubectl get pv', 1)).toBe(
      'NAME         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'example-pv   5Gi        RWO            Retain           Bound    default/example-pvc                  <unset>                          0s\n',
    );
    expect(r.out('kubectl describe pv example-pv', 1)).toContain('Status:          Bound\nClaim:           default/example-pvc\n');
    expect(r.out('kubectl describe pvc example-pvc', 1)).toContain('Used By:       example-pod\n');
  });
});

describe('course: access modes', () => {
  const claim = (mode: string) =>
    `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: shared\nspec:\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 1Gi\nEOF\n`;
  const pod = (name: string) =>
    `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    volumeMounts:\n    - {name: data, mountPath: /usr/share/nginx/html}\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: shared\nEOF\n`;
  const NODES = "kubectl get pods -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,NODE:.spec.nodeName\n";

  it('ReadWriteOnce: a second pod shares the volume on the same node', () => {
    const r = runCourse(claim('ReadWriteOnce') + pod('db-1') + pod('db-2') + NODES);
    expect(r.stderr).toBe('');
    expect(r.out(NODES.trim())).toMatch(/^NAME +STATUS +NODE\ndb-1 +Running +(kind-worker2?)\ndb-2 +Running +\1\n$/);
  });

  it('ReadWriteOncePod: a second pod is not scheduled', () => {
    const r = runCourse(claim('ReadWriteOncePod') + pod('db-1') + pod('db-2') + NODES + 'kubectl get events --field-selector involvedObject.name=db-2\n');
    expect(r.out(NODES.trim())).toMatch(/^NAME +STATUS +NODE\ndb-1 +Running +kind-worker2?\ndb-2 +Pending +<none>\n$/);
    expect(r.out('kubectl get events --field-selector involvedObject.name=db-2')).toContain(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode.',
    );
  });
});

describe('course: reclaim policies', () => {
  it('Retain: the claim deleted, the PV is Released with its data; removing claimRef makes it Available', () => {
    const r = runCourse(
      SET_ASIDE + PV + PVC + POD +
        "kubectl exec example-pod -- sh -c 'echo kept > /usr/share/nginx/html/index.html'\n" +
        'kubectl delete pod example-pod\nkubectl delete pvc example-pvc\nkubectl get pv\n' +
        `kubectl patch pv example-pv -p '{"spec":{"claimRef":null}}'\nkubectl get pv\n` +
        POD.replace('kubectl describe pod example-pod\n', '') + PVC.replace(/kubectl (get|describe) pvc.*\n/g, '') +
        'kubectl exec example-pod -- cat /usr/share/nginx/html/index.html\n',
    );
    expect(r.stderr).toBe('');
    expect(r.out('kubectl get pv', 1)).toBe(
      'NAME         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS     CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'example-pv   5Gi        RWO            Retain           Released   default/example-pvc                  <unset>                          0s\n',
    );
    expect(r.out(`kubectl patch pv example-pv -p '{"spec":{"claimRef":null}}'`)).toBe('persistentvolume/example-pv patched\n');
    expect(r.out('kubectl get pv', 2)).toMatch(/^example-pv   5Gi        RWO            Retain           Available  /m);
    // A new claim binds the same volume and finds the data where it was.
    expect(r.out('kubectl exec example-pod -- cat /usr/share/nginx/html/index.html')).toBe('kept\n');
  });

  it('Delete on a static hostPath volume: the in-tree deleter refuses paths outside /tmp', () => {
    const r = runCourse(
      SET_ASIDE + PV.replace('persistentVolumeReclaimPolicy: Retain', 'persistentVolumeReclaimPolicy: Delete') + PVC +
        'kubectl delete pvc example-pvc\nkubectl get pv\nkubectl describe pv example-pv\n',
    );
    expect(r.out('kubectl get pv', 1)).toMatch(/^example-pv   5Gi        RWO            Delete           Failed   default\/example-pvc  /m);
    expect(r.out('kubectl describe pv example-pv', 1)).toContain(
      'Warning  VolumeFailedDelete  0s    persistentvolume-controller  host_path deleter only supports /tmp/.+ but received provided /mnt/data\n',
    );
  });
});

describe('course: binding conditions', () => {
  // The course's table: a 10Gi ReadWriteMany claim of class fast-ssd, Filesystem.
  const pv = (spec: string) =>
    `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: fast-pv\nspec:\n  capacity:\n    storage: 10Gi\n${spec}  hostPath:\n    path: /mnt/fast\nEOF\n`;
  const CLAIM =
    "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: fast-pvc\nspec:\n  accessModes: [ReadWriteMany]\n  storageClassName: fast-ssd\n  volumeMode: Filesystem\n  resources:\n    requests:\n      storage: 10Gi\nEOF\n" +
    `kubectl get pvc fast-pvc -o jsonpath='{.status.phase}{"\\n"}'\n`;
  const PHASE = `kubectl get pvc fast-pvc -o jsonpath='{.status.phase}{"\\n"}'`;
  const phase = (spec: string) => runCourse(SET_ASIDE + pv(spec) + CLAIM).out(PHASE);

  it('binds when every condition holds', () => {
    expect(phase('  accessModes: [ReadWriteMany]\n  storageClassName: fast-ssd\n  volumeMode: Filesystem\n')).toBe('Bound\n');
  });

  it.each([
    ['another class', '  accessModes: [ReadWriteMany]\n  storageClassName: slow-hdd\n'],
    ['no class', '  accessModes: [ReadWriteMany]\n'],
    ['an access mode the claim did not ask for', '  accessModes: [ReadWriteOnce]\n  storageClassName: fast-ssd\n'],
    ['too small', '  accessModes: [ReadWriteMany]\n  storageClassName: fast-ssd\n'],
    ['another volume mode', '  accessModes: [ReadWriteMany]\n  storageClassName: fast-ssd\n  volumeMode: Block\n'],
    ['reserved for another claim', '  accessModes: [ReadWriteMany]\n  storageClassName: fast-ssd\n  claimRef:\n    namespace: default\n    name: other-pvc\n'],
  ])('stays Pending with a PV of %s', (what, spec) => {
    const script = what === 'too small' ? pv(spec).replace('storage: 10Gi', 'storage: 5Gi') : pv(spec);
    expect(runCourse(SET_ASIDE + script + CLAIM).out(PHASE)).toBe('Pending\n');
  });

  it('a Released PV is not bound again', () => {
    const r = runCourse(
      SET_ASIDE + pv('  accessModes: [ReadWriteMany]\n  storageClassName: fast-ssd\n') + CLAIM +
        'kubectl delete pvc fast-pvc\n' + CLAIM,
    );
    expect(r.out(PHASE, 0)).toBe('Bound\n');
    expect(r.out(PHASE, 1)).toBe('Pending\n');
  });
});
