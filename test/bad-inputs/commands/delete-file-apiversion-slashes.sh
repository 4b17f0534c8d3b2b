kubectl delete -f - <<YAML
apiVersion: a/b/c
kind: Pod
metadata:
  name: x
YAML
