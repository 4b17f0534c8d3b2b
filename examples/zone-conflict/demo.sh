# A disk bound Immediately lands in one zone; a pod that may only run in another zone can never
# mount it. The scheduler's event says so in its words, `kubesim explain` names both zones and the
# fixes, and WaitForFirstConsumer puts the disk where the pod runs.
# Run with: npx kubesim run examples/zone-conflict/demo.sh --cluster multi-az

kubectl get nodes -L topology.kubernetes.io/zone
kubectl get storageclass

# 1. Immediate binding: the claim is Bound at once, to a disk in the zone the provisioner picked.
kubectl apply -f immediate-class.yaml
kubectl apply -f claim.yaml
kubectl get pvc reports-db
kubectl get pv -o jsonpath='{.items[0].spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}{"\n"}'

# 2. The pod may only run in us-east-1c: every node there fails the disk's node affinity.
kubectl apply -f pod.yaml
kubectl get pod reports
kubectl get events --field-selector involvedObject.name=reports
kubesim explain pod/reports

# 3. The fix: recreate the claim with the cluster's gp3 class, which waits for the first consumer
# (the old disk goes with the old claim, reclaim policy Delete), then the pod. The disk is now
# created once the scheduler has picked the pod's node, in that node's zone.
kubectl delete pod reports
kubectl delete pvc reports-db
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: reports-db
spec:
  storageClassName: gp3
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 10Gi
EOF
kubectl get pvc reports-db
kubectl apply -f pod.yaml
kubectl get pod reports -o wide
kubectl get pv -o jsonpath='{.items[0].spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}{"\n"}'
kubesim explain pod/reports
