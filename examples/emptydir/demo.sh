# emptyDir: scratch space shared by the containers of one pod, gone with the pod.
# Run with: npx kubesim run examples/emptydir/demo.sh

kubectl apply -f pod.yaml

# One container writes into the shared volume; the other reads it back.
kubectl exec emptydir-example -c busybox-container -- sh -c 'echo "What a file!" > /data/myfile.txt'
kubectl exec emptydir-example -c busybox-container-2 -- cat /data/myfile.txt

# Outside the volume each container has its own writable layer: the second one cannot see this file.
kubectl exec emptydir-example -c busybox-container -- sh -c 'echo "only mine" > /tmp/private.txt'
kubectl exec emptydir-example -c busybox-container-2 -- cat /tmp/private.txt

# The volume is an ordinary directory of the node's disk.
kubectl exec emptydir-example -c busybox-container -- mount
