# delete goes on past documents it cannot decode and reports them last, together.
kubectl delete -f - <<YAML
apiVersion: v1
kind: 5
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-there
---
hello
YAML
