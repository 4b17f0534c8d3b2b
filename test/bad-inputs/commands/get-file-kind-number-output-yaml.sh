# With -o, get reduces the errors to one: a lone one gets `error: `, after the (empty) List.
kubectl get -o yaml -f - <<YAML
apiVersion: v1
kind: 5
YAML
