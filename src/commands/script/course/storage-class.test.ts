// The course's StorageClass section, command by command: kind's `standard` class restored from
// the sc.yaml backup, example-pvc Pending until example-pod uses it (WaitForFirstConsumer), then a
// pvc-<uid> volume provisioned by rancher.io/local-path; and the two EBS classes (ebs-sc-gp3,
// ebs-sc-io1) on a three-zone cluster, where the disk is made in the zone of the pod's node.
import { describe, expect, it } from 'vitest';
import { runCourse } from './course-script.ts';

// What the course did before this section: the class set aside for the static PV demo.
const BEFORE = 'kubectl get sc standard -o yaml > sc.yaml\nkubectl delete sc standard\n';

const DEMO = `kubectl apply -f sc.yaml
cat <<'EOF' > pvc.yaml
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
kubectl describe sc standard
kubectl describe pvc example-pvc
cat <<'EOF' > pod.yaml
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
kubectl get pv
kubectl get pvc
`;

const UID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('course: StorageClass and dynamic provisioning (kind)', () => {
  it('the restored default class provisions example-pvc once example-pod exists', () => {
    const r = runCourse(BEFORE + DEMO);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    // kubectl clears the backup's resourceVersion before creating (the API server would refuse it).
    expect(r.out('kubectl apply -f sc.yaml')).toBe('storageclass.storage.k8s.io/standard created\n');
    // The claim got the default class and waits for a pod.
    expect(r.out('kubectl get pvc', 0)).toBe(
      'NAME          STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'example-pvc   Pending                                      standard       <unset>                 0s\n',
    );
    const sc = r.out('kubectl describe sc standard');
    expect(sc).toMatch(/^Name:            standard\nIsDefaultClass:  Yes\n/);
    expect(sc).toContain('storageclass.kubernetes.io/is-default-class=true\nProvisioner:           rancher.io/local-path\n');
    expect(sc).toContain('ReclaimPolicy:         Delete\nVolumeBindingMode:     WaitForFirstConsumer\n');
    expect(r.out('kubectl describe pvc example-pvc')).toContain(
      'Normal  WaitForFirstConsumer  0s    persistentvolume-controller  waiting for first consumer to be created before binding\n',
    );
    expect(r.out('kubectl apply -f pod.yaml')).toBe('pod/example-pod created\n');
    // The course's rows, with a volume name of this run's claim uid and a younger age.
    expect(r.out('kubectl get pv')).toMatch(
      new RegExp(
        '^NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
          `pvc-${UID}   2Gi        RWO            Delete           Bound    default/example-pvc   standard       <unset>                          0s\n$`,
      ),
    );
    expect(r.out('kubectl get pvc', 1)).toMatch(
      new RegExp(
        '^NAME          STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
          `example-pvc   Bound    pvc-${UID}   2Gi        RWO            standard       <unset>                 0s\n$`,
      ),
    );
  });

  // Left from the static demo (as the course wrote it), example-pvc and example-pod are still
  // there, bound to example-pv: the course's output needs them deleted first, which it does not show.
  const STATIC =
    "cat <<'EOF' > pv.yaml\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: example-pv\nspec:\n  capacity:\n    storage: 5Gi\n  accessModes:\n    - ReadWriteOnce\n  persistentVolumeReclaimPolicy: Retain\n  hostPath:\n    path: /mnt/data\nEOF\n" +
    "cat <<'EOF' > pvc.yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: example-pvc\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 2Gi\nEOF\n" +
    "cat <<'EOF' > pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: example-pod\nspec:\n  containers:\n    - name: nginx-container\n      image: nginx\n      volumeMounts:\n        - mountPath: /usr/share/nginx/html\n          name: persistent-storage\n  volumes:\n    - name: persistent-storage\n      persistentVolumeClaim:\n        claimName: example-pvc\nEOF\n" +
    'kubectl apply -f pv.yaml\nkubectl apply -f pvc.yaml\nkubectl apply -f pod.yaml\n';

  it('typed right after the static demo, nothing changes: the old claim is still bound to example-pv', () => {
    const r = runCourse(BEFORE + STATIC + DEMO);
    expect(r.stderr).toBe('');
    expect(r.out('kubectl apply -f pvc.yaml', 1)).toBe('persistentvolumeclaim/example-pvc unchanged\n');
    expect(r.out('kubectl apply -f pod.yaml', 1)).toBe('pod/example-pod unchanged\n');
    expect(r.out('kubectl get pv')).toMatch(/^example-pv +5Gi +RWO +Retain +Bound +default\/example-pvc +<unset> +\d+s\n$/m);
    expect(r.out('kubectl get pv').split('\n')).toHaveLength(3);
  });

  it('with the old pod and claim deleted, the course\'s volume is provisioned; example-pv stays Released', () => {
    const r = runCourse(BEFORE + STATIC + 'kubectl delete pod example-pod\nkubectl delete pvc example-pvc\n' + DEMO);
    expect(r.stderr).toBe('');
    // The Released example-pv (no class) is no candidate for a claim of class standard.
    expect(r.out('kubectl get pv')).toMatch(new RegExp(`^example-pv +5Gi +RWO +Retain +Released +default/example-pvc +<unset> .*\npvc-${UID} +2Gi +RWO +Delete +Bound +default/example-pvc +standard +<unset> `, 'm'));
  });
});

