kubectl delete -f - <<YAML
apiVersion: v1
metadata:
  name: x
  generation: 1.5e-7
YAML
