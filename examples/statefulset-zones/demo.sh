# A StatefulSet with volumeClaimTemplates across three zones: each replica gets its own claim,
# and under WaitForFirstConsumer each claim's disk is made in the zone its pod was scheduled to.
# Run with: npx kubesim run examples/statefulset-zones/demo.sh --cluster multi-az

kubectl get nodes -L topology.kubernetes.io/zone
kubectl get storageclass

# web-0, web-1, web-2 start one after the other; claim www-web-N is created just before pod web-N.
kubectl apply -f web.yaml
kubectl get statefulsets -o wide
kubectl get pods,pvc -o wide
# The scheduler spreads the replicas over the zones (PodTopologySpread's defaults), and each
# disk's node affinity names the zone of the node its pod runs on.
kubectl describe pv
kubectl describe statefulset web

# Scaling down removes the highest ordinal first; its claim (and disk) stays for when it comes back.
kubectl patch statefulset web --type merge -p '{"spec":{"replicas":1}}'
kubectl get pods,pvc
kubectl get sts web

# Scaling up again: web-1 and web-2 come back to their own claims, in the zones of their disks.
kubectl patch statefulset web --type merge -p '{"spec":{"replicas":3}}'
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.kind=StatefulSet

# Only replicas, ordinals, template, updateStrategy, the retention policy and minReadySeconds may change.
kubectl patch statefulset web --type merge -p '{"spec":{"serviceName":"other"}}'
