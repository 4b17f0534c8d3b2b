kubectl delete -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  generation: 1.5
YAML
