# When things break: a container restart, a node that loses power, a zone that goes dark. What
# Kubernetes does on its own, on its own clock, and what it leaves to you.
# Run with: npx kubesim run examples/node-failure/demo.sh --cluster multi-az

# A web server in a Deployment of one, its pages on an EBS disk (ReadWriteOnce, gp3).
kubectl apply -f web.yaml
kubectl get pods -o wide
kubectl exec deploy/web -- sh -c 'echo "Hello from the disk" > /usr/share/nginx/html/index.html'

# 1. Restart a container. nginx handles SIGTERM, so `kill 1` stops it and the kubelet starts it
#    again from its image: the disk keeps its file, the container's writable layer is new.
#    (A shell or `sleep` as PID 1 has no handler: the kernel drops the signal, even -9.)
kubectl exec deploy/web -- sh -c 'echo scratch > /tmp/scratch'
kubectl exec deploy/web -- kill 1
kubectl get pods
kubectl exec deploy/web -- cat /usr/share/nginx/html/index.html
kubectl exec deploy/web -- ls /tmp

# 2. The pod's node loses power. Nothing is told to the API server: for 50 s (the node monitor
#    grace period) the node still looks Ready; then its conditions go Unknown and it is tainted.
kubesim node fail worker-a1
kubectl get nodes
sleep 50
kubectl get nodes
kubectl describe node worker-a1 | grep -E 'Taints|unreachable|Ready|NodeNotReady'

# 3. Every pod tolerates node.kubernetes.io/unreachable for 300 s. Then it is evicted: it stays
#    Terminating (no kubelet is left to confirm), and the ReplicaSet starts a replacement in the
#    disk's zone. But the disk is still attached to worker-a1: Multi-Attach error.
kubectl get pods -o wide
sleep 5m
kubectl get pods -o wide
kubectl get events | grep Multi-Attach

# 4. Kubernetes will not move a disk that may still be in use. Once you know the node is gone,
#    force-delete its pod. The disk was never unmounted there, so the attach/detach controller
#    still waits 6 minutes (maxWaitForUnmountDuration) before it force-detaches it.
#    (Since v1.28 there is a quicker way: `kubectl taint nodes worker-a1
#    node.kubernetes.io/out-of-service=nodeshutdown:NoExecute` tells Kubernetes the machine is off
#    for sure: its pods are deleted and their disks detached at once.)
kubectl delete pod web-6d7dc85dc5-hqrpj --force --grace-period=0
sleep 6m
kubectl get pods -o wide
sleep 15
kubectl get pods -o wide
kubectl exec deploy/web -- cat /usr/share/nginx/html/index.html

# 5. Power comes back: the kubelet posts Ready again and the taints go.
kubesim node recover worker-a1
kubectl get nodes

# 6. A whole zone goes dark. The disk lives in us-east-1a, so the pod that needs it cannot run
#    anywhere else: its replacement stays Pending until the zone is back.
kubesim zone down us-east-1a
sleep 6m
kubectl get pods -o wide
kubectl get events | grep FailedScheduling
kubesim zone up us-east-1a
kubectl get pods -o wide
