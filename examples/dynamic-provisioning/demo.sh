# Dynamic provisioning with WaitForFirstConsumer on kind's default StorageClass.
# Run with: npx kubesim run examples/dynamic-provisioning/demo.sh --cluster kind

# The default class provisions with rancher.io/local-path and waits for a consumer.
kubectl get storageclass

# 1. The claim stays Pending: nothing is provisioned until a pod uses it.
kubectl apply -f pvc.yaml
kubectl get pvc
kubectl describe pvc example-pvc

# 2. A pod that uses the claim is scheduled; the volume is provisioned on its node and bound.
kubectl apply -f pod.yaml
sleep 60
kubectl get pv
kubectl get pvc
kubectl get pod example-pod -o wide
