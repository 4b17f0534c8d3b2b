# The builder takes objects from files or from arguments, not both.
kubectl delete -f - pod/x <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: x
YAML
