kubectl label -f - configmap x a=b <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
YAML
