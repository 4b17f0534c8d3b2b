kubectl get -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-there
---
kind: ""
YAML
