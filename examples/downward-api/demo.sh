# The downward API: a pod's own metadata, as environment variables and as files.
# Run with: npx kubesim run examples/downward-api/demo.sh

kubectl apply -f pods.yaml

# As environment variables: resolved once, when the container starts.
kubectl exec downwardapi-example -- env | grep POD_

# As files: each is a symlink through ..data, so the kubelet can swap all of them at once.
kubectl exec downwardapi-volume -- ls -l /etc/podinfo
kubectl exec downwardapi-volume -- cat /etc/podinfo/labels
# No trailing newline in these files, one key="value" per line, sorted by key.
# The annotations file also holds the annotation `kubectl apply` adds (last-applied-configuration).
kubectl exec downwardapi-volume -- cat /etc/podinfo/annotations

# The container's command printed both files when it started (annotations first: * sorts them).
kubectl logs downwardapi-volume

# The volume is read-only.
kubectl exec downwardapi-volume -- sh -c 'echo changed > /etc/podinfo/labels'
