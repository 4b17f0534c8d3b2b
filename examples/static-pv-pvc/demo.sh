# Static provisioning: an admin creates a PersistentVolume, a user claims it, a pod mounts it.
# Run with: npx kubesim run examples/static-pv-pvc/demo.sh --cluster bare

# 1. The volume exists before anyone asks for it: Available.
kubectl apply -f pv.yaml
kubectl get pv

# 2. The claim asks for 2Gi; the 5Gi volume is the smallest that fits, so they bind.
#    The claim reports the volume's capacity (5Gi), not the 2Gi it asked for.
kubectl apply -f pvc.yaml
kubectl get pvc
kubectl get pv

# 3. A pod mounts the claim and starts.
kubectl apply -f pod.yaml
kubectl get pod example-pod
kubectl describe pvc example-pvc
