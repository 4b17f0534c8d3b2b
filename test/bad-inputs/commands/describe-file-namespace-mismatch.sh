kubectl describe -n dev -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  namespace: other
YAML
