# get prints the builder's errors as an aggregate: no `error: ` prefix even for one.
kubectl get -f - <<YAML
apiVersion: v1
kind: 5
YAML
