kubectl create --validate=false -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: 5
YAML
