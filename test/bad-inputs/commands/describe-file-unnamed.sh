kubectl describe -f - <<YAML
apiVersion: v1
kind: ConfigMap
YAML
