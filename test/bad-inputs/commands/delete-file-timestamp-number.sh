# metav1.Time decodes itself: its error stops the decoder ahead of the earlier ones.
kubectl delete -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  annotations: {a: 1}
  creationTimestamp: 5
YAML
