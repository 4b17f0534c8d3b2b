# A YAML error ends the file: the documents after it are not read.
kubectl delete -f - <<YAML
apiVersion: v1
kind: 5
---
a: b: c
---
kind: 6
YAML
