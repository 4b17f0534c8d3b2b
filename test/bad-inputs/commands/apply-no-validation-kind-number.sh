# Without validation every document meets the decoder; apply goes on with the ones it can read.
kubectl apply --validate=false -f - <<YAML
hello
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: still-applied
---
apiVersion: v1
kind: 5
YAML
