// The manifest a first-time visitor sees: the static-provisioning example from
// examples/static-pv-pvc, as one multi-document file.
export const STARTER_MANIFEST = `# Static provisioning: an administrator creates a volume by hand,
# a claim asks for storage, and a pod mounts whatever the claim is bound to.
# Press Apply (Ctrl/Cmd+Enter) and watch the canvas.
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
---
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
---
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
`;