const EBS_CLASSES = `cat <<'EOF' > ebs-classes.yaml
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ebs-sc-gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ebs-sc-io1
provisioner: ebs.csi.aws.com
parameters:
  type: io1
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
EOF
kubectl apply -f ebs-classes.yaml
cat <<'EOF' > ebs-csi-pvc.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ebs-csi-pvc
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 10Gi
  storageClassName: ebs-sc-gp3
EOF
kubectl apply -f ebs-csi-pvc.yaml
kubectl get pvc ebs-csi-pvc
cat <<'EOF' > ebs-csi-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: ebs-csi-pod
spec:
  containers:
    - name: app-container
      image: nginx
      volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: ebs-storage
  volumes:
    - name: ebs-storage
      persistentVolumeClaim:
        claimName: ebs-csi-pvc
EOF
kubectl apply -f ebs-csi-pod.yaml
kubectl get pvc ebs-csi-pvc
NODE=$(kubectl get pod ebs-csi-pod -o jsonpath={.spec.nodeName})
kubectl get node $NODE -o jsonpath='{.metadata.labels.topology\\.kubernetes\\.io/zone}{"\\n"}'
PV=$(kubectl get pvc ebs-csi-pvc -o jsonpath={.spec.volumeName})
kubectl get pv $PV -o jsonpath='{.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}{"\\n"}'
kubectl get pv $PV -o jsonpath='{.spec.csi.driver} {.spec.csi.fsType} {.spec.storageClassName} {.spec.persistentVolumeReclaimPolicy}{"\\n"}'
`;

describe('course: EBS classes and WaitForFirstConsumer across zones (multi-az)', () => {
  it('both classes coexist; the claim waits for its pod, and the disk is made in the pod’s zone', () => {
    const r = runCourse(EBS_CLASSES, 'multi-az');
    expect(r.stderr).toBe('');
    expect(r.out('kubectl apply -f ebs-classes.yaml')).toBe('storageclass.storage.k8s.io/ebs-sc-gp3 created\nstorageclass.storage.k8s.io/ebs-sc-io1 created\n');
    expect(r.out('kubectl get pvc ebs-csi-pvc', 0)).toMatch(/^ebs-csi-pvc   Pending                                      ebs-sc-gp3  /m);
    expect(r.out('kubectl get pvc ebs-csi-pvc', 1)).toMatch(new RegExp(`^ebs-csi-pvc   Bound    pvc-${UID}   10Gi       RWO            ebs-sc-gp3  `, 'm'));
    const zone = r.out(`kubectl get node $NODE -o jsonpath='{.metadata.labels.topology\\.kubernetes\\.io/zone}{"\\n"}'`);
    expect(zone).toMatch(/^us-east-1[abc]\n$/);
    expect(r.out(`kubectl get pv $PV -o jsonpath='{.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}{"\\n"}'`)).toBe(zone);
    expect(r.out(`kubectl get pv $PV -o jsonpath='{.spec.csi.driver} {.spec.csi.fsType} {.spec.storageClassName} {.spec.persistentVolumeReclaimPolicy}{"\\n"}'`)).toBe(
      'ebs.csi.aws.com ext4 ebs-sc-gp3 Delete\n',
    );
  });

  it('reclaimPolicy Delete: deleting the claim deletes the provisioned volume', () => {
    const r = runCourse(EBS_CLASSES + 'kubectl delete pod ebs-csi-pod\nkubectl delete pvc ebs-csi-pvc\nkubectl get pv\n', 'multi-az');
    expect(r.out('kubectl get pv')).toBe('');
    expect(r.stderr).toBe('No resources found\n');
  });
});
