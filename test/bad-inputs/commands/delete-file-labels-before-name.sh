# encoding/json reports the first mistake in key order, and YAML reaches it with its keys sorted.
kubectl delete -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: 5
  namespace: 6
  labels: [a]
YAML
