kubectl delete -f - <<YAML
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: 5
YAML
