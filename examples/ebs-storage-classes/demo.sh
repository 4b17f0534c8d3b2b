# Several StorageClasses for one CSI driver, and dynamic provisioning through one of them.
# Run with: npx kubesim run examples/ebs-storage-classes/demo.sh --cluster multi-az

kubectl apply -f classes.yaml
kubectl get storageclass

# The claim waits for its consumer; the pod triggers CreateVolume in its zone, then the disk is
# attached to the pod's node (a VolumeAttachment) and mounted.
kubectl apply -f app.yaml
kubectl get pvc ebs-csi-pvc
kubectl get pv
kubectl get volumeattachments
kubectl describe pvc ebs-csi-pvc
