# Why WaitForFirstConsumer matters in a multi-zone cluster: an EBS disk lives in one zone, and a
# pod can only mount it from a node in that zone.
# Run with: npx kubesim run examples/multi-zone/demo.sh --cluster multi-az

# Three zones, two workers each, and the default class gp3 waits for the first consumer.
kubectl get nodes -L topology.kubernetes.io/zone
kubectl get storageclass

# 1. WaitForFirstConsumer: the disk is created in the zone of the node the pod was given.
kubectl apply -f wffc.yaml
kubectl get pod orders -o wide
kubectl get pv
kubectl describe pv

# 2. Immediate: the disk is created at once, before the scheduler knows where the pod will run.
kubectl apply -f immediate.yaml
kubectl get pvc reports-db
kubectl get pod reports
kubectl describe pod reports
kubesim explain pod/reports
