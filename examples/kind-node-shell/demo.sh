# kind's nodes are containers on the Docker host, as in real kind: `docker exec` into one is a
# shell on the node, where the local-path provisioner's volumes and hostPath files really live.
# Run with: npx kubesim run examples/kind-node-shell/demo.sh

# The cluster's one node, kind-control-plane, is a container of the kindest/node image.
docker ps

# A claim of the default class (local-path) and a pod that writes to it and to a hostPath.
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: notes
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: writer
    image: busybox
    command: ["sh", "-c", "echo 'kept on the node' > /notes/note.txt && echo 'from a hostPath' > /host/hello.txt && sleep 3600"]
    volumeMounts:
    - name: notes
      mountPath: /notes
    - name: host
      mountPath: /host
  volumes:
  - name: notes
    persistentVolumeClaim:
      claimName: notes
  - name: host
    hostPath:
      path: /mnt/node-data
      type: DirectoryOrCreate
YAML
kubectl wait --for=condition=Ready pod/writer --timeout=60s

# On the node: the provisioner's directory is pvc-<uid>_<namespace>_<claim>.
docker exec kind-control-plane ls /var/local-path-provisioner
docker exec kind-control-plane sh -c 'for d in /var/local-path-provisioner/*_default_notes; do cat "$d/note.txt"; done'
docker exec kind-control-plane cat /mnt/node-data/hello.txt
docker exec kind-control-plane hostname

# A script has no terminal, so an interactive shell is refused as docker refuses it.
docker exec -it kind-control-plane bash
