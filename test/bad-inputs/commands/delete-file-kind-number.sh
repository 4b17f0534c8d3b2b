# kind must be a non-empty string: the resource builder quotes the document as JSON, keys sorted.
kubectl delete -f - <<YAML
apiVersion: v1
kind: 5
metadata:
  name: x
YAML
