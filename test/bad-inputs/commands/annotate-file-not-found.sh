kubectl annotate -f - a=b <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-there
YAML
