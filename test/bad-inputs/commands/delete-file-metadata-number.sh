kubectl delete -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata: 5
YAML
