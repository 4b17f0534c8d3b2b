# Generic ephemeral volumes: a pod-scoped claim, provisioned like any other, removed with the pod.
# Run with: npx kubesim run examples/ephemeral-volumes/demo.sh

kubectl apply -f scratch-pod.yaml
kubectl get pod report-builder
# The claim is named after the pod and the volume, and the pod owns it.
kubectl get pvc
kubectl get pvc report-builder-scratch -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\n"}'
kubectl get pv
kubectl exec report-builder -- cat /scratch/report.txt
kubectl exec report-builder -- ls -l /scratch

# Deleting the pod deletes its claim (garbage collection), and the Delete policy removes the volume.
kubectl delete pod report-builder
sleep 5
kubectl get pvc
kubectl get pv

# A claim of that name that belongs to someone else is never taken over: the pod waits.
kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: report-builder-scratch
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
EOF
kubectl apply -f scratch-pod.yaml
kubectl get pod report-builder
kubectl describe pod report-builder | tail -4
