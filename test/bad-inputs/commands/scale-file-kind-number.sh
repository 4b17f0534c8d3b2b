# scale goes on with what it could read; with nothing left it says so, naming the builder's errors.
kubectl scale --replicas=2 -f - <<YAML
apiVersion: apps/v1
kind: 5
---
- web
YAML
