# The kubectl a CKA candidate lives in: objects made without writing YAML, manifests generated
# with --dry-run=client -o yaml, scaling, a throwaway pod, and a change checked before it is made.
# Run with: npx kubesim run examples/kubectl-habits/demo.sh

# Configuration from literals, a file (its name is the key) and an env file (one key a line).
kubectl create configmap app-config --from-literal=MODE=production --from-file=app.properties
kubectl create secret generic db-creds --from-env-file=db.env
kubectl get configmap,secret
kubectl create configmap app-config --from-literal=MODE=staging

# Generate a manifest instead of typing one, keep it, apply it.
kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80 --dry-run=client -o yaml > web.yaml
cat web.yaml
kubectl apply -f web.yaml
kubectl get deployment web

# Scale; --current-replicas refuses to scale from a size you did not expect.
kubectl scale deployment web --replicas=4
kubectl scale deployment web --current-replicas=2 --replicas=3
kubectl get deployment web

# A pod straight from the command line: see it first, then create it.
kubectl run probe --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sleep 3600
kubectl run probe --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl get pod probe

# A throwaway pod: runs its command, prints what it printed, and is deleted.
kubectl run tmp --image=busybox:1.36 --rm -it --restart=Never -- echo hello from a throwaway pod

# Ask the API server whether a change would work, without making it.
kubectl label deployment web tier=frontend --dry-run=server
kubectl delete deployment web --dry-run=server
kubectl get deployment web --show-labels

# Everything the workloads made, one table per kind; and what a field means, from the API's schema.
kubectl get all
kubectl explain pod.spec.restartPolicy
kubectl explain pvc.spec.accessModes

kubectl delete pod probe
kubectl delete deployment web
