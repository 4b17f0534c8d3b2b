# The builder checks TypeMeta and ObjectMeta's field types before it sends anything.
kubectl delete -f - <<YAML
apiVersion: 1
kind: Pod
metadata:
  name: x
YAML
